import { call } from '../account/accountApi.ts';

/*
 * Meetings over REST. Meetings, votes, decisions and actions live in server tables, not in the
 * board's document: a ballot must stay secret and a count must not be forgeable by a member who
 * writes to the document. The server is the judge of every rule; these are its answers' shapes.
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

/** Why an entry was proposed from the board; null when written by hand. */
export type AgendaReason = 'overdue' | 'at-risk' | 'blocked' | 'changed' | 'action' | null;

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

export type ActionState = 'open' | 'done' | 'dropped';

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

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;
const id = encodeURIComponent;

export async function listMeetings(boardId: string): Promise<Meeting[]> {
  return (await call<{ meetings: Meeting[] }>(`${board(boardId)}/meetings`)).meetings;
}

export async function createMeeting(
  boardId: string,
  input: { title: LocalizedText; heldOn: string; agenda?: AgendaEntryInput[] },
): Promise<Meeting> {
  return (await call<{ meeting: Meeting }>(`${board(boardId)}/meetings`, input)).meeting;
}

export async function getMeeting(boardId: string, meetingId: string): Promise<MeetingDetail> {
  return call<MeetingDetail>(`${board(boardId)}/meetings/${id(meetingId)}`);
}

/** Title, date and the whole agenda (entries keep their ids; the order is the list's). */
export async function updateMeeting(
  boardId: string,
  meetingId: string,
  patch: { title?: LocalizedText; heldOn?: string; agenda?: AgendaEntryInput[] },
): Promise<Meeting> {
  return (
    await call<{ meeting: Meeting }>(`${board(boardId)}/meetings/${id(meetingId)}`, patch, 'PATCH')
  ).meeting;
}

/**
 * The presenter's step: the caller becomes the presenter and the meeting is live. `entryId`
 * null shows no entry; `timerMinutes` starts the entry's timer (null stops it). `end` ends it.
 */
export async function present(
  boardId: string,
  meetingId: string,
  input: { entryId: string | null; timerMinutes?: number | null } | { end: true },
): Promise<Meeting> {
  return (
    await call<{ meeting: Meeting }>(`${board(boardId)}/meetings/${id(meetingId)}/present`, input)
  ).meeting;
}

export async function listVotes(boardId: string): Promise<Vote[]> {
  return (await call<{ votes: Vote[] }>(`${board(boardId)}/votes`)).votes;
}

export async function openVote(
  boardId: string,
  meetingId: string,
  input: {
    question: LocalizedText;
    targets: VoteTarget[];
    votesPerVoter: number;
    secret: boolean;
    liveResults: boolean;
    closesAt: number | null;
  },
): Promise<Vote> {
  return (await call<{ vote: Vote }>(`${board(boardId)}/meetings/${id(meetingId)}/votes`, input))
    .vote;
}

export async function closeVote(boardId: string, voteId: string): Promise<Vote> {
  return (await call<{ vote: Vote }>(`${board(boardId)}/votes/${id(voteId)}/close`, {})).vote;
}

/** One more dot on a target; the server refuses it (409 `no-votes-left`) past the voter's votes. */
export async function addDot(boardId: string, voteId: string, target: VoteTarget): Promise<Vote> {
  return (await call<{ vote: Vote }>(`${board(boardId)}/votes/${id(voteId)}/dots`, { target }))
    .vote;
}

/** Takes back one of the caller's dots on a target while the vote is open. */
export async function removeDot(
  boardId: string,
  voteId: string,
  target: VoteTarget,
): Promise<Vote> {
  const query = new URLSearchParams({ kind: target.kind, id: target.id });
  return (
    await call<{ vote: Vote }>(
      `${board(boardId)}/votes/${id(voteId)}/dots?${query}`,
      undefined,
      'DELETE',
    )
  ).vote;
}

/** Records a decision; the server takes a named version of the board with it. */
export async function recordDecision(
  boardId: string,
  meetingId: string,
  input: { text: LocalizedText; targets: MeetingTarget[] },
): Promise<Decision> {
  return (
    await call<{ decision: Decision }>(
      `${board(boardId)}/meetings/${id(meetingId)}/decisions`,
      input,
    )
  ).decision;
}

export interface DecisionFilter {
  meetingId?: string;
  /** `card:<id>`, `item:<id>` or `domain:<id>`. */
  target?: string;
  /** Recorded at or after / before (ms). */
  from?: number;
  to?: number;
  /** Words in either language. */
  q?: string;
}

function decisionQuery(filter: DecisionFilter): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/** The board's decisions, newest first. */
export async function listDecisions(
  boardId: string,
  filter: DecisionFilter = {},
): Promise<Decision[]> {
  return (
    await call<{ decisions: Decision[] }>(`${board(boardId)}/decisions${decisionQuery(filter)}`)
  ).decisions;
}

/** Where the register's CSV is downloaded from (the server writes it: both languages). */
export function decisionsCsvUrl(boardId: string, filter: DecisionFilter = {}): string {
  return `${board(boardId)}/decisions.csv${decisionQuery(filter)}`;
}

export async function listActions(boardId: string): Promise<Action[]> {
  return (await call<{ actions: Action[] }>(`${board(boardId)}/actions`)).actions;
}

/** The caller's actions on every board, open ones first. */
export async function myActions(): Promise<Action[]> {
  return (await call<{ actions: Action[] }>('/api/me/actions')).actions;
}

export async function createAction(
  boardId: string,
  input: {
    title: LocalizedText;
    ownerId: string;
    dueOn: string;
    target: MeetingTarget | null;
    meetingId: string | null;
    decisionId: string | null;
  },
): Promise<Action> {
  return (await call<{ action: Action }>(`${board(boardId)}/actions`, input)).action;
}

/** The owner may change `state`; the secretariat any field. */
export async function updateAction(
  boardId: string,
  actionId: string,
  patch: { state?: ActionState; title?: LocalizedText; dueOn?: string; ownerId?: string },
): Promise<Action> {
  return (
    await call<{ action: Action }>(`${board(boardId)}/actions/${id(actionId)}`, patch, 'PATCH')
  ).action;
}
