import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freshContext } from './launchChromium.ts';
import { installPageProbes, type PageProbes, type ProbeHost } from './pageProbes.ts';

/** One cold opening of a board's link. Times in ms since the navigation started. */
export interface FirstRender {
  /** First card element in the DOM. */
  firstCardInsertedMs: number;
  /** The first frame with a card in view, painted. */
  firstCardPaintedMs: number;
  /** The first frame with every card mounted, painted. */
  allCardsPaintedMs: number;
  /** Of those, the ones in view (not culled). */
  cardsInView: number;
  /** The app's own mark: the canvas mounted (`window.__fdrFirstRenderMs`, see BoardPage). */
  canvasMountedMs: number;
  /** The browser's navigation timing. */
  domContentLoadedMs: number;
  loadMs: number;
  firstContentfulPaintMs: number;
  /** Resource Timing's transferSize of the scripts (headers included), until all cards painted. */
  jsTransferredBytes: number;
  jsRequests: number;
  /** Long tasks (> 50 ms) between navigation and all cards painted. */
  longTasks: number;
  longTaskMs: number;
}

export interface OpenBoard {
  context: BrowserContext;
  page: Page;
  firstRender: FirstRender;
  /** Every URL the page received a response for, in order (kept up to date). */
  responses: string[];
  /** Page errors and console errors, to explain a failed run. */
  errors: string[];
}

/**
 * Opens `/b/<boardId>` in a fresh profile (cold HTTP cache, empty IndexedDB) and waits until the
 * page's probes saw every card mounted and painted. The context stays open for the next measure;
 * the caller closes it.
 */
export async function measureFirstRender(
  browser: Browser,
  app: { url: string; cookie: string },
  boardId: string,
  cards: number,
  timeoutMs = 60_000,
): Promise<OpenBoard> {
  const context = await freshContext(browser, app.url, app.cookie);
  await context.addInitScript(installPageProbes, cards);
  const page = await context.newPage();
  const responses: string[] = [];
  const errors: string[] = [];
  page.on('response', (response) => responses.push(response.url()));
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  try {
    await page.goto(`${app.url}/b/${boardId}`);
    // Polled by a timer rather than in rAF: the probes own the frames.
    await page.waitForFunction(
      () => (globalThis as unknown as ProbeHost).__fdrBench?.allCardsPaintedAt != null,
      null,
      { timeout: timeoutMs, polling: 250 },
    );
  } catch (error) {
    const seen = await page
      .evaluate(() => (globalThis as unknown as ProbeHost).__fdrBench?.mostCardsMounted ?? 0)
      .catch(() => 0);
    await context.close();
    throw new Error(
      `the board did not show its ${cards} cards (${seen} at most): ${(error as Error).message}\n${errors.join('\n')}`,
    );
  }
  const firstRender = await page.evaluate(readFirstRender);
  return { context, page, firstRender, responses, errors };
}

/** Runs in the page: the probes' marks and the browser's own timing entries. */
function readFirstRender(): FirstRender {
  const host = globalThis as unknown as ProbeHost;
  const probes = host.__fdrBench as PageProbes;
  const entries = (type: string) =>
    host.performance.getEntriesByType(type).map((entry) => entry.toJSON());
  const navigation = entries('navigation')[0] ?? {};
  const fcp = entries('paint').find((entry) => entry.name === 'first-contentful-paint');
  const end = probes.allCardsPaintedAt ?? Number.NaN;
  const scripts = entries('resource').filter(
    (entry) =>
      (entry.initiatorType === 'script' || /\.m?js(\?|$)/.test(String(entry.name))) &&
      Number(entry.responseEnd) <= end,
  );
  const longTasks = probes.longTasks.filter((task) => task.start < end);
  return {
    firstCardInsertedMs: probes.firstCardInsertedAt ?? Number.NaN,
    firstCardPaintedMs: probes.firstCardPaintedAt ?? Number.NaN,
    allCardsPaintedMs: end,
    cardsInView: probes.shownAtAllCards ?? 0,
    canvasMountedMs: host.__fdrFirstRenderMs ?? Number.NaN,
    domContentLoadedMs: Number(navigation.domContentLoadedEventEnd ?? Number.NaN),
    loadMs: Number(navigation.loadEventEnd ?? Number.NaN),
    firstContentfulPaintMs: Number(fcp?.startTime ?? Number.NaN),
    jsTransferredBytes: scripts.reduce((sum, entry) => sum + Number(entry.transferSize ?? 0), 0),
    jsRequests: scripts.length,
    longTasks: longTasks.length,
    longTaskMs: longTasks.reduce((sum, task) => sum + task.duration, 0),
  };
}
