import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accountStoreBackends } from '../test/accountStoreBackends.ts';
import { MeetingStore } from './MeetingStore.ts';

const backends = accountStoreBackends('meetings', 8);

describe.each(backends)('MeetingStore on %s', (_name, open) => {
  async function fixture() {
    const accounts = await open();
    const store = new MeetingStore(accounts.executor);
    const person = (name: string) =>
      accounts.createUser({
        email: `${name}-${randomBytes(3).toString('hex')}@example.ca`,
        name,
        passwordHash: 'x',
        isAdmin: false,
      });
    const boardId = `board-${randomBytes(3).toString('hex')}`;
    const meeting = await store.createMeeting({
      id: globalThis.crypto.randomUUID(),
      boardId,
      title: { fr: 'Réunion', en: 'Meeting' },
      heldOn: '2026-12-01',
      agenda: [{ title: { fr: 'Un', en: 'One' }, target: null, minutes: null, reason: null }],
      createdBy: 'sec',
      now: 1000,
    });
    const vote = async (options: { closesAt?: number | null; votesPerVoter?: number } = {}) => {
      const id = globalThis.crypto.randomUUID();
      await store.openVote({
        id,
        boardId,
        meetingId: meeting.id,
        question: { fr: 'Q', en: 'Q' },
        targets: [
          { kind: 'card', id: 'c1' },
          { kind: 'item', id: 'i1' },
        ],
        votesPerVoter: options.votesPerVoter ?? 3,
        secret: false,
        liveResults: false,
        closesAt: options.closesAt ?? null,
        openedBy: 'sec',
        now: 1000,
      });
      return id;
    };
    return { accounts, store, person, boardId, meeting, vote };
  }

  it('caps a voter’s dots whatever the interleaving of 30 concurrent adds', async () => {
    const { store, person, boardId, vote } = await fixture();
    const voter = await person('Ada');
    const id = await vote();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        store.addDot(
          boardId,
          id,
          voter.id,
          i % 2 ? { kind: 'card', id: 'c1' } : { kind: 'item', id: 'i1' },
          2000,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'added')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'no-votes-left')).toHaveLength(27);
    const [read] = await store.votes(boardId, voter.id, 2000);
    expect(read!.myDots).toHaveLength(3);
    // A dot taken back frees its slot for one more.
    expect(await store.removeDot(boardId, id, voter.id, { kind: 'card', id: 'c1' }, 2000)).toBe(
      'removed',
    );
    expect(await store.addDot(boardId, id, voter.id, { kind: 'card', id: 'c1' }, 2000)).toBe(
      'added',
    );
    expect(await store.addDot(boardId, id, voter.id, { kind: 'card', id: 'c1' }, 2000)).toBe(
      'no-votes-left',
    );
  });

  it('refuses dots on non-options, unknown votes, after a close and past the closing time', async () => {
    const { store, person, boardId, vote } = await fixture();
    const voter = await person('Bo');
    const id = await vote({ closesAt: 5000 });
    expect(await store.addDot(boardId, id, voter.id, { kind: 'card', id: 'zz' }, 2000)).toBe(
      'not-an-option',
    );
    expect(await store.addDot('other-board', id, voter.id, { kind: 'card', id: 'c1' }, 2000)).toBe(
      'no-vote',
    );
    expect(await store.addDot(boardId, id, voter.id, { kind: 'card', id: 'c1' }, 5000)).toBe(
      'closed',
    );
    const [late] = await store.votes(boardId, voter.id, 5000);
    expect(late).toMatchObject({ state: 'closed', closedAt: 5000 });
    const [early] = await store.votes(boardId, voter.id, 4999);
    expect(early).toMatchObject({ state: 'open', closedAt: null });
    expect(await store.closeDue(4999)).toEqual([]);
    expect((await store.closeDue(6000)).map((v) => v.id)).toEqual([id]);
    expect(await store.closeDue(7000)).toEqual([]);
    const other = await vote();
    expect(await store.closeVote(boardId, other, 'sec', 3000)).toBe('closed');
    expect(await store.closeVote(boardId, other, 'sec', 3001)).toBe('already');
    expect(await store.closeVote(boardId, 'nope', 'sec', 3001)).toBeNull();
    expect(await store.addDot(boardId, other, voter.id, { kind: 'card', id: 'c1' }, 3002)).toBe(
      'closed',
    );
  });

  it('filters decisions by meeting, target, time and words (LIKE characters literal)', async () => {
    const { store, boardId, meeting } = await fixture();
    const record = (
      id: string,
      fr: string,
      at: number,
      targets = [] as { kind: 'card'; id: string }[],
    ) =>
      store.recordDecision({
        id,
        boardId,
        meetingId: meeting.id,
        text: { fr, en: '' },
        targets,
        versionId: `v-${id}`,
        versionName: `n-${id}`,
        recordedBy: 'sec',
        now: at,
      });
    await record('d1', 'Budget 100% approuvé', 10, [{ kind: 'card', id: 'c1' }]);
    await record('d2', 'Budget 1000 reporté', 20);
    const ids = async (filter: Parameters<MeetingStore['decisions']>[1]) =>
      (await store.decisions(boardId, filter)).map((d) => d.id);
    expect(await ids({})).toEqual(['d2', 'd1']);
    expect(await ids({ q: '100%' })).toEqual(['d1']);
    expect(await ids({ q: 'budget' })).toEqual(['d2', 'd1']);
    expect(await ids({ target: { kind: 'card', id: 'c1' } })).toEqual(['d1']);
    expect(await ids({ from: 15 })).toEqual(['d2']);
    expect(await ids({ to: 15 })).toEqual(['d1']);
    expect(await ids({ meetingId: 'other' })).toEqual([]);
  });

  it('lists reminders once per due date and state', async () => {
    const { store, person, boardId } = await fixture();
    const owner = await person('Cy');
    const day = 86_400_000;
    const now = Date.UTC(2026, 11, 10, 12);
    const add = (id: string, dueOn: string) =>
      store.createAction(
        {
          id,
          boardId,
          meetingId: null,
          decisionId: null,
          title: { fr: id, en: id },
          ownerId: owner.id,
          dueOn,
          target: null,
          createdBy: 'sec',
          now,
        },
        async () => null,
      );
    await add('soon', '2026-12-11');
    await add('late', '2026-12-01');
    await add('far', '2027-01-01');
    const due = await store.dueReminders(now, 2);
    expect(due.map((d) => [d.action.id, d.overdue, d.ownerEmail === owner.email])).toEqual([
      ['late', true, true],
      ['soon', false, true],
    ]);
    for (const d of due) {
      expect(
        await store.markReminded(d.action.id, d.action.dueOn, d.overdue, async () => 'sent'),
      ).toBe('sent');
      expect(
        await store.markReminded(d.action.id, d.action.dueOn, d.overdue, async () => 'sent'),
      ).toBeNull();
    }
    expect(await store.dueReminders(now, 2)).toEqual([]);
    // Two days later the soon one is overdue: one more reminder.
    expect((await store.dueReminders(now + 2 * day, 2)).map((d) => d.action.id)).toEqual(['soon']);
    const mine = await store.actionsOf(owner.id, [boardId], now);
    expect(mine.map((a) => [a.id, a.overdue])).toEqual([
      ['late', true],
      ['soon', false],
      ['far', false],
    ]);
  });
});
