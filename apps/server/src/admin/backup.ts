import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync, backup as sqliteBackup } from 'node:sqlite';
import type { Config } from '../config.ts';

/** The SQLite file the server uses for a configuration. */
export function sqliteFile(config: Config): string {
  return join(config.dataDir, 'boards.sqlite');
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

function integrity(file: string): string {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string })
      .integrity_check;
  } finally {
    db.close();
  }
}

/** Turns a copied file into a rollback-journal database and checks it; returns the check. */
function selfContained(file: string): string {
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA journal_mode = DELETE');
    return (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string })
      .integrity_check;
  } finally {
    db.close();
  }
}

/**
 * Online backup while the server runs: SQLite's backup API copies a consistent snapshot page by
 * page (writers are not blocked); PostgreSQL goes through pg_dump (custom format, this schema).
 * Reports progress through `progress` (pages copied / total for SQLite).
 */
export async function backupTo(
  config: Config,
  destination: string,
  progress: (line: string) => void = () => {},
): Promise<void> {
  mkdirSync(dirname(destination), { recursive: true });
  if (config.databaseUrl) {
    await run('pg_dump', [
      '--format=custom',
      `--schema=${config.databaseSchema}`,
      `--file=${destination}`,
      config.databaseUrl,
    ]);
    progress(`pg_dump of schema ${config.databaseSchema} written to ${destination}`);
    return;
  }
  const source = sqliteFile(config);
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  const db = new DatabaseSync(source, { readOnly: true });
  const partial = `${destination}.partial`;
  let pages = 0;
  try {
    pages = await sqliteBackup(db, partial, {
      rate: 64,
      progress: ({ totalPages, remainingPages }) =>
        progress(`copied ${totalPages - remainingPages}/${totalPages} pages`),
    });
  } finally {
    db.close();
  }
  // The copy carries the live file's WAL mode, and opening a WAL file (even to read it) leaves
  // -wal and -shm files beside it. Switched to a rollback journal, it is one self-contained file.
  const check = selfContained(partial);
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  if (check !== 'ok') {
    rmSync(partial, { force: true });
    throw new Error(`the backup failed its integrity check: ${check}`);
  }
  renameSync(partial, destination);
  progress(`copied ${pages}/${pages} pages`);
  progress(`backup written to ${destination} (integrity check ok)`);
}

/**
 * Puts a backup in place of the live data. The server must be stopped: a running one would
 * keep serving (and later overwrite) what it has in memory.
 */
export async function restoreFrom(
  config: Config,
  source: string,
  progress: (line: string) => void = () => {},
): Promise<void> {
  if (!existsSync(source)) throw new Error(`no backup at ${source}`);
  if (config.databaseUrl) {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      `--dbname=${config.databaseUrl}`,
      source,
    ]);
    progress(`pg_restore of ${source} done`);
    return;
  }
  const check = integrity(source);
  if (check !== 'ok') throw new Error(`the backup failed its integrity check: ${check}`);
  const target = sqliteFile(config);
  mkdirSync(dirname(target), { recursive: true });
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(source, `${target}.restoring`);
  renameSync(`${target}.restoring`, target);
  progress(`restored ${source} to ${target}`);
}
