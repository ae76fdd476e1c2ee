/*
 * Meetings as the server serves them and the web app reads them (JSON, `null`s included).
 * Meetings, votes, decisions and actions live in server tables, not in the board's document: a
 * ballot must stay secret and a count must not be forgeable by a member who writes to the
 * document. The server is the judge of every rule; these are its answers' shapes.
 */

export interface LocalizedText {
  fr: string;
  en: string;
}

/** What an agenda entry, a decision or an action points at. */
export type TargetKind = 'card' | 'item' | 'domain';
export interface MeetingTarget {
  kind: TargetKind;
  id: string;
}
/** What a vote is on: cards and roadmap items only. */
export interface VoteTarget {
  kind: 'card' | 'item';
  id: string;
}

export const AGENDA_REASONS = ['overdue', 'at-risk', 'blocked', 'changed', 'action'] as const;
/** Why an entry was proposed from the board; null when written by hand. */
export type AgendaReason = (typeof AGENDA_REASONS)[number] | null;

export interface AgendaEntry {
  id: string;
  title: LocalizedText;
  target: MeetingTarget | null;
  /** The entry's timer, in minutes; null: no timer. */
  minutes: number | null;
  reason: AgendaReason;
}

/** An entry as sent to the server: a new one has no id yet. */
export type AgendaEntryInput = Omit<AgendaEntry, 'id'> & { id?: string };

export interface Person {
  id: string;
  name: string;
}

export type MeetingState = 'planned' | 'live' | 'ended';

export interface Meeting {
  id: string;
  boardId: string;
  title: LocalizedText;
  /** `YYYY-MM-DD`. */
  heldOn: string;
  state: MeetingState;
  agenda: AgendaEntry[];
  /** Who walks the agenda while the meeting is live. */
  presenter: Person | null;
  currentEntryId: string | null;
  /** When the current entry's timer runs out (ms since the epoch); null: no timer running. */
  timerEndsAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface VoteOption {
  target: VoteTarget;
  /** Null while the results are hidden (an open vote without live results). */
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
  /** The caller's own dots (one entry per dot; a target may appear several times). */
  myDots: VoteTarget[];
  /** How many people have cast at least one dot. */
  voters: number;
  /** Who put which dot: open votes whose results are visible only; never for a secret vote. */
  ballots: { voter: Person; target: VoteTarget }[] | null;
}

export interface Decision {
  id: string;
  meetingId: string;
  meetingTitle: LocalizedText;
  heldOn: string;
  text: LocalizedText;
  targets: MeetingTarget[];
  /** The named version taken with the decision. */
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
  /** Set in `/api/me/actions`, where actions of several boards are listed. */
  boardTitle?: LocalizedText;
  meetingId: string | null;
  decisionId: string | null;
  title: LocalizedText;
  owner: Person;
  /** `YYYY-MM-DD`. */
  dueOn: string;
  target: MeetingTarget | null;
  state: ActionState;
  /** Open and past its due date (server's clock). */
  overdue: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface MeetingDetail {
  meeting: Meeting;
  votes: Vote[];
  decisions: Decision[];
  actions: Action[];
}
