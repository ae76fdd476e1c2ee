import type {
  Action,
  ActionState,
  AgendaEntryInput,
  Decision,
  LocalizedText,
  Meeting,
  MeetingDetail,
  MeetingTarget,
  Vote,
  VoteTarget,
} from '@fdr/model';
import { call } from '../account/accountApi.ts';

/*
 * Meetings over REST. The answers' shapes are the model's (`@fdr/model`, the server serves the
 * same ones); they are re-exported here for the meeting views.
 */
export type {
  Action,
  ActionState,
  AgendaEntry,
  AgendaEntryInput,
  AgendaReason,
  Decision,
  LocalizedText,
  Meeting,
  MeetingDetail,
  MeetingState,
  MeetingTarget,
  Person,
  TargetKind,
  Vote,
  VoteOption,
  VoteTarget,
} from '@fdr/model';

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
