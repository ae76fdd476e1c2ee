import type { Logger } from 'pino';
import type { AccountStore } from '../auth/AccountStore.ts';
import { enqueueMail } from '../mail/enqueueMail.ts';
import { mailLanguage } from '../mail/MailPreferences.ts';
import type { Lang } from '../mail/renderMail.ts';
import { wake } from '../mail/wake.ts';
import type { LiveEvents } from '../notifications/LiveEvents.ts';
import type { Storage } from '../storage/Storage.ts';
import type { MeetingStore } from './MeetingStore.ts';

export interface MeetingSweepDeps {
  meetings: MeetingStore;
  accounts: AccountStore;
  storage: Storage;
  live: LiveEvents;
  logger: Logger;
  /** VOTE_SWEEP_MS. */
  intervalMs: number;
  /** ACTION_REMIND_DAYS. */
  remindDays: number;
  /** Action reminders are mailed only when mail is configured. */
  mailEnabled: boolean;
  defaultLang: Lang;
  publicUrl: () => string;
}

/**
 * Every VOTE_SWEEP_MS: closes the votes past their closing time (audit with no actor, live
 * event) and, with mail, enqueues the reminders of actions due soon or overdue. Each vote is
 * closed by one instance (the update returns it to one only); each reminder is marked with the
 * due date it was sent for, so it goes once.
 */
export class MeetingSweep {
  private readonly deps: MeetingSweepDeps;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(deps: MeetingSweepDeps) {
    this.deps = deps;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.deps.intervalMs);
    this.timer.unref();
    this.tick();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.run()
      .then(() => undefined)
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'meeting sweep failed'))
      .finally(() => {
        this.running = null;
      });
  }

  /** One pass; returns the votes closed and the reminders enqueued. */
  async run(now = Date.now()): Promise<{ closed: number; reminded: number }> {
    const closed = await this.closeDueVotes(now);
    const reminded = this.deps.mailEnabled ? await this.remind(now) : 0;
    return { closed, reminded };
  }

  private async closeDueVotes(now: number): Promise<number> {
    const { meetings, accounts, live, logger } = this.deps;
    const closed = await meetings.closeDue(now);
    for (const vote of closed) {
      await accounts.audit({
        actorId: null,
        actorEmail: null,
        action: 'vote-closed',
        boardId: vote.boardId,
        target: vote.id,
        details: { by: 'time', meetingId: vote.meetingId },
      });
      logger.info({ board: vote.boardId, vote: vote.id }, 'vote closed by time');
      live.toBoard(vote.boardId, {
        event: 'meetings',
        data: { boardId: vote.boardId, meetingId: vote.meetingId },
      });
    }
    return closed.length;
  }

  private async remind(now: number): Promise<number> {
    const { meetings, storage, defaultLang } = this.deps;
    let enqueued = 0;
    for (const due of await meetings.dueReminders(now, this.deps.remindDays)) {
      const { action } = due;
      const entry = await storage.catalogEntry(action.boardId);
      if (!entry || due.ownerEmail === '') continue;
      const sent = await meetings.markReminded(action.id, action.dueOn, due.overdue, async (tx) =>
        enqueueMail(
          tx,
          {
            key: `action-due:${action.id}:${action.dueOn}:${due.overdue ? 'overdue' : 'soon'}`,
            kind: 'action-due',
            boardId: action.boardId,
            userId: action.owner.id,
            email: due.ownerEmail,
            lang: await mailLanguage(tx, action.owner.id, defaultLang),
            payload: {
              boardId: action.boardId,
              boardTitle: { fr: entry.title.fr, en: entry.title.en },
              actionTitle: action.title,
              dueOn: action.dueOn,
              overdue: due.overdue,
              link: `${this.deps.publicUrl()}/me`,
            },
          },
          now,
        ),
      );
      if (sent) enqueued++;
    }
    if (enqueued > 0) wake();
    return enqueued;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
