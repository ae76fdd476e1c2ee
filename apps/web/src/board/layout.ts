import {
  compareByOrder,
  type Localized,
  type Position,
  type Roadmap,
  type RoadmapCard,
} from '@fdr/model';

/*
 * The board's geometry, in tldraw page units, computed from the model alone: lanes (domains of
 * interest) are rows, phases are columns, and the cards of a cell flow left to right, top to bottom
 * in their fractional-index order. Nothing here is stored: every peer computes the same layout
 * from the same roadmap.
 *
 *   x: 0 .. LABEL_W          lane labels
 *   y: 0 .. HEADER_H         column headers
 *   cells start at (LABEL_W, HEADER_H)
 */

export const CARD_W = 232;
export const CARD_H = 136;
export const GAP = 16;
export const PAD = 16;
export const LABEL_W = 420;
export const HEADER_H = 150;

export interface PeriodColumn {
  id: string;
  label: Localized;
  start: string;
  end: string;
  x: number;
  w: number;
}

export interface ColumnLayout {
  phaseId: string;
  label: Localized;
  start: string;
  end: string | null;
  x: number;
  w: number;
  /** Cards per row in this column's cells. */
  cols: number;
  /** The phase's periods, as equal slices of the header (a timeline, not sub-cells). */
  periods: PeriodColumn[];
}

export interface LaneLayout {
  domainId: string;
  label: Localized;
  colour: string;
  y: number;
  h: number;
}

export interface CardPlacement {
  cardId: string;
  domainId: string;
  phaseId: string;
  /** Position among the visible cards of its cell. */
  index: number;
  x: number;
  y: number;
}

export interface BoardLayout {
  columns: ColumnLayout[];
  lanes: LaneLayout[];
  /** Visible (non-archived) cards. */
  cards: Map<string, CardPlacement>;
  /** Card ids of each cell in order; key `domainId/phaseId`. */
  cells: Map<string, string[]>;
  width: number;
  height: number;
}

export const cellKey = (domainId: string, phaseId: string): string => `${domainId}/${phaseId}`;

const span = (cols: number, size: number): number => cols * size + (cols - 1) * GAP;

export function computeLayout(roadmap: Roadmap): BoardLayout {
  const columns: ColumnLayout[] = [];
  let x = LABEL_W;
  for (const phase of roadmap.phases) {
    // A phase split into periods gets one card per period across; an open phase two.
    const cols = Math.max(2, phase.periods.length);
    const w = PAD * 2 + span(cols, CARD_W);
    const sliceW = phase.periods.length > 0 ? w / phase.periods.length : 0;
    columns.push({
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
    });
    x += w;
  }

  const byCell = new Map<string, RoadmapCard[]>();
  for (const card of roadmap.cards) {
    if (card.archived) continue;
    const key = cellKey(card.domainId, card.phaseId);
    const list = byCell.get(key);
    if (list) list.push(card);
    else byCell.set(key, [card]);
  }
  // Fractional index, ties by id: the order every peer computes.
  const cells = new Map<string, string[]>();
  for (const [key, list] of byCell)
    cells.set(
      key,
      list.sort(compareByOrder).map((c) => c.id),
    );

  const lanes: LaneLayout[] = [];
  const cards = new Map<string, CardPlacement>();
  let y = HEADER_H;
  for (const domain of roadmap.domains) {
    let rows = 1;
    for (const column of columns) {
      const count = cells.get(cellKey(domain.id, column.phaseId))?.length ?? 0;
      rows = Math.max(rows, Math.ceil(count / column.cols));
    }
    const h = PAD * 2 + span(rows, CARD_H);
    for (const column of columns) {
      const ids = cells.get(cellKey(domain.id, column.phaseId)) ?? [];
      ids.forEach((cardId, index) => {
        cards.set(cardId, {
          cardId,
          domainId: domain.id,
          phaseId: column.phaseId,
          index,
          x: column.x + PAD + (index % column.cols) * (CARD_W + GAP),
          y: y + PAD + Math.floor(index / column.cols) * (CARD_H + GAP),
        });
      });
    }
    lanes.push({ domainId: domain.id, label: domain.label, colour: domain.colour, y, h });
    y += h;
  }
  return { columns, lanes, cards, cells, width: x, height: y };
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
  const col = clamp(
    Math.floor((center.x - column.x - PAD + GAP / 2) / (CARD_W + GAP)),
    0,
    column.cols - 1,
  );
  const row = Math.max(0, Math.floor((center.y - lane.y - PAD + GAP / 2) / (CARD_H + GAP)));
  const others = (layout.cells.get(cellKey(cell.domainId, cell.phaseId)) ?? []).filter(
    (id) => id !== cardId,
  );
  const index = Math.min(row * column.cols + col, others.length);
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
