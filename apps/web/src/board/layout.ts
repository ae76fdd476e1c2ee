import {
  compareByOrder,
  type ItemRecord,
  type Localized,
  type Position,
  type Roadmap,
  type RoadmapCard,
} from '@fdr/model';

/*
 * The board's geometry, in tldraw page units, computed from the model alone: lanes (domains of
 * interest) are rows, phases are columns, and a phase split into periods is a timeline: its
 * periods are equal columns that task-team cards and roadmap items share. Nothing here is
 * stored: every peer computes the same layout from the same roadmap.
 *
 *   x: 0 .. LABEL_W          lane labels
 *   y: 0 .. HEADER_H         column headers
 *   cells start at (LABEL_W, HEADER_H)
 *
 * A lane is a band of roadmap items (bars from their first period's column to their last's)
 * above its cards. In a phase with periods a card stands in the columns of the periods it covers
 * ("the whole phase": all of them); cards and bars are packed into rows first-fit, as a Gantt
 * chart packs its lanes, so two of them never overlap and each keeps its full height. A phase
 * without periods has no time inside it: its cards flow left to right in their order.
 */

export const CARD_W = 232;
export const CARD_H = 136;
/**
 * A card spanning two periods or more is a strip: as wide as its periods and one line high
 * (role, title, status side by side), as a Gantt chart draws a task. The whole phase's teams of
 * a lane then stack as short strips instead of full-height cards each alone on its row.
 */
export const STRIP_H = 64;
export const GAP = 16;
export const PAD = 16;
export const LABEL_W = 420;
export const HEADER_H = 150;
/** A roadmap item's bar: room for two lines of label beside its badges. */
export const ITEM_H = 48;
export const ITEM_GAP = 8;
/** Space between the sides of a period column and a card or bar standing in it. */
const INSET = 6;

export interface PeriodColumn {
  id: string;
  label: Localized;
  start: string;
  end: string;
  x: number;
  w: number;
}

/** A period column on the board's whole timeline. */
export interface TimelinePeriod extends PeriodColumn {
  phaseId: string;
  /** Position among all the board's periods, in board order. */
  index: number;
}

export interface ColumnLayout {
  phaseId: string;
  label: Localized;
  start: string;
  end: string | null;
  x: number;
  w: number;
  /** Cards per row in this column's cells when the phase has no periods. */
  cols: number;
  /** The phase's periods: equal columns, shared by the cards and the items of every lane. */
  periods: PeriodColumn[];
}

export interface LaneLayout {
  domainId: string;
  label: Localized;
  colour: string;
  y: number;
  h: number;
  /** The band of roadmap items (0 high when the lane has none). */
  itemsY: number;
  itemsH: number;
  /** Where its cards' rows start. */
  cardsY: number;
}

