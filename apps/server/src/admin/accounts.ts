import { createInterface } from 'node:readline';
import { isBoardRole } from '@fdr/model';
import type { Logger } from 'pino';
import type { AccountStore } from '../auth/AccountStore.ts';
import { Auth } from '../auth/Auth.ts';
import { authOptions } from '../auth/authOptions.ts';
import { secondFactorFor } from '../auth/mfa/secondFactorFor.ts';
import { openAccounts } from '../auth/openAccounts.ts';
import { newToken } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import { enqueueMail } from '../mail/enqueueMail.ts';
import { mailLanguage } from '../mail/MailPreferences.ts';
import { MailSender } from '../mail/MailSender.ts';

/** How long `reset-password --send` waits for the relay to take the message. */
const SEND_WAIT_MS = 120_000;

/**
 * Mails a reset link through the outbox and waits until it is delivered (or failed): this
 * command sends it itself, so it works with the server stopped, and a running server's sender
 * cannot send it twice (the row is claimed).
 */
async function mailResetLink(
  config: Config,
  store: AccountStore,
  auth: Auth,
  userId: string,
  base: string,
  logger: Logger,
  print: (line: string) => void,
): Promise<number> {
  if (!config.smtpUrl) {
    print('the mail relay is not configured (SMTP_URL): nothing sent');
    return 1;
  }
  const key = `password-reset:${globalThis.crypto.randomUUID()}`;
  let email = '';
  await auth.resetLink(null, userId, async (tx, token, user) => {
    email = user.email;
    await enqueueMail(tx, {
      key,
      kind: 'password-reset',
      userId: user.id,
      email: user.email,
      lang: await mailLanguage(tx, user.id, config.mailDefaultLang),
      payload: { name: user.name || user.email, link: `${base}/reset#${token}` },
    });
  });
  const sender = new MailSender({
    sql: store.executor,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    logger,
    instanceId: 'admin-cli',
    batch: 1,
    pollMs: config.mailPollMs,
    leaseMs: config.mailLeaseMs,
    retryMaxAttempts: config.mailRetryMaxAttempts,
    retryBaseMs: config.mailRetryBaseMs,
    retryMaxDelayMs: config.mailRetryMaxDelayMs,
    sendTimeoutMs: config.mailSendTimeoutMs,
  });
  const deadline = Date.now() + SEND_WAIT_MS;
  try {
    while (Date.now() < deadline) {
      const [row] = await store.executor.all(
        'SELECT state, last_error FROM mail_outbox WHERE idem_key = ?',
        [key],
      );
      if (row?.state === 'sent') {
        print(`reset link mailed to ${email}`);
        return 0;
      }
      if (row?.state === 'failed') {
        print(`the relay refused the message: ${String(row.last_error)}`);
        return 1;
      }
      // Sends whatever is due first (ours included); a running server may take it instead.
      if ((await sender.runOnce()).length === 0) await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await sender.stop();
  }
  print(`not delivered yet (the relay keeps failing); it stays in the outbox for ${email}`);
  return 1;
}

/** Parses `--name value` and `--flag` options. */
export function options(args: string[]): Map<string, string | true> {
  const result = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) continue;
    const next = args[i + 1];
    if (next === undefined || next.startsWith('--')) result.set(arg.slice(2), true);
    else {
      result.set(arg.slice(2), next);
      i++;
    }
  }
  return result;
}

async function readStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return '';
}

function need(opts: Map<string, string | true>, name: string): string {
  const value = opts.get(name);
  if (typeof value !== 'string' || value === '') throw new Error(`--${name} is required`);
  return value;
}

/**
 * Account commands for scripted setups. They work on the database directly (the server may be
 * running); every change lands in the audit log with no actor (the operator).
 */
export async function accountCommand(
  command: string,
  args: string[],
  config: Config,
  logger: Logger,
  print: (line: string) => void,
): Promise<number | null> {
  const commands = [
    'create-user',
    'reset-password',
    'grant',
    'revoke',
    'list-users',
    'make-admin',
    'reset-mfa',
  ];
  if (!commands.includes(command)) return null;
  const store = await openAccounts(config);
  const auth = new Auth({
    store,
    logger,
    ...authOptions(config),
  });
  const base = config.publicUrl || `http://${config.host}:${config.port}`;
  const opts = options(args);
  const byEmail = async () => {
    const user = await store.userByEmail(need(opts, 'email'));
    if (!user) throw new Error(`no account for ${need(opts, 'email')}`);
    return user;
  };
  try {
    switch (command) {
      case 'create-user': {
        // No password on the command line (it would sit in the shell history): from stdin, or
        // none at all and a one-time link to choose it.
        const fromStdin = opts.get('password-stdin') === true ? await readStdin() : null;
        const user = await auth.createUser(
          {
            email: need(opts, 'email'),
            name: need(opts, 'name'),
            password: fromStdin ?? newToken(),
            isAdmin: opts.get('admin') === true,
          },
          null,
        );
        print(`created ${user.email}${user.isAdmin ? ' (administrator)' : ''}`);
        if (fromStdin === null)
          print(`set the password at: ${base}/reset#${await auth.resetLink(null, user.id)}`);
        return 0;
      }
      case 'reset-password': {
        const user = await byEmail();
        if (opts.get('send') === true) {
          return await mailResetLink(config, store, auth, user.id, base, logger, print);
        }
        print(
          `one-time link (24 h) for ${user.email}: ${base}/reset#${await auth.resetLink(null, user.id)}`,
        );
        return 0;
      }
      case 'reset-mfa': {
        const user = await byEmail();
        await secondFactorFor(config, store, logger).reset(null, user.id);
        print(`${user.email} has no second factor now`);
        return 0;
      }
      case 'make-admin': {
        const user = await byEmail();
        await store.setAdmin(user.id, opts.get('off') !== true);
        await auth.record(
          null,
          opts.get('off') === true ? 'admin-revoked' : 'admin-granted',
          null,
          user.email,
        );
        print(
          `${user.email} is ${opts.get('off') === true ? 'no longer' : 'now'} an administrator`,
        );
        return 0;
      }
      case 'grant': {
        const user = await byEmail();
        const role = need(opts, 'role');
        if (!isBoardRole(role))
          throw new Error('--role must be secretariat, council, task-team or observer');
        const cards =
          typeof opts.get('cards') === 'string'
            ? String(opts.get('cards')).split(',').filter(Boolean)
            : [];
        if (role === 'task-team' && cards.length === 0)
          throw new Error('a task-team role needs --cards id1,id2');
        const boardId = need(opts, 'board');
        await store.setMembership({
          boardId,
          userId: user.id,
          role,
          cardIds: role === 'task-team' ? cards : [],
        });
        await auth.record(null, 'role-changed', boardId, user.email, { role, cardIds: cards });
        print(`${user.email} is ${role} on ${boardId}`);
        return 0;
      }
      case 'revoke': {
        const user = await byEmail();
        const boardId = need(opts, 'board');
        const removed = await store.removeMembership(boardId, user.id);
        if (removed) await auth.record(null, 'role-removed', boardId, user.email);
        print(
          removed
            ? `${user.email} has no role on ${boardId} any more`
            : `${user.email} had no role on ${boardId}`,
        );
        return 0;
      }
      case 'list-users': {
        for (const user of await store.listUsers()) {
          const roles = (await store.membershipsOf(user.id))
            .map((m) => `${m.boardId}:${m.role}`)
            .join(' ');
          print(`${user.email}\t${user.name}${user.isAdmin ? '\tadmin' : ''}\t${roles}`);
        }
        return 0;
      }
    }
    return null;
  } finally {
    await store.close();
  }
}
