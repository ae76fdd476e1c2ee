import type { Decision } from './meetingApi.ts';

/**
 * The decisions taken between two states of a board. A decision takes its version just before
 * it is stored, so it is recorded a moment after its own version: the decision that made the
 * older state belongs to it (left out), the one that made the newer state belongs to the period
 * (kept). `to` null: up to now.
 */
export function decisionsBetween(
  decisions: readonly Decision[],
  period: {
    from: number;
    fromVersionId: string | null;
    to: number | null;
    toVersionId: string | null;
  },
): Decision[] {
  return decisions.filter((decision) => {
    if (period.fromVersionId !== null && decision.versionId === period.fromVersionId) return false;
    if (period.toVersionId !== null && decision.versionId === period.toVersionId) return true;
    return (
      decision.recordedAt >= period.from && (period.to === null || decision.recordedAt <= period.to)
    );
  });
}
