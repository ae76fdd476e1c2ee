import type { BoardLayout } from '../board/layout.ts';

/*
 * How the board picture is cut into printed pages. The board is wider and taller than a page at
 * a readable size, so each page shows a block of lanes across a run of phase columns, with the
 * column headers and the lane labels repeated (as a spreadsheet repeats its title rows), all at
 * one scale: the largest at which every tile fits its page, never below the scale at which the
 * picture's smallest text prints at `minTextPt`.
 */

/** The printable box of a page, in millimetres, and the room the pack's header takes on page 1. */
export interface PrintPage {
  widthMm: number;
  heightMm: number;
  firstPageHeaderMm: number;
}

/** US Letter landscape with 10 mm margins (pack.css's `@page`), less the pack's own header. */
export const LETTER_LANDSCAPE: PrintPage = {
  widthMm: 279.4 - 20,
  // Less a line for each tile's caption.
  heightMm: 215.9 - 20 - 7,
  firstPageHeaderMm: 30,
};

/** Smallest printed text, in points (the meeting pack's legibility floor). */
export const MIN_PRINT_TEXT_PT = 7;
/** Largest printed scale: a small board is not blown up past ordinary document text. */
const MAX_MM_PER_UNIT = 0.3;
const MM_PER_PT = 25.4 / 72;

/** A rectangle of the picture, in its units. */
export interface Span {
  from: number;
  to: number;
}

export interface PrintTile {
  /** Columns shown (x in picture units), after the lane labels. */
  x: Span;
  /** Lanes shown (y in picture units), under the column headers. */
  y: Span;
  /** Phase ids and lane (domain) ids in the tile, for its caption. */
  phaseIds: string[];
  domainIds: string[];
}

export interface PrintPlan {
  tiles: PrintTile[];
  /** Millimetres per picture unit, the same on every page. */
  mmPerUnit: number;
  /** The lane-label strip and the header strip repeated on every tile. */
  labelWidth: number;
  headerHeight: number;
  /** Parts of the picture with no card and no item in them, not printed. */
  leftOut: number;
}

/** A box of the picture, in its units. */
type Box = { x: number; y: number; w: number; h: number };

/** The smallest `font-size` in SVG markup (what the scale must keep legible). */
export function smallestFontSize(markup: string): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (const match of markup.matchAll(/font-size="([\d.]+)"/g)) {
    smallest = Math.min(smallest, Number(match[1]));
  }
  return Number.isFinite(smallest) ? smallest : 12;
}

