import type { Localized } from '../records/localized.ts';

/*
 * Who may do what on a board. A board role belongs to a person's membership of a board; it is
 * not the role of a task team on the roadmap (`Role`: CE, Pr, Int, In). The instance
 * administrator is not a board role either: it is a flag on the user (creates boards, appoints
 * secretariats, sees every board). The server enforces these rules; the web app reads the same
 * ones to show only the controls a person may use.
 */

export const BOARD_ROLES = ['secretariat', 'council', 'task-team', 'observer'] as const;

export type BoardRole = (typeof BOARD_ROLES)[number];

/** A person's place on one board. */
export interface BoardMembership {
  readonly boardId: string;
  readonly userId: string;
  readonly role: BoardRole;
  /** For task-team members: the cards whose check-ins they may record. */
  readonly cardIds: readonly string[];
}

export const BOARD_ROLE_LABELS: Readonly<Record<BoardRole, Localized>> = {
  secretariat: { fr: 'Secrétariat', en: 'Secretariat' },
  council: { fr: 'Membre du conseil', en: 'Council member' },
  'task-team': { fr: 'Membre d’équipe spéciale', en: 'Task-team member' },
  observer: { fr: 'Observateur', en: 'Observer' },
};

export function isBoardRole(value: unknown): value is BoardRole {
  return typeof value === 'string' && (BOARD_ROLES as readonly string[]).includes(value);
}

/** Who may change the board's content (through the sync connection, the table, imports). */
export function canEdit(role: BoardRole | null): boolean {
  return role === 'secretariat' || role === 'council';
}

/** Who administers the board: members, invitations, versions, settings, audit log. */
export function canAdminister(role: BoardRole | null, isAdmin = false): boolean {
  return isAdmin || role === 'secretariat';
}

/** Who may record a check-in for a card. */
export function canCheckIn(
  membership: Pick<BoardMembership, 'role' | 'cardIds'> | null,
  cardId: string,
): boolean {
  if (!membership) return false;
  if (canEdit(membership.role)) return true;
  return membership.role === 'task-team' && membership.cardIds.includes(cardId);
}
