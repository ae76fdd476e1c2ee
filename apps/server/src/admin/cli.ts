/**
 * Operator commands, for scripted setups: `pnpm admin <command> ...` from the repository root.
 * They read the same environment variables as the server (DATA_DIR, DATABASE_URL, ...).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { accountCommand } from './accounts.ts';
import { backupTo, restoreFrom } from './backup.ts';

const USAGE = `Usage: pnpm admin <command>

  create-user --email E --name N [--admin] [--password-stdin]
                    a new account; without --password-stdin, prints a one-time link to set it
  reset-password --email E [--send]
                    prints a one-time link (24 h) to choose a new password; with --send,
                    mails it (SMTP_URL) and waits until the relay has taken it
  make-admin --email E [--off]
                    grants (or with --off, removes) instance administration
  grant --email E --board B --role secretariat|council|task-team|observer [--cards id1,id2]
  revoke --email E --board B
  reset-mfa --email E
                    removes the account's second factor (it enrols again, if required)
  list-users
  backup <file>     online backup of every board (SQLite backup API, or pg_dump)
  restore <file>    replace the data with a backup (stop the server first)
`;

async function serverAnswers(host: string, port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://${host}:${port}/healthz`, {
      signal: AbortSignal.timeout(1000),
    });
    return res.ok || res.status === 503;
  } catch {
    return false;
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const here = process.env.INIT_CWD ?? process.cwd();
  const print = (line: string) => console.log(line);
  const handled = await accountCommand(command ?? '', rest, config, createLogger('warn'), print);
  if (handled !== null) return handled;
  switch (command) {
    case 'backup': {
      if (!rest[0]) break;
      await backupTo(config, resolve(here, rest[0]), print);
      return 0;
    }
    case 'restore': {
      if (!rest[0]) break;
      if (await serverAnswers(config.host, config.port)) {
        console.error(
          `A server answers on ${config.host}:${config.port}: stop it before restoring.`,
        );
        return 1;
      }
      await restoreFrom(config, resolve(here, rest[0]), print);
      return 0;
    }
  }
  console.error(USAGE);
  return 2;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
