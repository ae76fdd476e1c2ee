import { atom, type Editor } from 'tldraw';
import { editorRegistry } from './editorRegistry.ts';

/*
 * The board's comment counts, per editor, as a tldraw atom: the card shape reads it in its
 * component and in its screen-reader description, both of which follow it when it changes.
 */

type Counts = Readonly<Record<string, number>>;

const registry = editorRegistry<ReturnType<typeof atom<Counts>>>();

function countsOf(editor: Editor) {
  let found = registry.get(editor);
  if (!found) {
    found = atom<Counts>('comment counts', {});
    registry.set(editor, found);
  }
  return found;
}

export function setCardCommentCounts(editor: Editor, counts: Counts): void {
  countsOf(editor).set(counts);
}

/** A card's visible comments (0 while the counts are not known). */
export function cardCommentCount(editor: Editor, cardId: string): number {
  return countsOf(editor).get()[`card:${cardId}`] ?? 0;
}
