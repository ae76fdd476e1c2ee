import { createHash, randomBytes } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Logger } from 'pino';
import type { Row, SqlExecutor } from '../auth/SqlExecutor.ts';
import type { MailKind, MailPayloads } from './MailKind.ts';
import { type Lang, renderMail } from './renderMail.ts';
import { isOptionalKind, type OptionalMailKind } from './unsubscribeToken.ts';
import { onWake } from './wake.ts';

export interface MailSenderOptions {
  sql: SqlExecutor;
  /** SMTP_URL: never logged (it may carry a password). */
  smtpUrl: string;
  from: string;
  logger: Logger;
  /** Names this sender's claims (with a random suffix: two senders in one process differ). */
  instanceId: string;
  batch: number;
  pollMs: number;
  leaseMs: number;
  retryMaxAttempts: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  sendTimeoutMs: number;
  /** The one-click unsubscribe address of an optional kind for a person. */
  unsubscribeUrl?: (userId: string, kind: OptionalMailKind) => string;
}

/** An outbox row as claimed. */
interface Claimed {
  id: string;
  key: string;
  kind: MailKind;
  userId: string | null;
  email: string;
  lang: Lang;
  payload: string;
  attempts: number;
  claimedUntil: number;
}

/** What happened to one try, for tests and the CLI. */
export type Outcome = 'sent' | 'retry' | 'failed' | 'skipped';

function claimed(row: Row): Claimed {
  return {
    id: String(row.id),
    key: String(row.idem_key),
    kind: String(row.kind) as MailKind,
    userId: row.user_id == null ? null : String(row.user_id),
    email: String(row.email),
    lang: row.lang === 'fr' ? 'fr' : 'en',
    payload: String(row.payload),
    attempts: Number(row.attempts),
    claimedUntil: Number(row.claimed_until),
  };
}

/**
 * Whether a send error is final for this message: a 5xx answer to the recipient or to the
 * message itself (refused address, refused content). A 5xx to anything else (authentication,
 * the sender address) is the relay's configuration, and connection failures and 4xx answers
 * are temporary: those are tried again, so one bad setting does not fail every message.
 */
export function isPermanentFailure(error: unknown): boolean {
  const e = error as { responseCode?: unknown; command?: unknown; code?: unknown };
  if (typeof e?.responseCode !== 'number' || e.responseCode < 500 || e.responseCode >= 600)
    return false;
  return e.command === 'RCPT TO' || e.command === 'DATA' || e.code === 'EMESSAGE';
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 500);
}

/** The address part of `Name <address>` (or the whole value). */
function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'localhost';
}

/**
 * Delivers the outbox. A sender claims due rows for a lease (PostgreSQL: the rows are locked
 * with `FOR UPDATE SKIP LOCKED` in the claiming transaction, so two instances never claim the
 * same row; SQLite: one `UPDATE … RETURNING`), sends them one by one and marks each sent,
 * retried later (exponential backoff) or failed. A claimed row's `next_at` is the lease's end:
 * a sender that dies mid-batch gives its rows back when the lease ends, and only the message it
 * was sending at the moment may go twice (its Message-ID is the same, derived from the row's key).
 */
export class MailSender {
  private readonly options: MailSenderOptions;
  private readonly log: Logger;
  private readonly worker: string;
  private readonly transport: ReturnType<typeof createTransport>;
  private readonly messageDomain: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  /** Set by stop(): a batch under way hands its untried rows back. */
  private stopping = false;
  private unregister: (() => void) | null = null;

  constructor(options: MailSenderOptions) {
    this.options = options;
    this.log = options.logger.child({ component: 'mail' });
    this.worker = `${options.instanceId}:${randomBytes(4).toString('hex')}`;
    this.messageDomain = domainOf(options.from);
    this.transport = createTransport({
      url: options.smtpUrl,
      connectionTimeout: options.sendTimeoutMs,
      greetingTimeout: options.sendTimeoutMs,
      socketTimeout: options.sendTimeoutMs,
      // Both logging switches off: nodemailer would print the credentials of AUTH otherwise.
      logger: false,
      debug: false,
    });
  }

