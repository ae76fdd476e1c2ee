import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { cardOf, readState, recordId, writeRecord } from './commandSupport.ts';

export type ArchiveCardInput = { readonly id: string };

/**
 * Hides a card from the board. Cards are never deleted: check-ins, canvas arrows and other
 * peers' concurrent edits keep pointing at something. Archiving twice is a no-op.
 */
export function archiveCard(doc: Y.Doc, input: ArchiveCardInput, origin: unknown): void {
  const id = recordId(input.id);
  const card = cardOf(readState(doc), id);
  if (card.archived) return;
  writeRecord(doc, origin, { root: 'cards', id: id }, (map) => setField(map, 'archived', true));
}