export interface CardPlacement {
  cardId: string;
  domainId: string;
  phaseId: string;
  /** Position among the visible cards of its cell. */
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ItemPlacement {
  itemId: string;
  domainId: string;
  /** Indexes in `BoardLayout.periods` of its first and last period. */
  start: number;
  end: number;
  row: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BoardLayout {
  columns: ColumnLayout[];
  lanes: LaneLayout[];
  /** Every period of the board, in board order: the timeline's columns. */
  periods: TimelinePeriod[];
  /** Visible (non-archived) cards. */
  cards: Map<string, CardPlacement>;
  /** Card ids of each cell in order; key `domainId/phaseId`. */
  cells: Map<string, string[]>;
  items: Map<string, ItemPlacement>;
  width: number;
  height: number;
}

export const cellKey = (domainId: string, phaseId: string): string => `${domainId}/${phaseId}`;

const span = (cols: number, size: number): number => cols * size + (cols - 1) * GAP;

/**
 * First-fit row packing of inclusive column ranges, in the order given: each range takes the
 * first row where it overlaps nothing. Returns each range's row and the number of rows.
 */
export function packRows(ranges: readonly { start: number; end: number }[]): {
  rows: number[];
  count: number;
} {
  const taken: { start: number; end: number }[][] = [];
  const rows = ranges.map((range) => {
    let row = taken.findIndex((list) =>
      list.every((other) => other.end < range.start || range.end < other.start),
    );
    if (row < 0) row = taken.push([]) - 1;
    taken[row]!.push(range);
    return row;
  });
  return { rows, count: taken.length };
}

/** The box from the left of period column `a` to the right of `b`, inset on both sides. */
function across(periods: readonly PeriodColumn[], a: number, b: number) {
  const first = periods[a]!;
  const last = periods[b]!;
  return { x: first.x + INSET, w: last.x + last.w - first.x - 2 * INSET };
}

export function computeLayout(roadmap: Roadmap): BoardLayout {
  const columns: ColumnLayout[] = [];
  const periods: TimelinePeriod[] = [];
  let x = LABEL_W;
  for (const phase of roadmap.phases) {
    // A period is one card wide; a phase without periods holds two cards across.
    const cols = Math.max(2, phase.periods.length);
    const w = PAD * 2 + span(cols, CARD_W);
    const sliceW = phase.periods.length > 0 ? w / phase.periods.length : 0;
    const column: ColumnLayout = {
      phaseId: phase.id,
      label: phase.label,
      start: phase.start,
      end: phase.end,
      x,
      w,
      cols,
      periods: phase.periods.map((period, index) => ({
        id: period.id,
        label: period.label,
        start: period.start,
        end: period.end,
        x: x + index * sliceW,
        w: sliceW,
      })),
    };
    columns.push(column);
    for (const period of column.periods) {
      periods.push({ ...period, phaseId: phase.id, index: periods.length });
    }
    x += w;
  }
  const periodIndex = new Map(periods.map((p) => [p.id, p.index]));

  const byCell = new Map<string, RoadmapCard[]>();
  for (const card of roadmap.cards) {
    if (card.archived) continue;
    const key = cellKey(card.domainId, card.phaseId);
    const list = byCell.get(key);
    if (list) list.push(card);
    else byCell.set(key, [card]);
  }
  // Fractional index, ties by id: the order every peer computes.
  for (const list of byCell.values()) list.sort(compareByOrder);
  const cells = new Map<string, string[]>();
  for (const [key, list] of byCell)
    cells.set(
      key,
      list.map((c) => c.id),
    );

  const itemsByLane = new Map<string, ItemRecord[]>();
  for (const item of roadmap.items) {
    const list = itemsByLane.get(item.domainId);
    if (list) list.push(item);
    else itemsByLane.set(item.domainId, [item]);
  }

  const lanes: LaneLayout[] = [];
  const cards = new Map<string, CardPlacement>();
  const items = new Map<string, ItemPlacement>();
  let y = HEADER_H;
  for (const domain of roadmap.domains) {
    // The items band: bars packed by their first period, then their order.
    const laneItems = (itemsByLane.get(domain.id) ?? [])
      .map((item) => ({
        item,
        start: periodIndex.get(item.startPeriodId) ?? 0,
        end: periodIndex.get(item.endPeriodId) ?? 0,
      }))
      .sort((a, b) => a.start - b.start || compareByOrder(a.item, b.item));
    const packedItems = packRows(laneItems);
    const itemsY = y + PAD;
    const itemsH = packedItems.count === 0 ? 0 : packedItems.count * (ITEM_H + ITEM_GAP) - ITEM_GAP;
    laneItems.forEach(({ item, start, end }, i) => {
      const row = packedItems.rows[i] ?? 0;
      items.set(item.id, {
        itemId: item.id,
        domainId: domain.id,
        start,
        end,
        row,
        ...across(periods, start, end),
        y: itemsY + row * (ITEM_H + ITEM_GAP),
        h: ITEM_H,
      });
    });

    const cardsY = itemsY + (itemsH === 0 ? 0 : itemsH + GAP);
    // An empty lane keeps a card's height: room to drop one.
    let cardsH = CARD_H;
    for (const column of columns) {
      const list = byCell.get(cellKey(domain.id, column.phaseId)) ?? [];
      const placed = placeCards(column, list);
      cardsH = Math.max(cardsH, placed.height);
      list.forEach((card, index) => {
        const at = placed.boxes[index]!;
        cards.set(card.id, {
          cardId: card.id,
          domainId: domain.id,
          phaseId: column.phaseId,
          index,
          x: at.x,
          y: cardsY + at.y,
          w: at.w,
          h: at.h,
        });
      });
    }
    const h = cardsY - y + cardsH + PAD;
    lanes.push({
      domainId: domain.id,
      label: domain.label,
      colour: domain.colour,
      y,
      h,
      itemsY,
      itemsH,
      cardsY,
    });
    y += h;
  }
  return { columns, lanes, periods, cards, cells, items, width: x, height: y };
}

/**
 * The cards of one cell: in their periods' columns when the phase has periods (a card of one
 * period full height, a wider one a strip), else a grid. `y` is from the lane's first card row;
 * a row is as high as its highest card.
 */
function placeCards(
  column: ColumnLayout,
  list: readonly RoadmapCard[],
): { boxes: { x: number; y: number; w: number; h: number }[]; height: number } {
  const n = column.periods.length;
  if (n === 0) {
    const rows = Math.ceil(list.length / column.cols);
    return {
      boxes: list.map((_, index) => ({
        x: column.x + PAD + (index % column.cols) * (CARD_W + GAP),
        y: Math.floor(index / column.cols) * (CARD_H + GAP),
        w: CARD_W,
        h: CARD_H,
      })),
      height: rows === 0 ? 0 : span(rows, CARD_H),
    };
  }
  const ranges = list.map((card) => cardRange(column, card));
  const packed = packRows(ranges);
  const heights = ranges.map((range) => (range.end > range.start ? STRIP_H : CARD_H));
  const rowH = new Array<number>(packed.count).fill(0);
  ranges.forEach((_, i) => {
    const row = packed.rows[i] ?? 0;
    rowH[row] = Math.max(rowH[row]!, heights[i]!);
  });
  const rowY: number[] = [];
  let at = 0;
  for (const h of rowH) {
    rowY.push(at);
    at += h + GAP;
  }
  return {
    boxes: ranges.map((range, i) => ({
      ...across(column.periods, range.start, range.end),
      y: rowY[packed.rows[i] ?? 0] ?? 0,
      h: heights[i]!,
    })),
    height: packed.count === 0 ? 0 : at - GAP,
  };
}

/**
 * The columns a card covers: from its first period to its last ("the whole phase" when it names
 * none). A card of Periods 1 and 3 spans 1 to 3: a card is one box, and its panel says which.
 */
function cardRange(column: ColumnLayout, card: RoadmapCard): { start: number; end: number } {
  const indexes = card.periodIds
    .map((id) => column.periods.findIndex((p) => p.id === id))
    .filter((i) => i >= 0);
  if (indexes.length === 0) return { start: 0, end: column.periods.length - 1 };
  return { start: Math.min(...indexes), end: Math.max(...indexes) };
}

/** The cell under a page point, or null outside the grid (labels and headers included). */
export function cellAt(
  layout: BoardLayout,
  point: { x: number; y: number },
): { domainId: string; phaseId: string } | null {
  const lane = layout.lanes.find((l) => point.y >= l.y && point.y < l.y + l.h);
  const column = layout.columns.find((c) => point.x >= c.x && point.x < c.x + c.w);
  return lane && column ? { domainId: lane.domainId, phaseId: column.phaseId } : null;
}

export interface DropTarget {
  domainId: string;
  phaseId: string;
  /** Index among the cell's other visible cards. */
  index: number;
  /** The model position, by neighbour id (robust to concurrent inserts). */
  position: Position;
  /** True when the card would end where it already is. */
  unchanged: boolean;
}

/**
 * Where a card dropped with its centre at `center` goes: the cell under the point, and the slot of
 * the cell's grid under it. The slot becomes the card's index among the other cards, so the card
 * lands where it was dropped; past the last card it goes last.
 */
export function dropTarget(
  layout: BoardLayout,
  cardId: string,
  center: { x: number; y: number },
): DropTarget | null {
  const cell = cellAt(layout, center);
  if (!cell) return null;
  const lane = layout.lanes.find((l) => l.domainId === cell.domainId)!;
  const column = layout.columns.find((c) => c.phaseId === cell.phaseId)!;
  const others = (layout.cells.get(cellKey(cell.domainId, cell.phaseId)) ?? []).filter(
    (id) => id !== cardId,
  );
  let index: number;
  if (column.periods.length === 0) {
    const row = Math.max(0, Math.floor((center.y - lane.cardsY + GAP / 2) / (CARD_H + GAP)));
    const col = clamp(
      Math.floor((center.x - column.x - PAD + GAP / 2) / (CARD_W + GAP)),
      0,
      column.cols - 1,
    );
    index = Math.min(row * column.cols + col, others.length);
  } else {
    // Cards stand in their periods' columns, in rows of varying height: the drop goes after
    // every card of the rows above the pointer, after those of its row to its left, and after
    // the card it is over when it is over that card's lower half.
    index = others.filter((id) => {
      const place = layout.cards.get(id);
      if (!place) return false;
      const sameRow = center.y >= place.y - GAP / 2 && center.y < place.y + place.h + GAP / 2;
      if (!sameRow) return place.y < center.y;
      if (center.x >= place.x && center.x < place.x + place.w) {
        return center.y > place.y + place.h / 2;
      }
      return place.x + place.w / 2 < center.x;
    }).length;
  }
  const current = layout.cards.get(cardId);
  const unchanged =
    current !== undefined &&
    current.domainId === cell.domainId &&
    current.phaseId === cell.phaseId &&
    current.index === index;
  const before = others[index];
  const last = others[others.length - 1];
  const position: Position =
    before !== undefined ? { before } : last !== undefined ? { after: last } : {};
  return { ...cell, index, position, unchanged };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The period column whose span holds page x, or the nearest one at either end of the timeline. */
export function periodIndexAt(layout: BoardLayout, x: number): number {
  const { periods } = layout;
  if (periods.length === 0) return -1;
  const inside = periods.findIndex((p) => x >= p.x && x < p.x + p.w);
  if (inside >= 0) return inside;
  // Between phases (a phase without periods) or past the ends: the nearest column.
  let best = 0;
  let distance = Number.POSITIVE_INFINITY;
  for (const p of periods) {
    const d = Math.min(Math.abs(x - p.x), Math.abs(x - (p.x + p.w)));
    if (d < distance) {
      distance = d;
      best = p.index;
    }
  }
  return best;
}

export type ItemGesture = 'move' | 'start' | 'end';

export interface ItemTarget {
  domainId: string;
  startPeriodId: string;
  endPeriodId: string;
  /** True when the item would end where it already is. */
  unchanged: boolean;
}

/**
 * Where a roadmap item's bar lands when dropped as the box `box` (page units): moved, it keeps its
 * number of periods and starts in the column under its left part, in the lane under its middle;
 * stretched by one end, that end snaps to the column under it and the other stays.
 */
export function itemTarget(
  layout: BoardLayout,
  itemId: string,
  box: { x: number; y: number; w: number; h: number },
  gesture: ItemGesture,
): ItemTarget | null {
  const current = layout.items.get(itemId);
  const count = layout.periods.length;
  if (!current || count === 0) return null;
  let { start, end } = current;
  let domainId = current.domainId;
  if (gesture === 'move') {
    const middle = box.y + box.h / 2;
    const lane = layout.lanes.find((l) => middle >= l.y && middle < l.y + l.h);
    if (!lane) return null;
    domainId = lane.domainId;
    const length = end - start;
    // The column under the middle of the bar's first period's width: half a column of slack.
    const first = layout.periods[start]!;
    start = clamp(periodIndexAt(layout, box.x + first.w / 2), 0, count - 1 - length);
    end = start + length;
  } else if (gesture === 'start') {
    // An end snaps to the nearest boundary between columns.
    const i = periodIndexAt(layout, box.x);
    const p = layout.periods[i]!;
    start = clamp(box.x > p.x + p.w / 2 ? i + 1 : i, 0, end);
  } else {
    const right = box.x + box.w;
    const i = periodIndexAt(layout, right);
    const p = layout.periods[i]!;
    end = clamp(right < p.x + p.w / 2 ? i - 1 : i, start, count - 1);
  }
  return {
    domainId,
    startPeriodId: layout.periods[start]!.id,
    endPeriodId: layout.periods[end]!.id,
    unchanged: domainId === current.domainId && start === current.start && end === current.end,
  };
}

/** The box a bar from period `start` to period `end` takes (its row is the caller's). */
export function itemSpanBox(layout: BoardLayout, start: number, end: number) {
  return across(layout.periods, start, end);
}