/** Consecutive runs of items whose sizes add up to at most `budget` (an item too big stands alone). */
function runs<T>(items: readonly T[], size: (item: T) => number, budget: (run: number) => number) {
  const out: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    const s = size(item);
    if (current.length > 0 && total + s > budget(out.length)) {
      out.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += s;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * The lanes in as few pages as the greedy cut needs, but balanced: of the cuts into that many
 * pages that fit each page's budget, the one whose shortest page is the tallest, so the last page
 * is not a sliver of one lane (a lane too tall for any page still stands alone).
 */
function balancedRuns<L extends { h: number }>(
  lanes: readonly L[],
  budget: (run: number) => number,
): L[][] {
  const greedy = runs(lanes, (l) => l.h, budget);
  const pages = greedy.length;
  const n = lanes.length;
  if (pages <= 1) return greedy;
  const prefix = [0];
  for (const lane of lanes) prefix.push(prefix[prefix.length - 1]! + lane.h);
  // best[j][i]: the tallest shortest page over the cuts of the first i lanes into j pages.
  const best = Array.from({ length: pages + 1 }, () =>
    new Array<number>(n + 1).fill(Number.NEGATIVE_INFINITY),
  );
  const cutAt = Array.from({ length: pages + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0]![0] = Number.POSITIVE_INFINITY;
  for (let j = 1; j <= pages; j++) {
    for (let i = j; i <= n; i++) {
      for (let m = j - 1; m < i; m++) {
        const h = prefix[i]! - prefix[m]!;
        if (i - m > 1 && h > budget(j - 1)) continue;
        const shortest = Math.min(best[j - 1]![m]!, h);
        if (shortest > best[j]![i]!) {
          best[j]![i] = shortest;
          cutAt[j]![i] = m;
        }
      }
    }
  }
  if (best[pages]![n] === Number.NEGATIVE_INFINITY) return greedy;
  const out: L[][] = [];
  let i = n;
  for (let j = pages; j > 0; j--) {
    const m = cutAt[j]![i]!;
    out.unshift(lanes.slice(m, i));
    i = m;
  }
  return out;
}

export function planPrintTiles(
  layout: Pick<BoardLayout, 'columns' | 'lanes' | 'width' | 'height'> & {
    /** What the picture holds: a part with none of these is left out. */
    cards?: ReadonlyMap<string, Box>;
    items?: ReadonlyMap<string, Box>;
  },
  smallestFont: number,
  page: PrintPage = LETTER_LANDSCAPE,
): PrintPlan {
  const labelWidth = layout.columns[0]?.x ?? 0;
  const headerHeight = layout.lanes[0]?.y ?? 0;
  // The smallest scale allowed: the smallest text at MIN_PRINT_TEXT_PT.
  const minMmPerUnit = (MIN_PRINT_TEXT_PT * MM_PER_PT) / smallestFont;
  const widest = page.widthMm / minMmPerUnit;
  const columnRuns = runs(
    layout.columns,
    (c) => c.w,
    () => widest - labelWidth,
  );
  const runWidth = (run: typeof layout.columns) => run.reduce((sum, c) => sum + c.w, 0);
  // As large as the widest run allows, within the bounds.
  const fitWidth = page.widthMm / (labelWidth + Math.max(...columnRuns.map(runWidth), 1));
  let mmPerUnit = Math.min(MAX_MM_PER_UNIT, Math.max(minMmPerUnit, fitWidth));
  // The lanes of each page: page 1 has less room (the pack's header is above it).
  const laneBudget = (index: number, scale: number) =>
    (page.heightMm - (index === 0 ? page.firstPageHeaderMm : 0)) / scale - headerHeight;
  let laneRuns = balancedRuns(layout.lanes, (i) => laneBudget(i, mmPerUnit));
  // A lane taller than a page alone: shrink to fit it, but not below the legibility floor.
  const tallest = Math.max(...laneRuns.map((r) => r.reduce((sum, l) => sum + l.h, 0)), 1);
  const fitHeight = (page.heightMm - page.firstPageHeaderMm) / (tallest + headerHeight);
  if (fitHeight < mmPerUnit && laneRuns.some((r) => r.length === 1)) {
    mmPerUnit = Math.max(minMmPerUnit, fitHeight);
    laneRuns = balancedRuns(layout.lanes, (i) => laneBudget(i, mmPerUnit));
  }
  // A lane still taller than a page at the legibility floor is cut across pages (its label and
  // the headers repeat on each), rather than spilling onto a page of its own.
  // What the picture holds: where a cut may fall, and which parts are worth a page.
  const boxes = [...(layout.cards?.values() ?? []), ...(layout.items?.values() ?? [])];
  const ySpans: { y: Span; domainIds: string[] }[] = [];
  laneRuns.forEach((lanes, index) => {
    const from = lanes[0]!.y;
    const to = lanes[lanes.length - 1]!.y + lanes[lanes.length - 1]!.h;
    // Cut into equal parts (not full pages and a sliver): as many as the pages it needs.
    const budget = Math.max(1, laneBudget(ySpans.length === 0 && index === 0 ? 0 : 1, mmPerUnit));
    let parts = Math.ceil((to - from) / budget - 1e-9);
    let at = from;
    while (at < to - 1e-6) {
      // The equal share of what is left, moved to the nearest gap between cards and bars when
      // one is near enough (a card is not printed half on one page, half on the next), as long
      // as this page and the pages left still hold their parts.
      const ideal = parts <= 1 ? to : at + (to - at) / parts;
      const fits = (y: number) => y - at <= budget && to - y <= budget * (parts - 1);
      const gaps = boxes
        .flatMap((b) => [b.y - 1, b.y + b.h + 1])
        .filter(
          (y) =>
            y > at + budget / 4 &&
            y < to &&
            fits(y) &&
            !boxes.some((b) => b.y < y && b.y + b.h > y),
        );
      const nearest = gaps.reduce<number | null>(
        (best, y) => (best === null || Math.abs(y - ideal) < Math.abs(best - ideal) ? y : best),
        null,
      );
      const end = parts <= 1 || nearest === null ? ideal : nearest;
      parts--;
      ySpans.push({
        y: { from: at, to: end },
        domainIds: lanes.filter((l) => l.y < end && l.y + l.h > at).map((l) => l.domainId),
      });
      at = end;
    }
  });
  const tiles: PrintTile[] = [];
  for (const span of ySpans) {
    for (const columns of columnRuns) {
      const first = columns[0]!;
      const last = columns[columns.length - 1]!;
      tiles.push({
        x: { from: first.x, to: last.x + last.w },
        y: span.y,
        phaseIds: columns.map((c) => c.phaseId),
        domainIds: span.domainIds,
      });
    }
  }
  // A page of empty cells (Phase 2 of lanes with nothing planned yet) is paper for nothing: such a
  // part is left out, never the first (its page holds the pack's header), and the caption says so.
  const holds = (tile: PrintTile) =>
    boxes.some(
      (b) =>
        b.x < tile.x.to && b.x + b.w > tile.x.from && b.y < tile.y.to && b.y + b.h > tile.y.from,
    );
  const kept = boxes.length === 0 ? tiles : tiles.filter((tile, i) => i === 0 || holds(tile));
  return {
    tiles: kept,
    mmPerUnit,
    labelWidth,
    headerHeight,
    leftOut: tiles.length - kept.length,
  };
}
