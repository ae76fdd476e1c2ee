import { type BoardMembership, type BoardRole, isBoardRole } from '@fdr/model';
import { commentsMigration } from '../comments/commentsMigration.ts';
import { mailMigration } from '../mail/mailMigration.ts';
import { meetingsMigration } from '../meetings/meetingsMigration.ts';
import { MfaStore, mfaMigration } from './mfa/MfaStore.ts';
import { SignInAttempts } from './SignInAttempts.ts';
import type { Row, SqlExecutor } from './SqlExecutor.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: number;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

export type TokenKind = 'invite' | 'setup' | 'reset';

/** A single-use link: an invitation, the first-start setup link, or a password reset. */
export interface LinkToken {
  tokenHash: string;
  kind: TokenKind;
  boardId: string | null;
  role: BoardRole | null;
  cardIds: string[];
  /** The user a reset link is for. */
  userId: string | null;
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedBy: string | null;
}

export interface AuditEntry {
  id: number;
  at: number;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  boardId: string | null;
  target: string | null;
  details: Record<string, unknown>;
}

/** A single sign-on under way, between the redirect to the provider and its answer. */
export interface OidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The page to open after signing in (a path of this site). */
  nextPath: string;
  /** An invitation token accepted by signing in, if any. */
  invite: string | null;
}

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`an account already exists for ${email}`);
    this.name = 'DuplicateEmailError';
  }
}

const TIME = { sqlite: 'INTEGER', postgres: 'BIGINT' } as const;

/** Numbered migrations; each runs once, in order. */
function migrations(dialect: 'sqlite' | 'postgres'): string[][] {
  const t = TIME[dialect];
  return [
    [
      `CREATE TABLE IF NOT EXISTS users (
        id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        password_hash TEXT NOT NULL, is_admin INTEGER NOT NULL DEFAULT 0, created_at ${t} NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at ${t} NOT NULL, expires_at ${t} NOT NULL)`,
      'CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id)',
      `CREATE TABLE IF NOT EXISTS memberships (
        board_id TEXT NOT NULL, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL, card_ids TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (board_id, user_id))`,
      'CREATE INDEX IF NOT EXISTS memberships_by_user ON memberships (user_id)',
      `CREATE TABLE IF NOT EXISTS link_tokens (
        token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, board_id TEXT, role TEXT,
        card_ids TEXT NOT NULL DEFAULT '[]', user_id TEXT, created_by TEXT,
        created_at ${t} NOT NULL, expires_at ${t} NOT NULL, used_at ${t}, used_by TEXT)`,
      `CREATE TABLE IF NOT EXISTS login_failures (
        key TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until ${t} NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS audit_log (
        id ${dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY'},
        at ${t} NOT NULL, actor_id TEXT, actor_email TEXT, action TEXT NOT NULL, board_id TEXT,
        target TEXT, details TEXT NOT NULL DEFAULT '{}')`,
      'CREATE INDEX IF NOT EXISTS audit_by_board ON audit_log (board_id, at)',
    ],
    // Sign-in counts that decay (per address), and the addresses each account signed in from.
    [
      `ALTER TABLE login_failures ADD COLUMN window_start ${t} NOT NULL DEFAULT 0`,
      `CREATE TABLE IF NOT EXISTS known_addresses (
        email TEXT NOT NULL, address TEXT NOT NULL, last_at ${t} NOT NULL,
        PRIMARY KEY (email, address))`,
    ],
    // Single sign-on: the provider's subject of each account, the sign-ins under way (state,
    // nonce and PKCE verifier kept here, the browser holding only a handle), and the ID token of
    // a session, for the provider's sign-out.
    [
      `CREATE TABLE IF NOT EXISTS oidc_identities (
        issuer TEXT NOT NULL, subject TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at ${t} NOT NULL, PRIMARY KEY (issuer, subject))`,
      'CREATE INDEX IF NOT EXISTS oidc_identities_by_user ON oidc_identities (user_id)',
      `CREATE TABLE IF NOT EXISTS oidc_logins (
        handle_hash TEXT PRIMARY KEY, state TEXT NOT NULL, nonce TEXT NOT NULL,
        code_verifier TEXT NOT NULL, next_path TEXT NOT NULL, invite TEXT,
        created_at ${t} NOT NULL, expires_at ${t} NOT NULL)`,
      'ALTER TABLE sessions ADD COLUMN id_token TEXT',
    ],
    // Second factor (auth/mfa/MfaStore.ts): one authenticator per account, its recovery codes,
    // and the sign-ins waiting for a code.
    mfaMigration(dialect),
    // Conversations (comments, notifications) and outgoing mail (outbox, preferences, reminders).
    [...commentsMigration(dialect), ...mailMigration(dialect)],
    // Meetings (meetings/meetingsMigration.ts): agendas, dot votes, decisions and actions.
    meetingsMigration(dialect),
  ];
}

