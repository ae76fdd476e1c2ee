import type * as Y from 'yjs';
import { docRoots, KIND, notFound, readState, recordId, write } from './commandSupport.ts';

export type RemoveItemInput = { readonly id: string };

/**
 * Deletes a roadmap item. Unlike cards, nothing refers to items, so they are really deleted; a
 * concurrent edit of the deleted item is lost with it.
 */
export function removeItem(doc: Y.Doc, input: RemoveItemInput, origin: unknown): void {
  readState(doc);
  const id = recordId(input.id);
  const { items } = docRoots(doc);
  if (!items.has(id)) notFound(KIND.item, id);
  write(doc, origin, () => items.delete(id));
}
