import type { Action, ActionState } from './meetingApi.ts';

const STATE_RANK: Record<ActionState, number> = { open: 0, done: 1, dropped: 2 };

/**
 * Open actions first (overdue ones at the top), then done, then dropped; within each, the
 * earliest due date first, then the title's creation order. The server orders them too, but a
 * row changed on this page must move without a new request.
 */
export function sortActions<T extends Action>(actions: readonly T[]): T[] {
  return [...actions].sort(
    (a, b) =>
      STATE_RANK[a.state] - STATE_RANK[b.state] ||
      Number(b.overdue && b.state === 'open') - Number(a.overdue && a.state === 'open') ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.createdAt - b.createdAt ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Open and past its due date. The server says so (`overdue`, its clock); after a reopen on this
 * page the row is recomputed against `today` (`YYYY-MM-DD`) until the next read.
 */
export function isOverdue(action: Pick<Action, 'state' | 'dueOn'>, today: string): boolean {
  return action.state === 'open' && action.dueOn < today;
}

/** The overdue actions of a board, the oldest due date first. */
export function overdueActions<T extends Action>(actions: readonly T[]): T[] {
  return actions
    .filter((action) => action.state === 'open' && action.overdue)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.createdAt - b.createdAt);
}
