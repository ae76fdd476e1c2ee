/**
 * Roles on one board. The instance administrator is not a board role: it is a flag on the user
 * (creates boards, appoints secretariats, sees every board).
 */
export const ROLES = ['secretariat', 'council', 'task-team', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export interface Membership {
  boardId: string;
  userId: string;
  role: Role;
  /** For task-team members: the cards whose check-ins they may record. */
  cardIds: string[];
}

export const ROLE_LABELS: Record<Role, { fr: string; en: string }> = {
  secretariat: { fr: 'Secrétariat', en: 'Secretariat' },
  council: { fr: 'Membre du conseil', en: 'Council member' },
  'task-team': { fr: "Membre d'équipe spéciale", en: 'Task-team member' },
  observer: { fr: 'Observateur', en: 'Observer' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who may change the board's content through the sync connection. */
export function canEdit(role: Role | null): boolean {
  return role === 'secretariat' || role === 'council';
}

/** Who administers the board: members, invitations, versions, settings, audit log. */
export function canAdminister(role: Role | null, isAdmin: boolean): boolean {
  return isAdmin || role === 'secretariat';
}

/** Who may record a check-in for a card. */
export function canCheckIn(membership: Membership | null, cardId: string): boolean {
  if (!membership) return false;
  if (canEdit(membership.role)) return true;
  return membership.role === 'task-team' && membership.cardIds.includes(cardId);
}
