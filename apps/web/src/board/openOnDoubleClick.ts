import type { Editor, TLEventInfo } from 'tldraw';
import { CARD_SHAPE, type CardShape } from './cardShape.ts';

/**
 * Opens a card's panel on a double click, for every role. tldraw's select tool ignores double
 * clicks on shapes when the canvas is read-only (observers, task-team members), so the board
 * listens to the editor's events rather than relying on the shape util, and the card shape util
 * only stops tldraw from turning the double click into a new text box. Returns the unsubscribe.
 */
export function openOnDoubleClick(editor: Editor, open: (cardId: string) => void): () => void {
  const listener = (info: TLEventInfo) => {
    if (info.type !== 'click' || info.name !== 'double_click' || info.phase !== 'down') return;
    if (info.shiftKey || info.ctrlKey || info.metaKey) return;
    const card = cardAt(editor);
    if (card) open(card.props.cardId);
  };
  editor.on('event', listener);
  return () => editor.off('event', listener);
}

function cardAt(editor: Editor): CardShape | null {
  const point = editor.inputs.getCurrentPagePoint();
  const hit = editor.getShapeAtPoint(point, { hitInside: true, filter: isCard });
  return hit && isCard(hit) ? hit : null;
}

function isCard(shape: { type: string }): shape is CardShape {
  return shape.type === CARD_SHAPE;
}
