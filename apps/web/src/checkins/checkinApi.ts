import type {
  BoardRole,
  CheckinRecord,
  CheckinStatus,
  Localized,
  Milestone,
  StatusSummary,
} from '@fdr/model';
import { call } from '../account/accountApi.ts';

/** A card as the check-in pages see it (GET /api/boards/:id/checkins). */
export interface CardStatus {
  id: string;
  title: Localized;
  domainId: string;
  phaseId: string;
  domain: Localized;
  phase: Localized;
  latestStatus: StatusSummary | null;
  /** No check-in for more than the board's `staleAfterDays` (or none at all). */
  stale: boolean;
  /** Whether the signed-in user may record a check-in for it. */
  mayCheckIn: boolean;
  /** Oldest first, as the model orders them: by (at, id). */
  checkins: CheckinRecord[];
}

export interface BoardCheckins {
  board: { id: string; title: Localized; staleAfterDays: number };
  role: BoardRole;
  /** The server's clock when it answered (staleness was computed against it). */
  now: string;
  cards: CardStatus[];
}

export interface CheckinInput {
  /** Chosen by the client and kept across retries: a retry is then recorded once. */
  id: string;
  cardId: string;
  status: CheckinStatus;
  progress: number | null;
  summary: Localized;
  nextMilestone: Milestone | null;
  asks: Localized;
  risks: Localized;
}

const board = (id: string) => `/api/boards/${encodeURIComponent(id)}`;

export function boardCheckins(boardId: string, options: { mine?: boolean } = {}) {
  return call<BoardCheckins>(`${board(boardId)}/checkins${options.mine ? '?mine=1' : ''}`);
}

export function postCheckin(boardId: string, input: CheckinInput) {
  return call<{ id: string }>(`${board(boardId)}/checkins`, input);
}
