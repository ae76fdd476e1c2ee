import type { BoardMembership } from '@fdr/model';
import type { User } from '../auth/AccountStore.ts';
import type { Auth } from '../auth/Auth.ts';
import { AuthError } from '../auth/AuthError.ts';
import type { Storage } from '../storage/Storage.ts';

export const noBoard = () =>
  new AuthError(404, 'no-board', { en: 'No such board.', fr: 'Tableau introuvable.' });

/**
 * The caller's place on a board that exists; an instance administrator without a membership
 * acts as secretariat. A person with no role there is told the board does not exist.
 */
export async function boardAccess(
  auth: Auth,
  storage: Storage,
  user: User,
  boardId: string,
): Promise<BoardMembership> {
  const membership =
    (await auth.membership(user, boardId)) ??
    (user.isAdmin
      ? ({ boardId, userId: user.id, role: 'secretariat', cardIds: [] } satisfies BoardMembership)
      : null);
  if (!membership || !(await storage.catalogEntry(boardId))) throw noBoard();
  return membership;
}