function toUser(row: Row): UserWithHash {
  return {
    id: String(row.id),
    email: String(row.email),
    name: String(row.name),
    isAdmin: Number(row.is_admin) === 1,
    createdAt: Number(row.created_at),
    passwordHash: String(row.password_hash),
  };
}

function publicUser({ passwordHash: _, ...user }: UserWithHash): User {
  return user;
}

function parseIds(raw: unknown): string[] {
  try {
    const value: unknown = JSON.parse(String(raw ?? '[]'));
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function toToken(row: Row): LinkToken {
  return {
    tokenHash: String(row.token_hash),
    kind: String(row.kind) as TokenKind,
    boardId: row.board_id == null ? null : String(row.board_id),
    role: isBoardRole(row.role) ? row.role : null,
    cardIds: parseIds(row.card_ids),
    userId: row.user_id == null ? null : String(row.user_id),
    createdBy: row.created_by == null ? null : String(row.created_by),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    usedAt: row.used_at == null ? null : Number(row.used_at),
    usedBy: row.used_by == null ? null : String(row.used_by),
  };
}

function toMembership(row: Row): BoardMembership | null {
  if (!isBoardRole(row.role)) return null;
  return {
    boardId: String(row.board_id),
    userId: String(row.user_id),
    role: row.role,
    cardIds: parseIds(row.card_ids),
  };
}

/**
 * Accounts, sessions, board memberships, single-use links, sign-in throttling and the audit log,
 * in the same database as the boards (SQLite or PostgreSQL), with its own migrations.
 */
export class AccountStore {
  private readonly sql: SqlExecutor;
  /** Sign-in throttling (its own module: the lockout's SQL). */
  readonly attempts: SignInAttempts;
  /** Second factors (their own module). */
  readonly mfa: MfaStore;

  static async open(sql: SqlExecutor): Promise<AccountStore> {
    const store = new AccountStore(sql);
    await store.migrate();
    return store;
  }

  /** The database, for the stores that share it (comments, notifications, mail). */
  get executor(): SqlExecutor {
    return this.sql;
  }

  private constructor(sql: SqlExecutor) {
    this.sql = sql;
    this.attempts = new SignInAttempts(sql);
    this.mfa = new MfaStore(sql);
  }

  private async migrate(): Promise<void> {
    await this.sql.transaction(async (tx) => {
      if (tx.dialect === 'postgres') {
        await tx.run("SELECT pg_advisory_xact_lock(hashtextextended('fdr:auth-migrations', 0))");
      }
      await tx.run(
        'CREATE TABLE IF NOT EXISTS auth_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
      );
      const [row] = await tx.all(
        'SELECT CAST(COALESCE(MAX(version), 0) AS INTEGER) AS v FROM auth_migrations',
      );
      const current = Number(row?.v ?? 0);
      const all = migrations(tx.dialect);
      for (let i = current; i < all.length; i++) {
        for (const statement of all[i]!) await tx.run(statement);
        await tx.run('INSERT INTO auth_migrations (version, applied_at) VALUES (?, ?)', [
          i + 1,
          Date.now(),
        ]);
      }
    });
  }

  // Users

  async createUser(user: {
    email: string;
    name: string;
    passwordHash: string;
    isAdmin: boolean;
  }): Promise<User> {
    const email = user.email.trim().toLowerCase();
    const id = globalThis.crypto.randomUUID();
    try {
      await this.sql.run(
        'INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [id, email, user.name.trim(), user.passwordHash, user.isAdmin ? 1 : 0, Date.now()],
      );
    } catch (error) {
      if (/unique|duplicate/i.test(String(error))) throw new DuplicateEmailError(email);
      throw error;
    }
    const created = await this.userById(id);
    if (!created) throw new Error('user vanished after insert');
    return publicUser(created);
  }

  async userByEmail(email: string): Promise<UserWithHash | null> {
    const [row] = await this.sql.all('SELECT * FROM users WHERE email = ?', [
      email.trim().toLowerCase(),
    ]);
    return row ? toUser(row) : null;
  }

  async userById(id: string): Promise<UserWithHash | null> {
    const [row] = await this.sql.all('SELECT * FROM users WHERE id = ?', [id]);
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<User[]> {
    return (await this.sql.all('SELECT * FROM users ORDER BY email')).map((r) =>
      publicUser(toUser(r)),
    );
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.sql.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, userId]);
  }

  async setAdmin(userId: string, isAdmin: boolean): Promise<void> {
    await this.sql.run('UPDATE users SET is_admin = ? WHERE id = ?', [isAdmin ? 1 : 0, userId]);
  }

  async countAdmins(): Promise<number> {
    const [row] = await this.sql.all(
      'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM users WHERE is_admin = 1',
    );
    return Number(row?.n ?? 0);
  }

  // Sessions

  async createSession(tokenHash: string, userId: string, expiresAt: number): Promise<void> {
    await this.sql.run(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      [tokenHash, userId, Date.now(), expiresAt],
    );
  }

  /** The user of a live session, or null (unknown or expired). */
  async sessionUser(tokenHash: string, now = Date.now()): Promise<User | null> {
    const [row] = await this.sql.all(
      'SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?',
      [tokenHash, now],
    );
    return row ? publicUser(toUser(row)) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
  }

  async deleteExpiredSessions(now = Date.now()): Promise<number> {
    return this.sql.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
  }

  /** The ID token a session was opened with (single sign-on), for the provider's sign-out. */
  async setSessionIdToken(tokenHash: string, idToken: string): Promise<void> {
    await this.sql.run('UPDATE sessions SET id_token = ? WHERE token_hash = ?', [
      idToken,
      tokenHash,
    ]);
  }

  async sessionIdToken(tokenHash: string): Promise<string | null> {
    const [row] = await this.sql.all('SELECT id_token FROM sessions WHERE token_hash = ?', [
      tokenHash,
    ]);
    return row?.id_token == null ? null : String(row.id_token);
  }

  // Single sign-on

  async userByIdentity(issuer: string, subject: string): Promise<UserWithHash | null> {
    const [row] = await this.sql.all(
      'SELECT u.* FROM oidc_identities i JOIN users u ON u.id = i.user_id WHERE i.issuer = ? AND i.subject = ?',
      [issuer, subject],
    );
    return row ? toUser(row) : null;
  }

  async linkIdentity(issuer: string, subject: string, userId: string): Promise<void> {
    await this.sql.run(
      'INSERT INTO oidc_identities (issuer, subject, user_id, created_at) VALUES (?, ?, ?, ?)',
      [issuer, subject, userId, Date.now()],
    );
  }

  /** A provider's new name or email for an account (the email only when no other account has it). */
  async updateProfile(userId: string, profile: { name?: string; email?: string }): Promise<void> {
    if (profile.name) {
      await this.sql.run('UPDATE users SET name = ? WHERE id = ?', [profile.name.trim(), userId]);
    }
    if (profile.email) {
      const email = profile.email.trim().toLowerCase();
      const taken = await this.userByEmail(email);
      if (!taken) await this.sql.run('UPDATE users SET email = ? WHERE id = ?', [email, userId]);
    }
  }

  async saveOidcLogin(handleHash: string, login: OidcLogin, expiresAt: number): Promise<void> {
    const now = Date.now();
    // Abandoned sign-ins are swept as new ones begin.
    await this.sql.run('DELETE FROM oidc_logins WHERE expires_at <= ?', [now]);
    await this.sql.run(
      `INSERT INTO oidc_logins (handle_hash, state, nonce, code_verifier, next_path, invite, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        handleHash,
        login.state,
        login.nonce,
        login.codeVerifier,
        login.nextPath,
        login.invite,
        now,
        expiresAt,
      ],
    );
  }

  /** Takes a sign-in under way, once: of two uses, one gets it. Null when unknown or expired. */
  async takeOidcLogin(handleHash: string, now = Date.now()): Promise<OidcLogin | null> {
    const [row] = await this.sql.all('DELETE FROM oidc_logins WHERE handle_hash = ? RETURNING *', [
      handleHash,
    ]);
    if (!row || Number(row.expires_at) <= now) return null;
    return {
      state: String(row.state),
      nonce: String(row.nonce),
      codeVerifier: String(row.code_verifier),
      nextPath: String(row.next_path),
      invite: row.invite == null ? null : String(row.invite),
    };
  }

  // Memberships

  async setMembership(m: BoardMembership): Promise<void> {
    await this.sql.run(
      `INSERT INTO memberships (board_id, user_id, role, card_ids) VALUES (?, ?, ?, ?)
       ON CONFLICT (board_id, user_id) DO UPDATE SET role = excluded.role, card_ids = excluded.card_ids`,
      [m.boardId, m.userId, m.role, JSON.stringify(m.cardIds)],
    );
  }

  async removeMembership(boardId: string, userId: string): Promise<boolean> {
    return (
      (await this.sql.run('DELETE FROM memberships WHERE board_id = ? AND user_id = ?', [
        boardId,
        userId,
      ])) > 0
    );
  }

  async membership(boardId: string, userId: string): Promise<BoardMembership | null> {
    const [row] = await this.sql.all(
      'SELECT * FROM memberships WHERE board_id = ? AND user_id = ?',
      [boardId, userId],
    );
    return row ? toMembership(row) : null;
  }

  async members(boardId: string): Promise<(BoardMembership & { email: string; name: string })[]> {
    const rows = await this.sql.all(
      'SELECT m.*, u.email, u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.board_id = ? ORDER BY u.email',
      [boardId],
    );
    return rows.flatMap((r) => {
      const m = toMembership(r);
      return m ? [{ ...m, email: String(r.email), name: String(r.name) }] : [];
    });
  }

  async membershipsOf(userId: string): Promise<BoardMembership[]> {
    const rows = await this.sql.all(
      'SELECT * FROM memberships WHERE user_id = ? ORDER BY board_id',
      [userId],
    );
    return rows.flatMap((r) => toMembership(r) ?? []);
  }

  // Single-use links

  /** `tx`: write it in the caller's transaction (with the mail that carries the link). */
  async createLink(
    token: Omit<LinkToken, 'usedAt' | 'usedBy' | 'createdAt'>,
    tx: SqlExecutor = this.sql,
  ): Promise<void> {
    await tx.run(
      `INSERT INTO link_tokens (token_hash, kind, board_id, role, card_ids, user_id, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        token.tokenHash,
        token.kind,
        token.boardId,
        token.role,
        JSON.stringify(token.cardIds),
        token.userId,
        token.createdBy,
        Date.now(),
        token.expiresAt,
      ],
    );
  }

  async link(tokenHash: string): Promise<LinkToken | null> {
    const [row] = await this.sql.all('SELECT * FROM link_tokens WHERE token_hash = ?', [tokenHash]);
    return row ? toToken(row) : null;
  }

  /**
   * Marks a link used, atomically: of two concurrent uses, exactly one succeeds. Null when the
   * link is unknown, of another kind, expired or already used.
   */
  async consumeLink(
    tokenHash: string,
    kind: TokenKind,
    usedBy: string | null,
    now = Date.now(),
  ): Promise<LinkToken | null> {
    const changed = await this.sql.run(
      `UPDATE link_tokens SET used_at = ?, used_by = ?
       WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?`,
      [now, usedBy, tokenHash, kind, now],
    );
    return changed === 1 ? this.link(tokenHash) : null;
  }

  /** Names the account a used link went to, once that account exists. */
  async setLinkUser(tokenHash: string, userId: string): Promise<void> {
    await this.sql.run('UPDATE link_tokens SET used_by = ? WHERE token_hash = ?', [
      userId,
      tokenHash,
    ]);
  }

  async invites(boardId: string): Promise<LinkToken[]> {
    const rows = await this.sql.all(
      "SELECT * FROM link_tokens WHERE kind = 'invite' AND board_id = ? ORDER BY created_at DESC",
      [boardId],
    );
    return rows.map(toToken);
  }

  /** Voids every unused link of a kind (e.g. older setup links when a new one is printed). */
  async voidLinks(kind: TokenKind, now = Date.now()): Promise<void> {
    await this.sql.run(
      'UPDATE link_tokens SET expires_at = ? WHERE kind = ? AND used_at IS NULL AND expires_at > ?',
      [now, kind, now],
    );
  }

  // Audit log

  async audit(entry: Omit<AuditEntry, 'id' | 'at'> & { at?: number }): Promise<void> {
    await this.sql.run(
      'INSERT INTO audit_log (at, actor_id, actor_email, action, board_id, target, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        entry.at ?? Date.now(),
        entry.actorId,
        entry.actorEmail,
        entry.action,
        entry.boardId,
        entry.target,
        JSON.stringify(entry.details),
      ],
    );
  }

  async auditLog(options: { boardId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const limit = Math.min(Math.max(options.limit ?? 500, 1), 10_000);
    const rows = options.boardId
      ? await this.sql.all(
          'SELECT * FROM audit_log WHERE board_id = ? ORDER BY at DESC, id DESC LIMIT ?',
          [options.boardId, limit],
        )
      : await this.sql.all('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?', [limit]);
    return rows.map((r) => ({
      id: Number(r.id),
      at: Number(r.at),
      actorId: r.actor_id == null ? null : String(r.actor_id),
      actorEmail: r.actor_email == null ? null : String(r.actor_email),
      action: String(r.action),
      boardId: r.board_id == null ? null : String(r.board_id),
      target: r.target == null ? null : String(r.target),
      details: JSON.parse(String(r.details ?? '{}')) as Record<string, unknown>,
    }));
  }

  async close(): Promise<void> {
    await this.sql.close();
  }
}
