import type { Editor } from 'tldraw';
import type { BoardLayout } from './layout.ts';

/** Shows the whole board, centred, its bottom clear of tldraw's toolbar. */
export function fitBoard(editor: Editor, layout: BoardLayout): void {
  const screen = editor.getViewportScreenBounds();
  const top = 24;
  const bottom = 96;
  const z = Math.min(1, (screen.w - 48) / layout.width, (screen.h - top - bottom) / layout.height);
  editor.setCamera({ x: (screen.w / z - layout.width) / 2, y: top / z, z });
}
