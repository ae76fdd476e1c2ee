/*
 * Meetings as served: the shapes are the model's (the web app reads the same ones); the server
 * adds its clock.
 */
export {
  ACTION_STATES,
  type Action,
  type ActionState,
  AGENDA_REASONS,
  type AgendaEntry,
  type AgendaReason,
  type Decision,
  type LocalizedText,
  type Meeting,
  type MeetingState,
  type MeetingTarget,
  type Person,
  type TargetKind,
  type Vote,
  type VoteOption,
  type VoteTarget,
} from '@fdr/model';

/** `YYYY-MM-DD` of a time, on the server's clock (UTC). */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
