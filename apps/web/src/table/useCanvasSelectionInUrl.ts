import { useEffect } from 'react';
import { type Editor, useValue } from 'tldraw';
import { cardIdOfShape } from '../board/cardShape.ts';
import { selectedCardInUrl, setSelectedCardInUrl } from './selectionInUrl.ts';

/**
 * Keeps the canvas's selected card and the address's `?card=` together: a card named in the
 * address is selected and brought into view when the canvas opens (coming from the table), and
 * selecting a card writes it there (for the table and the meeting pack). Deselecting keeps the
 * last card, so a click on empty canvas before switching does not lose it.
 */
export function useCanvasSelectionInUrl(
  editor: Editor | null,
  reveal: (cardId: string) => void,
): void {
  // Only when the canvas opens; `reveal` may be a new function at each render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per editor
  useEffect(() => {
    if (!editor) return;
    const cardId = selectedCardInUrl();
    if (cardId) reveal(cardId);
  }, [editor]);
  const selected = useValue('selected card', () => {
    const shape = editor?.getOnlySelectedShape();
    return shape ? cardIdOfShape(shape.id) : null;
  }, [editor]);
  useEffect(() => {
    if (editor && selected) setSelectedCardInUrl(selected);
  }, [editor, selected]);
}
