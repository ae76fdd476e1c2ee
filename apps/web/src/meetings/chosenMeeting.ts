/** The latest meeting (by its date, then by creation), or the one asked for by id. */
export function chosenMeeting<T extends { id: string; heldOn: string; createdAt: number }>(
  meetings: readonly T[],
  wanted: string | null,
): T | null {
  if (wanted) {
    const found = meetings.find((m) => m.id === wanted);
    if (found) return found;
  }
  let best: T | null = null;
  for (const meeting of meetings) {
    if (
      best === null ||
      meeting.heldOn > best.heldOn ||
      (meeting.heldOn === best.heldOn && meeting.createdAt > best.createdAt)
    ) {
      best = meeting;
    }
  }
  return best;
}
