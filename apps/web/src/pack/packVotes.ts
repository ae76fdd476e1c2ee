import type { Vote, VoteTarget } from '../meetings/meetingApi.ts';

export interface VoteRow {
  key: string;
  target: VoteTarget;
  count: number | null;
}

/** A vote's options, the most voted first when the counts are known (else in the vote's order). */
export function voteRows(vote: Vote): VoteRow[] {
  const rows = vote.options.map((option) => ({
    key: `${option.target.kind}:${option.target.id}`,
    target: option.target,
    count: option.count,
  }));
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (b.row.count ?? 0) - (a.row.count ?? 0) || a.index - b.index)
    .map(({ row }) => row);
}

/**
 * Who put dots on an option, in the order of the ballots, "Ana ×2" for stacked dots. Empty for a
 * secret vote (the server sends no ballots then; this never looks further).
 */
export function ballotNames(vote: Vote, key: string): string[] {
  if (vote.secret || !vote.ballots) return [];
  const counts = new Map<string, { name: string; dots: number }>();
  for (const ballot of vote.ballots) {
    if (`${ballot.target.kind}:${ballot.target.id}` !== key) continue;
    const seen = counts.get(ballot.voter.id);
    if (seen) seen.dots += 1;
    else counts.set(ballot.voter.id, { name: ballot.voter.name, dots: 1 });
  }
  return [...counts.values()].map(({ name, dots }) => (dots > 1 ? `${name} ×${dots}` : name));
}
