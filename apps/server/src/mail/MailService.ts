import type { Logger } from 'pino';
import type { AccountStore } from '../auth/AccountStore.ts';
import type { Config } from '../config.ts';
import type { Storage, VersionInfo } from '../storage/Storage.ts';
import type { BoardRegistry } from '../sync/BoardRegistry.ts';
import type { Versions } from '../versions/Versions.ts';
import { loadMailKey } from './loadMailKey.ts';
import { MailSender } from './MailSender.ts';
import type { Lang } from './renderMail.ts';
import { sendDigest, sweepDigests } from './sendDigest.ts';
import { sendDueReminders } from './sendReminders.ts';
import { type OptionalMailKind, unsubscribeToken } from './unsubscribeToken.ts';
import { wake } from './wake.ts';

export interface MailServiceDeps {
  config: Config;
  accounts: AccountStore;
  storage: Storage;
  registry: BoardRegistry;
  logger: Logger;
  publicUrl: () => string;
  /** Set once versions exist (they are made after this service, which they notify). */
  versions?: Versions;
}

/**
 * Outgoing mail as the settings configure it: the sender (only with SMTP_URL), the unsubscribe
 * links' key, the reminder scheduler and the digests of named versions.
 */
export class MailService {
  readonly configured: boolean;
  readonly defaultLang: Lang;
  private readonly deps: MailServiceDeps;
  private key: Buffer | null = null;
  private sender: MailSender | null = null;
  private reminderTimer: NodeJS.Timeout | null = null;
  private remindersRunning = false;
  private work = new Set<Promise<unknown>>();

  constructor(deps: MailServiceDeps) {
    this.deps = deps;
    this.configured = deps.config.smtpUrl !== '';
    this.defaultLang = deps.config.mailDefaultLang;
  }

  set versions(versions: Versions) {
    this.deps.versions = versions;
  }

  get sql() {
    return this.deps.accounts.executor;
  }

  /** The key of unsubscribe links (MAIL_TOKEN_KEY, else DATA_DIR/mail.key). */
  tokenKey(): Buffer {
    this.key ??= loadMailKey(this.deps.config.mailTokenKey, this.deps.config.dataDir);
    return this.key;
  }

  unsubscribeUrl(userId: string, kind: OptionalMailKind): string {
    const token = unsubscribeToken(this.tokenKey(), userId, kind);
    return `${this.deps.publicUrl()}/api/mail/unsubscribe?token=${encodeURIComponent(token)}`;
  }

  /** Tells this process's sender that a committed transaction enqueued a message. */
  wake(): void {
    wake();
  }

  /** A sender on this database as configured (the CLI runs its own, briefly). */
  createSender(): MailSender {
    const { config, logger } = this.deps;
    return new MailSender({
      sql: this.sql,
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      logger,
      instanceId: config.instanceId,
      batch: config.mailBatch,
      pollMs: config.mailPollMs,
      leaseMs: config.mailLeaseMs,
      retryMaxAttempts: config.mailRetryMaxAttempts,
      retryBaseMs: config.mailRetryBaseMs,
      retryMaxDelayMs: config.mailRetryMaxDelayMs,
      sendTimeoutMs: config.mailSendTimeoutMs,
      unsubscribeUrl: (userId, kind) => this.unsubscribeUrl(userId, kind),
    });
  }

  private track(promise: Promise<unknown>, what: string): void {
    const tracked = promise
      .catch((error: unknown) => this.deps.logger.error({ err: error }, `mail: ${what} failed`))
      .finally(() => this.work.delete(tracked));
    this.work.add(tracked);
  }

  /** Starts the sender, the reminders and the start's digest sweep (nothing without SMTP_URL). */
  start(): void {
    if (!this.configured) return;
    this.tokenKey();
    this.sender = this.createSender();
    this.sender.start();
    const { config, logger } = this.deps;
    const remind = () => {
      if (this.remindersRunning) return;
      this.remindersRunning = true;
      this.track(
        this.runReminders()
          .then((n) => {
            if (n > 0) logger.info({ messages: n }, 'check-in reminders enqueued');
          })
          .finally(() => {
            this.remindersRunning = false;
          }),
        'reminders',
      );
    };
    this.reminderTimer = setInterval(remind, config.reminderCheckIntervalMs);
    this.reminderTimer.unref();
    remind();
    const versions = this.deps.versions;
    if (versions) {
      this.track(
        sweepDigests(this.digestDeps(versions)).then((n) => {
          if (n > 0) logger.info({ messages: n }, 'digests of earlier versions enqueued');
          if (n > 0) wake();
        }),
        'digest sweep',
      );
    }
  }

  private digestDeps(versions: Versions) {
    const { accounts, storage, publicUrl } = this.deps;
    return { accounts, storage, versions, publicUrl, defaultLang: this.defaultLang };
  }

  /** Enqueues the reminders due now; returns how many. */
  async runReminders(now = Date.now()): Promise<number> {
    const { accounts, storage, registry, publicUrl } = this.deps;
    const n = await sendDueReminders(
      { accounts, storage, registry, publicUrl, defaultLang: this.defaultLang },
      now,
    );
    if (n > 0) wake();
    return n;
  }

  /** A named version was taken: its digest goes out (in the background). */
  versionTaken(version: VersionInfo): void {
    const versions = this.deps.versions;
    if (!this.configured || version.kind !== 'named' || !versions) return;
    this.track(
      sendDigest(this.digestDeps(versions), version).then((n) => {
        if (n > 0) wake();
      }),
      'digest',
    );
  }

  async close(): Promise<void> {
    if (this.reminderTimer) clearInterval(this.reminderTimer);
    await Promise.all([...this.work]);
    await this.sender?.stop();
  }
}
