import type * as Y from 'yjs';
import { newId } from '../ids.ts';
import { ModelError } from '../ModelError.ts';
import { type CheckinStatus, type Milestone, validateCheckin } from '../records/checkin.ts';
import { EMPTY_TEXT, type Localized } from '../records/localized.ts';
import { cardOf, docRoots, KIND, readState, recordId, write } from './commandSupport.ts';

export type RecordCheckinInput = {
  /** Give one (and `at`) to make retries idempotent, e.g. from the REST request id. */
  readonly id?: string;
  readonly cardId: string;
  readonly status: CheckinStatus;
  readonly progress?: number | null;
  readonly summary?: Localized;
  readonly nextMilestone?: Milestone | null;
  readonly asks?: Localized;
  readonly risks?: Localized;
  readonly author: string;
  /** UTC timestamp; defaults to now. */
  readonly at?: string;
};

/**
 * Appends a status check-in to a card's history; returns its id. Recording the very same
 * check-in again is a no-op; reusing its id for different content is an error.
 */
export function recordCheckin(doc: Y.Doc, input: RecordCheckinInput, origin: unknown): string {
  const state = readState(doc);
  const id = input.id === undefined ? newId() : recordId(input.id);
  const card = cardOf(state, recordId(input.cardId, 'cardId'));
  if (card.archived) {
    throw new ModelError(
      'archived',
      {
        fr: `La carte « ${card.title.fr || card.title.en} » est archivée; elle ne reçoit plus de bilans.`,
        en: `Card "${card.title.en || card.title.fr}" is archived; it takes no more check-ins.`,
      },
      { id: card.id },
    );
  }
  const checkin = validateCheckin(
    {
      id,
      cardId: card.id,
      status: input.status,
      progress: input.progress ?? null,
      summary: input.summary ?? EMPTY_TEXT,
      nextMilestone: input.nextMilestone ?? null,
      asks: input.asks ?? EMPTY_TEXT,
      risks: input.risks ?? EMPTY_TEXT,
      author: input.author,
      at: input.at ?? new Date().toISOString(),
    },
    'input',
  );
  const log = docRoots(doc).checkinLog;
  const existing = log.get(id);
  if (existing !== undefined) {
    if (JSON.stringify(existing) === JSON.stringify(checkin)) return id;
    throw new ModelError(
      'duplicate-id',
      {
        fr: `${KIND.checkin.fr} « ${id} » existe déjà avec un autre contenu.`,
        en: `${KIND.checkin.en} "${id}" already exists with different content.`,
      },
      { id },
    );
  }
  write(doc, origin, () => log.set(id, checkin));
  return id;
}
