import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { totalOf } from '../src/client/distFilesRequested.ts';
import { formatClientReport } from '../src/client/formatClientReport.ts';
import { runClientBench } from '../src/client/runClientBench.ts';

/**
 * The production build, made by turbo's `^build` (this app depends on @fdr/web) or pointed at
 * a copy with FDR_E2E_WEB_DIST, as for the e2e suite (another build of the same checkout would
 * rename the chunks under a running page).
 */
const webDist =
  process.env.FDR_E2E_WEB_DIST ??
  join(fileURLToPath(new URL('../../../', import.meta.url)), 'apps/web/dist');

/**
 * Not a benchmark: one run on a small board, to prove the client-side measures still measure
 * something (the probes see every card, the drag moves the card, frames and sizes are recorded).
 * No time is asserted.
 */
test('a small client-side run measures first render, a drag and the JS sizes', async () => {
  const cards = 40;
  const results = await runClientBench({ runs: 1, cards, webDist });
  expect(results.errors).toEqual([]);

  expect(results.firstRender).toHaveLength(1);
  const render = results.firstRender[0]!;
  // The board opens at a readable size from its top-left corner: some cards, not necessarily all.
  expect(render.cardsInView).toBeGreaterThan(0);
  expect(render.cardsInView).toBeLessThanOrEqual(cards);
  for (const value of [
    render.firstCardInsertedMs,
    render.firstCardPaintedMs,
    render.allCardsPaintedMs,
    render.canvasMountedMs,
    render.domContentLoadedMs,
  ]) {
    expect(value).toBeGreaterThan(0);
  }
  expect(render.allCardsPaintedMs).toBeGreaterThanOrEqual(render.firstCardPaintedMs);
  expect(render.jsTransferredBytes).toBeGreaterThan(0);

  expect(results.drag).toHaveLength(1);
  const drag = results.drag[0]!;
  expect(drag.moved).toBe(true);
  expect(drag.cellInModel).toEqual(results.dragPlan.to);
  expect(drag.frames).toBeGreaterThan(0);
  expect(Number.isFinite(drag.p50Ms)).toBe(true);
  expect(Number.isFinite(drag.maxMs)).toBe(true);

  // The home page has JS; the board route adds its own lazy chunk(s) on top.
  const homeJs = totalOf(results.homeFiles, 'js');
  const boardJs = totalOf(results.boardFiles, 'js');
  expect(homeJs.bytes).toBeGreaterThan(0);
  expect(homeJs.sentBytes).toBeGreaterThan(0);
  // The build precompresses: the server sends far fewer bytes than the files hold.
  expect(homeJs.sentBytes).toBeLessThan(homeJs.bytes / 2);
  expect(boardJs.bytes).toBeGreaterThan(homeJs.bytes);
  expect(totalOf(results.boardFiles, 'css').bytes).toBeGreaterThan(0);

  const report = formatClientReport(results);
  expect(report).toContain('#### Time to first render');
  expect(report).toContain('Drops that moved the card (on the screen and in the server');
  expect(report).toContain('not assessed, this run used 40 cards');
});