  /** Starts the loop: a first look now, then every `pollMs` or when woken. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unregister = onWake(() => this.wake());
    this.schedule(0);
  }

  /** Stops after the message in flight (no new claim); rows claimed and not sent return at the lease's end. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    this.unregister?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.transport.close();
  }

  /** A message is waiting: look now (or right after the batch under way). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.cycle();
    }, delayMs);
    this.timer.unref();
  }

  private cycle(): void {
    if (this.running || this.stopped) return;
    this.again = false;
    this.running = (async () => {
      let handled = 0;
      try {
        handled = (await this.runOnce()).length;
      } catch (error) {
        this.log.error({ err: reasonOf(error) }, 'mail: outbox unavailable');
      }
      this.running = null;
      // A full batch: more may be due at once.
      this.schedule(this.again || handled >= this.options.batch ? 0 : this.options.pollMs);
    })();
  }

  /** Claims one batch of due rows, for this sender, until the lease ends. */
  async claim(now = Date.now()): Promise<Claimed[]> {
    const { sql, batch, leaseMs } = this.options;
    const until = now + leaseMs;
    if (sql.dialect === 'sqlite') {
      const rows = await sql.all(
        `UPDATE mail_outbox SET claimed_by = ?, claimed_until = ?, next_at = ?, attempts = attempts + 1
         WHERE id IN (SELECT id FROM mail_outbox WHERE state = 'pending' AND next_at <= ?
                      ORDER BY next_at, id LIMIT ?)
         RETURNING *`,
        [this.worker, until, until, now, batch],
      );
      return rows.map(claimed).sort((a, b) => Number(a.id) - Number(b.id));
    }
    return sql.transaction(async (tx) => {
      const due = await tx.all(
        `SELECT id FROM mail_outbox WHERE state = 'pending' AND next_at <= ?
         ORDER BY next_at, id LIMIT ? FOR UPDATE SKIP LOCKED`,
        [now, batch],
      );
      if (due.length === 0) return [];
      const ids = due.map((r) => String(r.id));
      const rows = await tx.all(
        `UPDATE mail_outbox SET claimed_by = ?, claimed_until = ?, next_at = ?, attempts = attempts + 1
         WHERE id IN (${ids.map(() => '?').join(', ')}) RETURNING *`,
        [this.worker, until, until, ...ids],
      );
      return rows.map(claimed).sort((a, b) => Number(a.id) - Number(b.id));
    });
  }

  /** One claim and its sends; the outcome of each row claimed. */
  async runOnce(): Promise<{ id: string; outcome: Outcome }[]> {
    const rows = await this.claim();
    const outcomes: { id: string; outcome: Outcome }[] = [];
    for (const row of rows) {
      if (this.stopping) {
        // Stopping: the rest of the batch goes back to the outbox now, untried.
        await this.options.sql.run(
          `UPDATE mail_outbox SET next_at = ?, claimed_by = NULL, claimed_until = NULL,
           attempts = attempts - 1 WHERE id = ? AND claimed_by = ?`,
          [Date.now(), row.id, this.worker],
        );
        outcomes.push({ id: row.id, outcome: 'skipped' });
        continue;
      }
      outcomes.push({ id: row.id, outcome: await this.deliver(row) });
    }
    return outcomes;
  }

  private messageId(key: string): string {
    return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${this.messageDomain}>`;
  }

  private async deliver(row: Claimed): Promise<Outcome> {
    // Past (or near) the lease's end another sender may hold the row: leave it.
    const margin = Math.min(this.options.sendTimeoutMs, this.options.leaseMs / 2);
    if (Date.now() > row.claimedUntil - margin) return 'skipped';
    let message: ReturnType<typeof renderMail>;
    try {
      const payload = JSON.parse(row.payload) as MailPayloads[MailKind];
      const unsubscribeUrl =
        row.userId && isOptionalKind(row.kind)
          ? this.options.unsubscribeUrl?.(row.userId, row.kind)
          : undefined;
      message = renderMail(row.kind, payload, row.lang, unsubscribeUrl ? { unsubscribeUrl } : {});
    } catch (error) {
      return this.fail(row, `cannot render: ${reasonOf(error)}`);
    }
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: row.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
        messageId: this.messageId(row.key),
      });
    } catch (error) {
      if (isPermanentFailure(error)) return this.fail(row, reasonOf(error));
      return this.retry(row, reasonOf(error));
    }
    await this.options.sql.run(
      `UPDATE mail_outbox SET state = 'sent', sent_at = ?, claimed_by = NULL, claimed_until = NULL,
       last_error = NULL WHERE id = ?`,
      [Date.now(), row.id],
    );
    this.log.info({ mail: row.id, kind: row.kind, attempts: row.attempts }, 'mail sent');
    return 'sent';
  }

  private async fail(row: Claimed, reason: string): Promise<Outcome> {
    await this.options.sql.run(
      `UPDATE mail_outbox SET state = 'failed', claimed_by = NULL, claimed_until = NULL,
       last_error = ? WHERE id = ?`,
      [reason, row.id],
    );
    this.log.warn({ mail: row.id, kind: row.kind, attempts: row.attempts, reason }, 'mail failed');
    return 'failed';
  }

  private async retry(row: Claimed, reason: string): Promise<Outcome> {
    const { retryMaxAttempts, retryBaseMs, retryMaxDelayMs } = this.options;
    if (row.attempts >= retryMaxAttempts) return this.fail(row, reason);
    // Doubling, capped, with a little jitter so a relay coming back is not hit all at once.
    const delay = Math.min(retryMaxDelayMs, retryBaseMs * 2 ** (row.attempts - 1));
    const next = Date.now() + Math.round(delay * (0.9 + Math.random() * 0.2));
    await this.options.sql.run(
      `UPDATE mail_outbox SET next_at = ?, claimed_by = NULL, claimed_until = NULL, last_error = ?
       WHERE id = ?`,
      [next, reason, row.id],
    );
    this.log.info(
      {
        mail: row.id,
        kind: row.kind,
        attempts: row.attempts,
        reason,
        retryInMs: next - Date.now(),
      },
      'mail deferred',
    );
    return 'retry';
  }
}
