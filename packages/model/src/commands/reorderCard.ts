import type * as Y from 'yjs';
import { cardOf, readState, recordId } from './commandSupport.ts';
import { moveCard } from './moveCard.ts';
import type { Position } from './Position.ts';

export type ReorderCardInput = { readonly id: string; readonly position: Position };

/** Moves a card within its current cell. */
export function reorderCard(doc: Y.Doc, input: ReorderCardInput, origin: unknown): void {
  const card = cardOf(readState(doc), recordId(input.id));
  moveCard(
    doc,
    { id: card.id, domainId: card.domainId, phaseId: card.phaseId, position: input.position },
    origin,
  );
}
