import type { Vote, VoteTarget } from './meetingApi.ts';

/**
 * The dot-vote count each card and item shows, keyed `card:<id>` / `item:<id>`: from the votes
 * whose results are visible (closed, or open with live results). When several such votes name
 * the same target, the latest opened one is shown: it is the question the board is on now.
 */
export function visibleVoteCounts(votes: readonly Vote[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const shownAt: Record<string, number> = {};
  for (const vote of votes) {
    if (vote.state === 'open' && !vote.liveResults) continue;
    for (const option of vote.options) {
      if (option.count === null) continue;
      const key = targetKey(option.target);
      if ((shownAt[key] ?? -Infinity) > vote.openedAt) continue;
      shownAt[key] = vote.openedAt;
      counts[key] = option.count;
    }
  }
  return counts;
}

export const targetKey = (target: { kind: string; id: string }): string =>
  `${target.kind}:${target.id}`;

/** The open votes that include a target, newest first. */
export function openVotesOn(votes: readonly Vote[], target: VoteTarget): Vote[] {
  const key = targetKey(target);
  return votes
    .filter((v) => v.state === 'open' && v.options.some((o) => targetKey(o.target) === key))
    .sort((a, b) => b.openedAt - a.openedAt);
}

/** How many of the caller's dots are on a target. */
export function myDotsOn(vote: Vote, target: VoteTarget): number {
  const key = targetKey(target);
  return vote.myDots.filter((dot) => targetKey(dot) === key).length;
}
