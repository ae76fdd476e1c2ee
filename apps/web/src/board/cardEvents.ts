import type { Editor } from 'tldraw';
import type { CardShape } from './cardShape.ts';
import { editorRegistry } from './editorRegistry.ts';

/** What the card shape util tells the board about (through a per-editor registry). */
export interface CardEvents {
  translateStart(shape: CardShape): void;
  translate(current: CardShape): void;
  translateEnd(current: CardShape): void;
  translateCancel(initial: CardShape): void;
  /** The UI language, for texts read outside React (screen-reader descriptions). */
  locale(): 'fr' | 'en';
  /** Where a card stands, in words ("Digital skills · Phase 1"), for its description. */
  placeOf(cardId: string): string;
}

const registry = editorRegistry<CardEvents>();

export function setCardEvents(editor: Editor, events: CardEvents | null): void {
  registry.set(editor, events);
}

export function cardEvents(editor: Editor): CardEvents | undefined {
  return registry.get(editor);
}
