import { atom, type Editor } from 'tldraw';
import { editorRegistry } from './editorRegistry.ts';

/*
 * The dot-vote counts the cards show (votes whose results are visible), per editor, as a tldraw
 * atom like the comment counts: the card shape and its description follow it.
 */

type Counts = Readonly<Record<string, number>>;

const registry = editorRegistry<ReturnType<typeof atom<Counts>>>();

function countsOf(editor: Editor) {
  let found = registry.get(editor);
  if (!found) {
    found = atom<Counts>('vote counts', {});
    registry.set(editor, found);
  }
  return found;
}

export function setCardVoteCounts(editor: Editor, counts: Counts): void {
  countsOf(editor).set(counts);
}

/** A card's visible dot-vote count; null when no vote on it shows results. */
export function cardVoteCount(editor: Editor, cardId: string): number | null {
  return countsOf(editor).get()[`card:${cardId}`] ?? null;
}
