import { describe, expect, it } from 'vitest';
import type { Vote } from './meetingApi.ts';
import { myDotsOn, openVotesOn, visibleVoteCounts } from './voteCounts.ts';

function vote(partial: Partial<Vote> & Pick<Vote, 'id' | 'options'>): Vote {
  return {
    meetingId: 'm1',
    question: { fr: 'Q', en: 'Q' },
    secret: false,
    votesPerVoter: 3,
    liveResults: false,
    state: 'closed',
    closesAt: null,
    openedAt: 1,
    closedAt: 2,
    myDots: [],
    voters: 0,
    ballots: null,
    ...partial,
  };
}

const card = (id: string) => ({ kind: 'card' as const, id });

describe('dot-vote counts on cards', () => {
  it('come from closed votes and open votes with live results only', () => {
    const votes = [
      vote({ id: 'a', options: [{ target: card('c1'), count: 3 }] }),
      vote({ id: 'b', state: 'open', options: [{ target: card('c2'), count: null }] }),
      vote({
        id: 'c',
        state: 'open',
        liveResults: true,
        options: [{ target: card('c3'), count: 0 }],
      }),
    ];
    expect(visibleVoteCounts(votes)).toEqual({ 'card:c1': 3, 'card:c3': 0 });
  });

  it('show the latest vote’s count when several name the card', () => {
    const votes = [
      vote({ id: 'new', openedAt: 20, options: [{ target: card('c1'), count: 1 }] }),
      vote({ id: 'old', openedAt: 10, options: [{ target: card('c1'), count: 5 }] }),
    ];
    expect(visibleVoteCounts(votes)).toEqual({ 'card:c1': 1 });
  });

  it('find the open votes on a card and the caller’s dots on it', () => {
    const open = vote({
      id: 'o',
      state: 'open',
      options: [{ target: card('c1'), count: null }],
      myDots: [card('c1'), card('c1'), card('c2')],
    });
    const votes = [open, vote({ id: 'x', options: [{ target: card('c1'), count: 2 }] })];
    expect(openVotesOn(votes, card('c1')).map((v) => v.id)).toEqual(['o']);
    expect(openVotesOn(votes, card('c9'))).toEqual([]);
    expect(myDotsOn(open, card('c1'))).toBe(2);
  });
});
