import { describe, expect, it } from 'vitest';
import { isOverdue, overdueActions, sortActions } from './actionOrder.ts';
import type { Action } from './meetingApi.ts';

function action(id: string, fields: Partial<Action>): Action {
  return {
    id,
    boardId: 'b',
    meetingId: null,
    decisionId: null,
    title: { fr: id, en: id },
    owner: { id: 'u', name: 'Ana' },
    dueOn: '2027-01-10',
    target: null,
    state: 'open',
    overdue: false,
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  };
}

describe('actions in order', () => {
  it('open first, overdue at the top, then by due date; done and dropped after', () => {
    const list = [
      action('dropped', { state: 'dropped', dueOn: '2026-01-01' }),
      action('done', { state: 'done', dueOn: '2026-01-01' }),
      action('later', { dueOn: '2027-03-01' }),
      action('soon', { dueOn: '2027-02-01' }),
      action('late', { dueOn: '2026-12-01', overdue: true }),
    ];
    expect(sortActions(list).map((a) => a.id)).toEqual([
      'late',
      'soon',
      'later',
      'done',
      'dropped',
    ]);
  });

  it('an action is overdue when open and past its day', () => {
    expect(isOverdue({ state: 'open', dueOn: '2027-01-09' }, '2027-01-10')).toBe(true);
    expect(isOverdue({ state: 'open', dueOn: '2027-01-10' }, '2027-01-10')).toBe(false);
    expect(isOverdue({ state: 'done', dueOn: '2020-01-01' }, '2027-01-10')).toBe(false);
  });

  it('the status page lists open overdue actions, the oldest due date first', () => {
    const list = [
      action('a', { overdue: true, dueOn: '2026-12-05' }),
      action('b', { overdue: true, dueOn: '2026-11-01' }),
      action('c', { overdue: false }),
      action('d', { overdue: true, state: 'done' }),
    ];
    expect(overdueActions(list).map((a) => a.id)).toEqual(['b', 'a']);
  });
});
