/**
 * Meetings as served (the web client's `meetings/meetingApi.ts` reads exactly these shapes,
 * `null`s included).
 */
export interface LocalizedText {
  fr: string;
  en: string;
}

export type TargetKind = 'card' | 'item' | 'domain';
export interface MeetingTarget {
  kind: TargetKind;
  id: string;
}
export interface VoteTarget {
  kind: 'card' | 'item';
  id: string;
}

export const AGENDA_REASONS = ['overdue', 'at-risk', 'blocked', 'changed', 'action'] as const;
export type AgendaReason = (typeof AGENDA_REASONS)[number] | null;

export interface AgendaEntry {
  id: string;
  title: LocalizedText;
  target: MeetingTarget | null;
  minutes: number | null;
  reason: AgendaReason;
}

export interface Person {
  id: string;
  name: string;
}

export type MeetingState = 'planned' | 'live' | 'ended';

export interface Meeting {
  id: string;
  boardId: string;
  title: LocalizedText;
  heldOn: string;
  state: MeetingState;
  agenda: AgendaEntry[];
  presenter: Person | null;
  currentEntryId: string | null;
  timerEndsAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface VoteOption {
  target: VoteTarget;
  count: number | null;
}

export interface Vote {
  id: string;
  meetingId: string;
  question: LocalizedText;
  secret: boolean;
  votesPerVoter: number;
  liveResults: boolean;
  state: 'open' | 'closed';
  closesAt: number | null;
  openedAt: number;
  closedAt: number | null;
  options: VoteOption[];
  myDots: VoteTarget[];
  voters: number;
  ballots: { voter: Person; target: VoteTarget }[] | null;
}

export interface Decision {
  id: string;
  meetingId: string;
  meetingTitle: LocalizedText;
  heldOn: string;
  text: LocalizedText;
  targets: MeetingTarget[];
  versionId: string;
  versionName: string;
  recordedBy: Person;
  recordedAt: number;
}

export const ACTION_STATES = ['open', 'done', 'dropped'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export interface Action {
  id: string;
  boardId: string;
  boardTitle?: LocalizedText;
  meetingId: string | null;
  decisionId: string | null;
  title: LocalizedText;
  owner: Person;
  dueOn: string;
  target: MeetingTarget | null;
  state: ActionState;
  overdue: boolean;
  createdAt: number;
  updatedAt: number;
}

/** `YYYY-MM-DD` of a time, on the server's clock (UTC). */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
