import type { CheckinStatus, Localized, Milestone } from '@fdr/model';
import { ApiError, NetworkError } from '../api.ts';

export interface CheckinInput {
  cardId: string;
  status: CheckinStatus;
  progress: number | null;
  summary: Localized;
  nextMilestone: Milestone | null;
  asks: Localized;
  risks: Localized;
}

/**
 * Posts a check-in through the REST API (`POST /api/boards/:id/checkins`): the server checks the
 * role (task-team members: their own cards only), names the author from the session and applies
 * it to the live board, which brings it back to every open view. Resolves with its id.
 */
export async function postCheckin(boardId: string, input: CheckinInput): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/checkins`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const body = (await res.json().catch(() => null)) as {
    id?: string;
    error?: string;
    errorFr?: string;
  } | null;
  if (!res.ok || typeof body?.id !== 'string') {
    throw new ApiError(res.status, {
      fr: body?.errorFr ?? `Erreur ${res.status}`,
      en: body?.error ?? `Error ${res.status}`,
    });
  }
  return body.id;
}
