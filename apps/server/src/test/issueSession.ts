import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { BoardRole } from '@fdr/model';
import pg from 'pg';
import { AccountStore, type User } from '../auth/AccountStore.ts';
import { pgExecutor, type SqlExecutor, sqliteExecutor } from '../auth/SqlExecutor.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { SESSION_COOKIE } from '../http/sessionCookie.ts';

export interface IssuedSession {
  user: User;
  /** `fdr_session=...`, for a Cookie header. */
  cookie: string;
}

/** Where a server keeps its accounts: its SQLite data folder, or PostgreSQL and a schema. */
export type AccountsLocation = { dataDir: string } | { databaseUrl: string; schema: string };

function executor(location: AccountsLocation): SqlExecutor {
  if ('dataDir' in location) {
    const db = new DatabaseSync(join(location.dataDir, 'boards.sqlite'));
    db.exec('PRAGMA busy_timeout = 5000');
    return sqliteExecutor(db);
  }
  const pool = new pg.Pool({
    connectionString: location.databaseUrl,
    options: `-c search_path=${location.schema}`,
    max: 1,
  });
  return pgExecutor(pool);
}

/**
 * A user with a live session, written straight into a server's account tables (the server may
 * be another process): tests sign in without paying for a password hash.
 */
export async function issueSession(
  location: AccountsLocation | AccountStore,
  options: {
    admin?: boolean;
    board?: string;
    role?: BoardRole;
    cardIds?: string[];
    email?: string;
  } = {},
): Promise<IssuedSession> {
  const store =
    location instanceof AccountStore ? location : await AccountStore.open(executor(location));
  try {
    const user = await store.createUser({
      email: options.email ?? `test-${randomBytes(6).toString('hex')}@example.ca`,
      name: 'Test',
      passwordHash: 'scrypt$10$8$1$unusable$unusable',
      isAdmin: options.admin ?? !options.role,
    });
    if (options.board && options.role) {
      await store.setMembership({
        boardId: options.board,
        userId: user.id,
        role: options.role,
        cardIds: options.cardIds ?? [],
      });
    }
    const token = newToken();
    await store.createSession(hashToken(token), user.id, Date.now() + 3_600_000);
    return { user, cookie: `${SESSION_COOKIE}=${token}` };
  } finally {
    if (!(location instanceof AccountStore)) await store.close();
  }
}
