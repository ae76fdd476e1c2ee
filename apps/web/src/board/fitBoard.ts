import type { Editor } from 'tldraw';
import type { BoardLayout } from './layout.ts';

/**
 * Below this zoom a card is a few pixels tall and the sticky lane labels cover the grid: fitting a
 * crowded board whole (300 cards: under 6%) shows nothing. The 2016 template fits at about 28%.
 */
export const MIN_FIT_ZOOM = 0.25;

/**
 * The opening view: the whole board, centred, its bottom clear of tldraw's toolbar; or, when that
 * would zoom out past MIN_FIT_ZOOM, the board from its top at that zoom (centred if it fits
 * across, from its left edge if not), to be scrolled like a document.
 */
export function fitBoard(editor: Editor, layout: BoardLayout): void {
  const screen = editor.getViewportScreenBounds();
  editor.setCamera(fitCamera(screen, layout));
}

/** The camera of `fitBoard` for a viewport of `screen` size (pure, for tests). */
export function fitCamera(
  screen: { w: number; h: number },
  layout: Pick<BoardLayout, 'width' | 'height'>,
): { x: number; y: number; z: number } {
  const side = 24;
  const top = 24;
  const bottom = 96;
  const whole = Math.min(
    1,
    (screen.w - 2 * side) / layout.width,
    (screen.h - top - bottom) / layout.height,
  );
  const z = Math.max(whole, Math.min(1, MIN_FIT_ZOOM));
  const across = layout.width * z <= screen.w - 2 * side;
  return { x: across ? (screen.w / z - layout.width) / 2 : side / z, y: top / z, z };
}
