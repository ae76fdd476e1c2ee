/*
 * What the page itself records, with its own clock (performance.now(), whose zero is the
 * navigation start of the document): the Node side only reads the results, so the round trips of
 * the DevTools protocol never enter a figure.
 *
 * The functions here are serialized by Playwright and run in the page: they may use nothing from
 * this module's scope. This package compiles against Node's types only, so they reach the
 * browser's globals through the small `ProbeHost` interface below.
 */

/** Everything the probes keep, in `window.__fdrBench`. Times are `performance.now()` values. */
export interface PageProbes {
  /**
   * Cards on the board. "All cards" means this many card elements in the DOM: tldraw mounts every
   * shape of the page and hides the culled (off-screen) ones with `display: none`, so this does
   * not depend on the view; `shownAtAllCards` says how many of them were in view.
   */
  expected: number;
  /** A card element first entered the DOM (MutationObserver). */
  firstCardInsertedAt: number | null;
  /** After the first frame that showed a card was painted (rAF, then a task after it). */
  firstCardPaintedAt: number | null;
  /** The first frame with `expected` card elements in the DOM. */
  allCardsFrameAt: number | null;
  /** After that frame was painted. */
  allCardsPaintedAt: number | null;
  /** Cards of that frame not culled by tldraw (drawn in the view). */
  shownAtAllCards: number | null;
  /** Most card elements seen in one frame so far (to say what was there on a timeout). */
  mostCardsMounted: number;
  /** requestAnimationFrame timestamps, every frame since the document started. */
  frames: number[];
  /** 'longtask' entries: main-thread tasks over 50 ms. */
  longTasks: { start: number; duration: number }[];
}

interface ProbeElement {
  closest(selector: string): { style: { display: string } } | null;
}

/** The browser globals the probes use. */
export interface ProbeHost {
  __fdrBench?: PageProbes;
  __fdrFirstRenderMs?: number;
  document: {
    querySelector(selector: string): unknown;
    querySelectorAll(selector: string): ArrayLike<ProbeElement>;
  };
  performance: {
    now(): number;
    setResourceTimingBufferSize(size: number): void;
    getEntriesByType(type: string): { toJSON(): Record<string, unknown> }[];
  };
  requestAnimationFrame(callback: (time: number) => void): number;
  MutationObserver: new (
    callback: () => void,
  ) => { observe(target: unknown, options: object): void; disconnect(): void };
  PerformanceObserver: new (
    callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void,
  ) => { observe(options: object): void };
  MessageChannel: new () => {
    port1: { onmessage: (() => void) | null };
    port2: { postMessage(message: unknown): void };
  };
}

/**
 * The init script: runs in every document of the context before the app's own scripts.
 * "Painted" is measured as the frame's rAF callback posting a message to itself: the message
 * task runs once the frame's style, layout and paint are done (the usual "next paint" probe).
 */
export function installPageProbes(expected: number): void {
  const host = globalThis as unknown as ProbeHost;
  const probes: PageProbes = {
    expected,
    firstCardInsertedAt: null,
    firstCardPaintedAt: null,
    allCardsFrameAt: null,
    allCardsPaintedAt: null,
    shownAtAllCards: null,
    mostCardsMounted: 0,
    frames: [],
    longTasks: [],
  };
  host.__fdrBench = probes;
  // tldraw's fonts, icons and translations: the default buffer of 250 entries may not be enough.
  host.performance.setResourceTimingBufferSize(2000);
  const CARD = '[data-testid="fdr-card"]';

  const afterPaint = (record: (time: number) => void) => {
    const channel = new host.MessageChannel();
    channel.port1.onmessage = () => record(host.performance.now());
    channel.port2.postMessage(null);
  };

  const observer = new host.MutationObserver(() => {
    if (host.document.querySelector(CARD)) {
      probes.firstCardInsertedAt = host.performance.now();
      observer.disconnect();
    }
  });
  observer.observe(host.document, { childList: true, subtree: true });

  new host.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });

  let firstCardFrame = false;
  const frame = (time: number) => {
    // Bounded: a page left open for minutes must not grow without limit.
    if (probes.frames.length < 200_000) probes.frames.push(time);
    if (probes.allCardsFrameAt === null) {
      const cards = host.document.querySelectorAll(CARD);
      // Culled shapes keep their element, with `display: none` on their `.tl-shape` container.
      let shown = 0;
      for (let i = 0; i < cards.length; i++) {
        if (cards[i]!.closest('.tl-shape')?.style.display !== 'none') shown++;
      }
      if (shown > 0 && !firstCardFrame) {
        firstCardFrame = true;
        afterPaint((now) => {
          probes.firstCardPaintedAt = now;
        });
      }
      probes.mostCardsMounted = Math.max(probes.mostCardsMounted, cards.length);
      if (cards.length >= probes.expected) {
        probes.allCardsFrameAt = host.performance.now();
        probes.shownAtAllCards = shown;
        afterPaint((now) => {
          probes.allCardsPaintedAt = now;
        });
      }
    }
    host.requestAnimationFrame(frame);
  };
  host.requestAnimationFrame(frame);
}
