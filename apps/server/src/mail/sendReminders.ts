import { isStale, readTolerant } from '@fdr/model';
import type { AccountStore } from '../auth/AccountStore.ts';
import type { Storage } from '../storage/Storage.ts';
import type { BoardRegistry } from '../sync/BoardRegistry.ts';
import { enqueueMail } from './enqueueMail.ts';
import type { MailPayloads } from './MailKind.ts';
import { mailLanguage, mailWanted } from './MailPreferences.ts';
import { DAY_MS, dueReminderSchedules } from './reminderSchedule.ts';
import type { Lang } from './renderMail.ts';

export interface ReminderDeps {
  accounts: AccountStore;
  storage: Storage;
  registry: BoardRegistry;
  publicUrl: () => string;
  defaultLang: Lang;
}

type StaleCard = MailPayloads['checkin-reminder']['cards'][number];

/**
 * The board's stale cards, decided as the check-in routes do: not archived, and no check-in
 * for the board's staleness period counted from the last one (or from the card's creation).
 */
async function staleCards(
  deps: ReminderDeps,
  boardId: string,
  now: Date,
): Promise<{ title: { fr: string; en: string }; cards: StaleCard[] }> {
  const board = await deps.registry.acquire(boardId);
  try {
    const { roadmap } = readTolerant(board.doc);
    const staleAfterDays = roadmap.board.settings.staleAfterDays;
    return {
      title: { fr: roadmap.board.title.fr, en: roadmap.board.title.en },
      cards: roadmap.cards
        .filter((card) => !card.archived && isStale(card, staleAfterDays, now))
        .map((card) => ({
          cardId: card.id,
          label: { fr: card.title.fr, en: card.title.en },
          lastCheckinAt: card.latestStatus ? Date.parse(card.latestStatus.at) : null,
        })),
    };
  } finally {
    deps.registry.release(boardId);
  }
}

/**
 * Sends the check-in reminders that are due: for each due board, one message per task-team
 * member with stale cards among their own, keyed by the schedule's due time, so instances that
 * run this at once enqueue each message once; then the schedule moves to its next time (only
 * if still at this one). Returns the messages enqueued.
 */
export async function sendDueReminders(deps: ReminderDeps, now = Date.now()): Promise<number> {
  const sql = deps.accounts.executor;
  let enqueued = 0;
  for (const schedule of await dueReminderSchedules(sql, now)) {
    const { boardId, nextAt, everyDays } = schedule;
    // A schedule left behind (e.g. while the server was off) resumes from now, not in bursts.
    let following = nextAt + everyDays * DAY_MS;
    while (following <= now) following += everyDays * DAY_MS;
    if (!(await deps.storage.catalogEntry(boardId))) {
      await sql.run('DELETE FROM reminder_schedules WHERE board_id = ?', [boardId]);
      continue;
    }
    const { title, cards } = await staleCards(deps, boardId, new Date(now));
    const members = (await deps.accounts.members(boardId)).filter((m) => m.role === 'task-team');
    const link = `${deps.publicUrl()}/me`;
    enqueued += await sql.transaction(async (tx) => {
      let count = 0;
      for (const member of members) {
        const own = cards.filter((card) => member.cardIds.includes(card.cardId));
        if (own.length === 0 || !(await mailWanted(tx, member.userId, 'checkin-reminder')))
          continue;
        const added = await enqueueMail(tx, {
          key: `reminder:${boardId}:${member.userId}:${nextAt}`,
          kind: 'checkin-reminder',
          boardId,
          userId: member.userId,
          email: member.email,
          lang: await mailLanguage(tx, member.userId, deps.defaultLang),
          payload: { boardId, boardTitle: title, cards: own, link },
        });
        if (added) count++;
      }
      await tx.run('UPDATE reminder_schedules SET next_at = ? WHERE board_id = ? AND next_at = ?', [
        following,
        boardId,
        nextAt,
      ]);
      return count;
    });
  }
  return enqueued;
}
