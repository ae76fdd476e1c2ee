import type { Roadmap } from '@fdr/model';
import { type BoardLayout, computeLayout, PAD } from '../board/layout.ts';
import { itemRows } from '../items/itemRows.ts';
import { NO_FILTERS } from '../table/tableRows.ts';

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

const BAR_H = 48;
const BAR_GAP = 8;
const INSET = 6;

/**
 * The picture's geometry when the board's layout has no item bars: each lane gains a band of
 * bars above its cards, from the first period's column to the last's, packed first-fit into rows
 * so that none overlap (a Gantt chart's packing), and everything below moves down. Used by the
 * meeting pack, which draws the board without the canvas; the canvas's export draws the canvas's
 * own geometry.
 */
export function pictureLayout(roadmap: Roadmap): PictureLayout {
  const base = computeLayout(roadmap);
  const periods = base.columns.flatMap((column) => column.periods);
  const rowsOfLane = new Map<string, ItemBar[][]>();
  // Board order (first period, last period): the first-fit packing is then the classic one.
  for (const row of itemRows(roadmap, NO_FILTERS, 'en')) {
    const first = periods[row.start.index];
    const last = periods[row.end.index];
    if (!first || !last) continue;
    const bar = {
      itemId: row.item.id,
      x: first.x + INSET,
      y: 0,
      w: last.x + last.w - first.x - 2 * INSET,
      h: BAR_H,
    };
    const rows = rowsOfLane.get(row.domain.id) ?? [];
    const free = rows.find((list) => list.every((b) => b.x + b.w + INSET <= bar.x));
    if (free) free.push(bar);
    else rows.push([bar]);
    rowsOfLane.set(row.domain.id, rows);
  }
  const items = new Map<string, ItemBar>();
  const cards = new Map(base.cards);
  let shift = 0;
  const lanes = base.lanes.map((lane) => {
    const rows = rowsOfLane.get(lane.domainId) ?? [];
    const band = rows.length === 0 ? 0 : PAD + rows.length * (BAR_H + BAR_GAP) - BAR_GAP;
    const y = lane.y + shift;
    rows.forEach((list, index) => {
      for (const bar of list)
        items.set(bar.itemId, { ...bar, y: y + PAD + index * (BAR_H + BAR_GAP) });
    });
    for (const [id, card] of base.cards) {
      if (card.domainId === lane.domainId) cards.set(id, { ...card, y: card.y + shift + band });
    }
    shift += band;
    return { ...lane, y, h: lane.h + band };
  });
  return { layout: { ...base, lanes, cards, height: base.height + shift }, items };
}
