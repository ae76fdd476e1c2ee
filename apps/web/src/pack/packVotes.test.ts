import { describe, expect, it } from 'vitest';
import type { Vote } from '../meetings/meetingApi.ts';
import { ballotNames, voteRows } from './packVotes.ts';

const vote: Vote = {
  id: 'v',
  meetingId: 'm',
  question: { fr: 'Priorité ?', en: 'Priority?' },
  secret: false,
  votesPerVoter: 3,
  liveResults: false,
  state: 'closed',
  closesAt: null,
  openedAt: 0,
  closedAt: 1,
  options: [
    { target: { kind: 'card', id: 'a' }, count: 1 },
    { target: { kind: 'card', id: 'b' }, count: 3 },
  ],
  myDots: [],
  voters: 2,
  ballots: [
    { voter: { id: 'u1', name: 'Ana' }, target: { kind: 'card', id: 'b' } },
    { voter: { id: 'u1', name: 'Ana' }, target: { kind: 'card', id: 'b' } },
    { voter: { id: 'u2', name: 'Bo' }, target: { kind: 'card', id: 'b' } },
    { voter: { id: 'u2', name: 'Bo' }, target: { kind: 'card', id: 'a' } },
  ],
};

describe('vote results in the pack', () => {
  it('list the most voted option first', () => {
    expect(voteRows(vote).map((row) => [row.key, row.count])).toEqual([
      ['card:b', 3],
      ['card:a', 1],
    ]);
  });

  it('name who voted on an open ballot, stacked dots counted', () => {
    expect(ballotNames(vote, 'card:b')).toEqual(['Ana ×2', 'Bo']);
    expect(ballotNames(vote, 'card:a')).toEqual(['Bo']);
  });

  it('never name anyone on a secret ballot', () => {
    expect(ballotNames({ ...vote, secret: true }, 'card:b')).toEqual([]);
  });

  it('keep the vote’s order while the counts are hidden', () => {
    const hidden = { ...vote, options: vote.options.map((o) => ({ ...o, count: null })) };
    expect(voteRows(hidden).map((row) => row.key)).toEqual(['card:a', 'card:b']);
  });
});
