import { describe, expect, it } from 'vitest';
import { BOARD_ROLES, canAdminister, canCheckIn, canEdit, isBoardRole } from './boardRole.ts';

describe('board roles', () => {
  it('lets the secretariat and council members edit, nobody else', () => {
    expect(BOARD_ROLES.filter((role) => canEdit(role))).toEqual(['secretariat', 'council']);
    expect(canEdit(null)).toBe(false);
  });

  it('lets the secretariat and instance administrators administer', () => {
    expect(BOARD_ROLES.filter((role) => canAdminister(role))).toEqual(['secretariat']);
    expect(canAdminister(null, true)).toBe(true);
    expect(canAdminister('observer', true)).toBe(true);
    expect(canAdminister(null)).toBe(false);
  });

  it('limits a task-team member’s check-ins to their own cards', () => {
    const member = { role: 'task-team', cardIds: ['card-a'] } as const;
    expect(canCheckIn(member, 'card-a')).toBe(true);
    expect(canCheckIn(member, 'card-b')).toBe(false);
    expect(canCheckIn({ role: 'council', cardIds: [] }, 'card-b')).toBe(true);
    expect(canCheckIn({ role: 'observer', cardIds: ['card-a'] }, 'card-a')).toBe(false);
    expect(canCheckIn(null, 'card-a')).toBe(false);
  });

  it('recognizes only the four board roles, not the card roles', () => {
    expect(BOARD_ROLES.every(isBoardRole)).toBe(true);
    expect(isBoardRole('CE')).toBe(false);
    expect(isBoardRole('admin')).toBe(false);
    expect(isBoardRole(undefined)).toBe(false);
  });
});
