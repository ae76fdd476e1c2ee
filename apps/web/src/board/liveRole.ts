import { type BoardMembership, type BoardRole, canCheckIn, canEdit } from '@fdr/model';
import type { User } from '../account/accountApi.ts';

/**
 * The person's role on the open board: a role, `'none'` once the server says they have none,
 * or null while it is not known (offline: the server decides then).
 */
export type LiveRole = BoardRole | 'none' | null;

/** What the page tells the person about their role; null when there is nothing to say. */
export type RoleNotice =
  /** The role changed while the board was open; `lost`: their refused changes were dropped. */
  | { kind: 'changed'; role: BoardRole; canEdit: boolean; lost: boolean }
  /** Changes this device held were refused under the role they already had. */
  | { kind: 'refused'; role: BoardRole }
  | { kind: 'removed' };

/** The role `me` has on `boardId`: its membership, else secretariat for an administrator. */
export function roleOnBoard(
  me: { user: User; memberships: BoardMembership[] },
  boardId: string,
): BoardRole | 'none' {
  const membership = me.memberships.find((m) => m.boardId === boardId);
  return membership?.role ?? (me.user.isAdmin ? 'secretariat' : 'none');
}

/**
 * Whether the page offers editing tools: the same rule the server applies to the sync socket
 * (secretariat and council write; others read). Unknown roles keep the tools: the server decides.
 */
export function canEditBoard(role: LiveRole): boolean {
  return role === null || (role !== 'none' && canEdit(role));
}

/**
 * Whether the page offers to record a check-in on a card: the server's rule (editors on every
 * card, a task-team member on their own). Unknown roles keep the offer: the server decides.
 */
export function canCheckInOnBoard(
  role: LiveRole,
  cardIds: readonly string[],
  cardId: string,
): boolean {
  if (role === null) return true;
  return role !== 'none' && canCheckIn({ role, cardIds }, cardId);
}

/** The notice for a role that went from `previous` to `next` while the board was open. */
export function noticeFor(previous: LiveRole, next: LiveRole): RoleNotice | null {
  // Learning the role we did not know (back online) is not a change the person made out.
  if (previous === null || next === null || previous === next) return null;
  if (next === 'none') return { kind: 'removed' };
  return { kind: 'changed', role: next, canEdit: canEditBoard(next), lost: false };
}

/** The notice once refused changes were dropped: the one shown, completed, or a new one. */
export function withLostChanges(notice: RoleNotice | null, role: BoardRole): RoleNotice {
  return notice?.kind === 'changed' && notice.role === role
    ? { ...notice, lost: true }
    : { kind: 'refused', role };
}
