import { setTimeout as sleep } from 'node:timers/promises';
import { toJSON } from '@fdr/model';
import type { Page } from 'playwright-core';
import { connectEditor } from '../connectEditor.ts';
import type { ProbeHost } from './pageProbes.ts';
import { percentile } from './summarize.ts';

export interface Cell {
  domainId: string;
  phaseId: string;
}

/** A drag of one card through cells, as the harness plays it. */
export interface DragPlan {
  cardId: string;
  /** Cells the pointer crosses (their centres), in order, before the target. */
  via: Cell[];
  to: Cell;
  /** Wall time of the gesture, from button down to button up. */
  durationMs: number;
  /** Pointer moves over that time. */
  steps: number;
}

/** Frame times of one drag, from the page's own rAF timestamps and long-task entries. */
export interface DragFrames {
  /** The card's size on the screen at the start: how far the default view is zoomed out. */
  cardOnScreenPx: { width: number; height: number };
  /** Button down to the last move before the release, on the page's clock. */
  windowMs: number;
  pointerMoves: number;
  frames: number;
  /** Interval between consecutive frames. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Intervals over 33 ms (under 30 frames per second). */
  over33ms: number;
  longTasks: number;
  longTaskMs: number;
  /**
   * The drop, apart: the longest frame interval in the half second after the release (the move
   * becomes one model transaction, the board is laid out again and the card lands in its slot).
   */
  dropMaxMs: number;
  /** The drop's cell, read from the screen (card centre against the sticky headers). */
  cellOnScreen: Cell | null;
  /** The card's cell in the model, read by a separate sync client from the server. */
  cellInModel: Cell | null;
  moved: boolean;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Runs in the page: screen rectangles of the lane and column headers, and of the card. */
function readGeometry(cardId: string): {
  card: Rect | null;
  lanes: Record<string, Rect>;
  columns: Record<string, Rect>;
} {
  type El = { getBoundingClientRect(): Rect; dataset: Record<string, string | undefined> };
  const doc = (
    globalThis as unknown as {
      document: {
        querySelector(s: string): El | null;
        querySelectorAll(s: string): ArrayLike<El>;
      };
    }
  ).document;
  const rect = (el: El): Rect => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const card = doc.querySelector(`[data-testid="fdr-card"][data-card-id="${cardId}"]`);
  const lanes: Record<string, Rect> = {};
  const columns: Record<string, Rect> = {};
  for (const el of Array.from(doc.querySelectorAll('.fdr-headers [data-domain-id]'))) {
    lanes[el.dataset.domainId!] = rect(el);
  }
  for (const el of Array.from(doc.querySelectorAll('.fdr-headers [data-phase-id]'))) {
    columns[el.dataset.phaseId!] = rect(el);
  }
  return { card: card ? rect(card) : null, lanes, columns };
}

type Geometry = ReturnType<typeof readGeometry>;

function cellRects(geometry: Geometry, cell: Cell): { lane: Rect; column: Rect } {
  const lane = geometry.lanes[cell.domainId];
  const column = geometry.columns[cell.phaseId];
  if (!lane || !column) throw new Error(`no header for ${cell.domainId} / ${cell.phaseId}`);
  return { lane, column };
}

function cellOf(geometry: Geometry): Cell | null {
  if (!geometry.card) return null;
  const cx = geometry.card.x + geometry.card.width / 2;
  const cy = geometry.card.y + geometry.card.height / 2;
  const domainId = Object.entries(geometry.lanes).find(
    ([, r]) => cy >= r.y && cy < r.y + r.height,
  )?.[0];
  const phaseId = Object.entries(geometry.columns).find(
    ([, r]) => cx >= r.x && cx < r.x + r.width,
  )?.[0];
  return domainId && phaseId ? { domainId, phaseId } : null;
}

const sameCell = (a: Cell | null, b: Cell) =>
  a?.domainId === b.domainId && a?.phaseId === b.phaseId;

/**
 * Points every `1 / steps` of the polyline's length: the pointer's path at an even speed.
 */
function along(points: { x: number; y: number }[], steps: number): { x: number; y: number }[] {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  const total = lengths.reduce((a, b) => a + b, 0);
  const out: { x: number; y: number }[] = [];
  for (let s = 1; s <= steps; s++) {
    let d = (total * s) / steps;
    let i = 0;
    while (i < lengths.length - 1 && d > lengths[i]!) d -= lengths[i++]!;
    const t = lengths[i]! === 0 ? 1 : Math.min(1, d / lengths[i]!);
    out.push({
      x: points[i]!.x + (points[i + 1]!.x - points[i]!.x) * t,
      y: points[i]!.y + (points[i + 1]!.y - points[i]!.y) * t,
    });
  }
  return out;
}

/**
 * Drags a card with the mouse in small, evenly paced steps through several cells and drops it
 * in the target cell (near its left, like the e2e suite's drags), while the page's probes record
 * every frame. Then checks that the drop did move the card, on the screen and in the model as
 * the server holds it, so that a drag that moved nothing cannot pass for a smooth one.
 */
export async function measureDrag(
  page: Page,
  plan: DragPlan,
  sync: { url: string; cookie: string; boardId: string },
): Promise<DragFrames> {
  // A background tab gets throttled frames.
  await page.bringToFront();
  const start = await page.evaluate(readGeometry, plan.cardId);
  if (!start.card) throw new Error(`card ${plan.cardId} is not on the canvas`);
  const from = { x: start.card.x + start.card.width / 2, y: start.card.y + start.card.height / 2 };
  const centre = (cell: Cell) => {
    const { lane, column } = cellRects(start, cell);
    return { x: column.x + column.width / 2, y: lane.y + lane.height / 2 };
  };
  const target = cellRects(start, plan.to);
  const end = {
    x: target.column.x + Math.min(target.column.width / 4, start.card.width / 2 + 8),
    y: target.lane.y + Math.min(target.lane.height / 2, start.card.height / 2 + 8),
  };
  const path = along([from, ...plan.via.map(centre), end], plan.steps);

  await page.mouse.move(from.x, from.y);
  const windowStart = await page.evaluate(() =>
    (globalThis as unknown as ProbeHost).performance.now(),
  );
  await page.mouse.down();
  const began = performance.now();
  for (const [i, point] of path.entries()) {
    await page.mouse.move(point.x, point.y);
    // Paced on the wall clock: a slow round trip shortens the next wait, not the gesture.
    const due = began + ((i + 1) * plan.durationMs) / plan.steps;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
  }
  const windowEnd = await page.evaluate(() =>
    (globalThis as unknown as ProbeHost).performance.now(),
  );
  await page.mouse.up();
  await sleep(500);

  const framesBetween = (from: number, to: number) =>
    page.evaluate(
      ([from, to]) => {
        const probes = (globalThis as unknown as ProbeHost).__fdrBench!;
        return {
          frames: probes.frames.filter((t) => t >= from && t <= to),
          longTasks: probes.longTasks.filter((task) => task.start >= from && task.start < to),
        };
      },
      [from, to] as const,
    );
  const gaps = (frames: number[]) => frames.slice(1).map((t, i) => t - frames[i]!);
  const recorded = await framesBetween(windowStart, windowEnd);
  const intervals = gaps(recorded.frames);
  // From the last frame of the gesture, so the first interval after the release counts.
  const drop = gaps(
    (await framesBetween(recorded.frames.at(-1) ?? windowEnd, windowEnd + 500)).frames,
  );

  // The drop: the card settles in its new slot on the screen, and the server's doc says so.
  let cellOnScreen: Cell | null = null;
  for (let tries = 0; tries < 50 && !sameCell(cellOnScreen, plan.to); tries++) {
    if (tries > 0) await sleep(100);
    cellOnScreen = cellOf(await page.evaluate(readGeometry, plan.cardId));
  }
  const cellInModel = await modelCell(sync, plan.cardId, plan.to);
  return {
    cardOnScreenPx: {
      width: Math.round(start.card.width * 10) / 10,
      height: Math.round(start.card.height * 10) / 10,
    },
    windowMs: windowEnd - windowStart,
    pointerMoves: path.length,
    frames: recorded.frames.length,
    p50Ms: percentile(intervals, 50),
    p95Ms: percentile(intervals, 95),
    p99Ms: percentile(intervals, 99),
    maxMs: intervals.length > 0 ? Math.max(...intervals) : Number.NaN,
    over33ms: intervals.filter((ms) => ms > 33.4).length,
    longTasks: recorded.longTasks.length,
    longTaskMs: recorded.longTasks.reduce((sum, task) => sum + task.duration, 0),
    dropMaxMs: drop.length > 0 ? Math.max(...drop) : Number.NaN,
    cellOnScreen,
    cellInModel,
    moved: sameCell(cellOnScreen, plan.to) && sameCell(cellInModel, plan.to),
  };
}

/** The card's cell as the server holds it, waiting up to 5 s for it to become `expected`. */
async function modelCell(
  sync: { url: string; cookie: string; boardId: string },
  cardId: string,
  expected: Cell,
): Promise<Cell | null> {
  const editor = connectEditor(
    { kind: 'y-websocket', url: sync.url, cookie: sync.cookie },
    sync.boardId,
  );
  try {
    await editor.synced;
    let cell: Cell | null = null;
    for (let tries = 0; tries < 50 && !sameCell(cell, expected); tries++) {
      if (tries > 0) await sleep(100);
      const card = toJSON(editor.doc).cards.find((c) => c.id === cardId);
      cell = card ? { domainId: card.domainId, phaseId: card.phaseId } : null;
    }
    return cell;
  } finally {
    editor.destroy();
  }
}
