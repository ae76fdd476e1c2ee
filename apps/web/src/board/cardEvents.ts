import type { Editor } from 'tldraw';
import type { CardShape } from './cardShape.ts';

/**
 * What the card shape util tells the board about. Shape utils are constructed by tldraw and must be
 * stable across renders, so they reach the board's binding through this per-editor registry
 * instead of through constructor arguments.
 */
export interface CardEvents {
  translateStart(shape: CardShape): void;
  translate(current: CardShape): void;
  translateEnd(current: CardShape): void;
  translateCancel(initial: CardShape): void;
  /** The UI language, for texts read outside React (screen-reader descriptions). */
  locale(): 'fr' | 'en';
}

const registry = new WeakMap<Editor, CardEvents>();

export function setCardEvents(editor: Editor, events: CardEvents | null): void {
  if (events) registry.set(editor, events);
  else registry.delete(editor);
}

export function cardEvents(editor: Editor): CardEvents | undefined {
  return registry.get(editor);
}
