import type { Roadmap } from '@fdr/model';
import { type BoardLayout, computeLayout } from '../board/layout.ts';

/** A roadmap item's bar in the picture, in page units. */
export interface ItemBar {
  itemId: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The geometry a picture draws: the board's layout and its items' bars. */
export interface PictureLayout {
  layout: BoardLayout;
  items: ReadonlyMap<string, ItemBar>;
}

/**
 * The picture's geometry: the board's own layout, whose lanes hold their roadmap items' bars
 * above their cards, so the meeting pack, the exports and the canvas draw the same board.
 */
export function pictureLayout(roadmap: Roadmap): PictureLayout {
  const layout = computeLayout(roadmap);
  return { layout, items: layout.items };
}
