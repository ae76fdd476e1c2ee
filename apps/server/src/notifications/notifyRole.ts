import type { BoardMembership } from '@fdr/model';
import type { NotificationStore } from './NotificationStore.ts';

/**
 * The notification of a role given or changed, to the person who has it (not when they gave it
 * to themselves). Each change is its own event. Returns whether one was written.
 */
export async function notifyRole(
  notifications: NotificationStore,
  given: { membership: BoardMembership; actorId: string | null },
  now = Date.now(),
): Promise<boolean> {
  const { membership, actorId } = given;
  if (actorId === membership.userId) return false;
  return notifications.add({
    userId: membership.userId,
    eventKey: `role:${membership.boardId}:${membership.role}:${now}`,
    kind: 'role',
    boardId: membership.boardId,
    targetKind: null,
    targetId: null,
    commentId: null,
    actorId,
    payload: { role: membership.role },
    createdAt: now,
  });
}
