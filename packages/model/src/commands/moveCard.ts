import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { writeCell } from '../doc/recordCodec.ts';
import { ModelError } from '../ModelError.ts';
import {
  cardOf,
  cellCards,
  readState,
  recordId,
  requireLiveDomain,
  requirePhase,
  writeRecord,
} from './commandSupport.ts';
import { type Position, placeAmong } from './Position.ts';
import { writeRekeys } from './writeRekeys.ts';

export type MoveCardInput = {
  readonly id: string;
  readonly domainId: string;
  readonly phaseId: string;
  readonly position?: Position;
};

/**
 * Moves a card to a cell (domain × phase) at a position; also used to reorder within its cell.
 * Periods that belong to the old phase are dropped.
 */
export function moveCard(doc: Y.Doc, input: MoveCardInput, origin: unknown): void {
  const state = readState(doc);
  const id = recordId(input.id);
  const card = cardOf(state, id);
  if (card.archived) {
    throw new ModelError(
      'archived',
      {
        fr: `La carte « ${card.title.fr || card.title.en} » est archivée; restaurez-la avant de la déplacer.`,
        en: `Card "${card.title.en || card.title.fr}" is archived; restore it before moving it.`,
      },
      { id },
    );
  }
  requireLiveDomain(state, input.domainId);
  const phase = requirePhase(state, input.phaseId);
  const placement = placeAmong(cellCards(state, input.domainId, input.phaseId, id), input.position);
  const periodIds = card.periodIds.filter((periodId) =>
    phase.periods.some((period) => period.id === periodId),
  );
  writeRecord(doc, origin, { root: 'cards', id: id }, (map, cards) => {
    writeCell(map, { domainId: input.domainId, phaseId: input.phaseId, order: placement.key });
    setField(map, 'periodIds', periodIds);
    writeRekeys(cards, placement.rekeyed);
  });
}
