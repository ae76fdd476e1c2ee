import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { writeCell } from '../doc/recordCodec.ts';
import { cardOf, cellCards, readState, recordId, writeRecord } from './commandSupport.ts';
import { type Position, placeAmong } from './Position.ts';
import { writeRekeys } from './writeRekeys.ts';

export type RestoreCardInput = { readonly id: string; readonly position?: Position };

/**
 * Brings an archived card back, into the cell readers resolve it to (its domain may have been
 * removed meanwhile), at the end of that cell unless a position is given.
 */
export function restoreCard(doc: Y.Doc, input: RestoreCardInput, origin: unknown): void {
  const state = readState(doc);
  const id = recordId(input.id);
  const card = cardOf(state, id);
  if (!card.archived) return;
  const placement = placeAmong(cellCards(state, card.domainId, card.phaseId, id), input.position);
  writeRecord(doc, origin, { root: 'cards', id: id }, (map, cards) => {
    setField(map, 'archived', false);
    writeCell(map, { domainId: card.domainId, phaseId: card.phaseId, order: placement.key });
    writeRekeys(cards, placement.rekeyed);
  });
}
