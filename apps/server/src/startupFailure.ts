import { join } from 'node:path';
import type { Config } from './config.ts';

/** SQLite primary result codes that mean the file itself is unusable. */
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;
const SQLITE_READONLY = 8;
const SQLITE_CANTOPEN = 14;

/**
 * The one line an operator needs when the server cannot start for a reason outside the code (a
 * damaged or unreadable database file), or null for anything else (a bug: keep its stack).
 */
export function startupFailure(error: unknown, config: Config): string | null {
  if (config.databaseUrl || typeof error !== 'object' || error === null) return null;
  const { code, errcode, errstr } = error as {
    code?: unknown;
    errcode?: unknown;
    errstr?: unknown;
  };
  if (code !== 'ERR_SQLITE_ERROR' || typeof errcode !== 'number') return null;
  const file = join(config.dataDir, 'boards.sqlite');
  const reason = typeof errstr === 'string' ? errstr : 'SQLite error';
  // Extended result codes carry the primary code in their low byte.
  switch (errcode & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return `Cannot start: ${file} is damaged or not a database (${reason}). Restore the last backup with \`pnpm admin restore <backup-file>\`, or move the file away to start with an empty database.`;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
      return `Cannot start: ${file} cannot be opened for writing (${reason}). Check that the folder and the file exist and belong to the user running the server.`;
    default:
      return null;
  }
}
