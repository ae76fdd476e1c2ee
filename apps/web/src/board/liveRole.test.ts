import { describe, expect, it } from 'vitest';
import {
  canCheckInOnBoard,
  canEditBoard,
  type LiveRole,
  noticeFor,
  roleOnBoard,
  withLostChanges,
} from './liveRole.ts';

const user = { id: 'u', email: 'u@example.org', name: 'U', isAdmin: false };
const member = (role: 'council' | 'observer', boardId = 'b1') => ({
  boardId,
  userId: 'u',
  role,
  cardIds: [],
});

describe('live role', () => {
  it('reads the role on one board; an administrator without membership acts as secretariat', () => {
    expect(
      roleOnBoard({ user, memberships: [member('observer', 'b2'), member('council')] }, 'b1'),
    ).toBe('council');
    expect(roleOnBoard({ user, memberships: [member('observer', 'b2')] }, 'b1')).toBe('none');
    expect(roleOnBoard({ user: { ...user, isAdmin: true }, memberships: [] }, 'b1')).toBe(
      'secretariat',
    );
    expect(
      roleOnBoard({ user: { ...user, isAdmin: true }, memberships: [member('observer')] }, 'b1'),
    ).toBe('observer');
  });

  it('offers editing to secretariat, council and an unknown role only', () => {
    const roles: LiveRole[] = [null, 'secretariat', 'council', 'task-team', 'observer', 'none'];
    expect(roles.map(canEditBoard)).toEqual([true, true, true, false, false, false]);
  });

  it('tells a change, a removal, and nothing when the role only became known', () => {
    expect(noticeFor('council', 'observer')).toEqual({
      kind: 'changed',
      role: 'observer',
      canEdit: false,
      lost: false,
    });
    expect(noticeFor('observer', 'council')).toEqual({
      kind: 'changed',
      role: 'council',
      canEdit: true,
      lost: false,
    });
    expect(noticeFor('council', 'none')).toEqual({ kind: 'removed' });
    expect(noticeFor(null, 'observer')).toBeNull();
    expect(noticeFor('observer', null)).toBeNull();
    expect(noticeFor('council', 'council')).toBeNull();
  });

  it('adds the lost changes to the change just told, or says they were refused', () => {
    const changed = noticeFor('council', 'observer');
    expect(withLostChanges(changed, 'observer')).toEqual({ ...changed, lost: true });
    expect(withLostChanges(null, 'observer')).toEqual({ kind: 'refused', role: 'observer' });
    expect(withLostChanges({ kind: 'removed' }, 'task-team')).toEqual({
      kind: 'refused',
      role: 'task-team',
    });
  });

  it('offers a check-in to editors on every card and to a task-team member on their own', () => {
    expect(canCheckInOnBoard('council', [], 'card-a')).toBe(true);
    expect(canCheckInOnBoard('task-team', ['card-a'], 'card-a')).toBe(true);
    expect(canCheckInOnBoard('task-team', ['card-a'], 'card-b')).toBe(false);
    expect(canCheckInOnBoard('observer', ['card-a'], 'card-a')).toBe(false);
    expect(canCheckInOnBoard('none', [], 'card-a')).toBe(false);
    // Offline, the role is not known: the server decides.
    expect(canCheckInOnBoard(null, [], 'card-a')).toBe(true);
  });
});
