import { CARD_H } from './layout.ts';

/*
 * How much a shape shows at a zoom (semantic zoom). Text on screen is never smaller than
 * MIN_TEXT_PX: when the zoom would draw it smaller, a shape shows less, in larger page units,
 * and below that nothing but its colours. Shapes read the level from the camera's zoom, so every
 * shape of the board changes level at the same zoom.
 */

/** The smallest text a person is expected to read on the board, in CSS pixels. */
export const MIN_TEXT_PX = 12;

/** A card's title at full detail, in page units (see cards.css .fdr-card__title). */
export const CARD_TITLE_PX = 14;

/** At and above this zoom every card is drawn as designed: all of its text is at least 11.5 px. */
export const FULL_DETAIL_ZOOM = 1;

/**
 * Title and status only need two lines of MIN_TEXT_PX text and the status line: below this zoom a
 * card is too short on screen for them (about 56 px tall), and shows its colours only.
 */
export const SUMMARY_MIN_ZOOM = (MIN_TEXT_PX * 1.3 * 3 + 8) / CARD_H;

export type DetailLevel = 'full' | 'summary' | 'colours';

export function detailLevel(zoom: number): DetailLevel {
  if (zoom >= FULL_DETAIL_ZOOM - 1e-6) return 'full';
  if (zoom >= SUMMARY_MIN_ZOOM) return 'summary';
  return 'colours';
}

/**
 * The font size, in page units, that draws `screenPx` CSS pixels of text at `zoom`: never below
 * `pagePx`, the size the shape is designed with.
 */
export function pageFontSize(screenPx: number, zoom: number, pagePx: number): number {
  return Math.max(pagePx, screenPx / zoom);
}
