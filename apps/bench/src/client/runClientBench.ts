import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { compareByOrder, type Roadmap } from '@fdr/model';
import { describeMachine, type MachineInfo } from '../describeMachine.ts';
import { crowdedRoadmap } from './crowdedRoadmap.ts';
import { type DistFile, distFilesRequested } from './distFilesRequested.ts';
import { launchChromium, VIEWPORT } from './launchChromium.ts';
import { type DragFrames, type DragPlan, measureDrag } from './measureDrag.ts';
import { type FirstRender, measureFirstRender } from './measureFirstRender.ts';
import { measureHomePage } from './measureHomePage.ts';
import { startBenchApp } from './startBenchApp.ts';

export interface ClientBenchOptions {
  runs: number;
  cards: number;
  webDist: string;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export interface ClientBenchResults {
  startedAt: string;
  finishedAt: string;
  runs: number;
  cards: number;
  webDist: string;
  chromium: string;
  viewport: { width: number; height: number };
  machine: MachineInfo;
  /** At the end: with `machine.loadAverage`, whether something else ran meanwhile. */
  loadAverageAfter: [number, number, number];
  /** One entry per run that got that far. */
  firstRender: FirstRender[];
  dragPlan: DragPlan;
  drag: DragFrames[];
  /** Build files requested by the home page and by a cold opening of the board. */
  homeFiles: DistFile[];
  boardFiles: DistFile[];
  /** What went wrong in a run; the other runs go on. */
  errors: string[];
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The drag of the measure: the first card of the first lane's first phase across into the lane's
 * other phase. The board opens at a readable size from its top-left corner, and both cells are in
 * that view even on a crowded board, whose first lane may be taller than the screen; "Fit the
 * board" would shrink a 300-card timeline until a card is a few pixels high, where no one drags.
 */
function dragPlanFor(roadmap: Roadmap): DragPlan {
  const [d0] = roadmap.domains;
  const [p0, p1] = roadmap.phases;
  if (!d0 || !p0 || !p1) {
    throw new Error('the drag needs a domain and two phases');
  }
  const first = roadmap.cards
    .filter((card) => card.domainId === d0.id && card.phaseId === p0.id && !card.archived)
    .sort(compareByOrder)[0];
  if (!first) throw new Error('no card in the first cell');
  return {
    cardId: first.id,
    via: [],
    to: { domainId: d0.id, phaseId: p1.id },
    durationMs: 2000,
    steps: 120,
  };
}

/** Versions that matter on the client side, read from the manifests. */
function clientVersions(): Record<string, string> {
  const web = JSON.parse(readFileSync(`${repoRoot}apps/web/package.json`, 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const bench = JSON.parse(readFileSync(`${repoRoot}apps/bench/package.json`, 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  return {
    tldraw: web.dependencies.tldraw ?? '?',
    react: web.dependencies.react ?? '?',
    yjs: web.dependencies.yjs ?? '?',
    'playwright-core': bench.devDependencies['playwright-core'] ?? '?',
  };
}

/**
 * The client-side benchmark of issue 10: our server serving the production web build, a board of
 * `cards` cards imported through the REST API, and headless Chromium opening it `runs` times,
 * each in a fresh profile: time to first render, frame times during a drag, and the JS the home
 * page and the board route download. Nothing here asserts a time.
 */
export async function runClientBench(options: ClientBenchOptions): Promise<ClientBenchResults> {
  const log = options.log ?? (() => {});
  const webDist = resolve(options.webDist);
  const startedAt = new Date().toISOString();
  const roadmap = crowdedRoadmap(options.cards);
  const dragPlan = dragPlanFor(roadmap);
  const machine = await describeMachine();
  machine.versions = clientVersions();
  const app = await startBenchApp(webDist, Buffer.byteLength(JSON.stringify(roadmap)));
  const errors: string[] = [];
  const firstRender: FirstRender[] = [];
  const drag: DragFrames[] = [];
  let boardUrls: string[] = [];
  let homeUrls: string[] = [];
  const browser = await launchChromium();
  try {
    log(`chromium ${browser.version()}, server on ${app.url}, ${options.cards} cards`);
    homeUrls = await measureHomePage(browser, app);
    for (let run = 1; run <= options.runs; run++) {
      // A board per run: every run opens the same content, never one a previous drag changed.
      const boardId = await app.importBoard(roadmap);
      let open: Awaited<ReturnType<typeof measureFirstRender>> | null = null;
      try {
        open = await measureFirstRender(browser, app, boardId, options.cards);
        firstRender.push(open.firstRender);
        const f = open.firstRender;
        log(
          `run ${run}: first card ${f.firstCardPaintedMs.toFixed(0)} ms, all ${options.cards} cards ${f.allCardsPaintedMs.toFixed(0)} ms (${f.cardsInView} in view)`,
        );
        // The drag starts on a settled page: connected, translations and fonts loaded.
        await open.page
          .locator('[data-testid="sync-state"][data-sync-state="connected"]')
          .waitFor({ timeout: 30_000 });
        await open.page.waitForLoadState('networkidle');
        await sleep(1000);
        if (run === 1) boardUrls = [...open.responses];
        const frames = await measureDrag(open.page, dragPlan, {
          url: app.syncUrl,
          cookie: app.cookie,
          boardId,
        });
        drag.push(frames);
        log(
          `run ${run}: drag p50 ${frames.p50Ms.toFixed(1)} ms, p95 ${frames.p95Ms.toFixed(1)} ms, max ${frames.maxMs.toFixed(1)} ms over ${frames.frames} frames; moved: ${frames.moved}`,
        );
        if (!frames.moved) {
          errors.push(
            `run ${run}: the drop did not move the card (screen ${JSON.stringify(frames.cellOnScreen)}, model ${JSON.stringify(frames.cellInModel)})`,
          );
        }
        if (open.errors.length > 0) errors.push(`run ${run}: ${open.errors.join('; ')}`);
      } catch (error) {
        errors.push(`run ${run}: ${(error as Error).message}`);
        log(`run ${run} failed: ${(error as Error).message}`);
      } finally {
        await open?.context.close();
      }
    }
    return {
      startedAt,
      finishedAt: new Date().toISOString(),
      runs: options.runs,
      cards: options.cards,
      webDist,
      chromium: browser.version(),
      viewport: VIEWPORT,
      machine,
      loadAverageAfter: loadavg().map((n) => Math.round(n * 100) / 100) as [number, number, number],
      firstRender,
      dragPlan,
      drag,
      homeFiles: distFilesRequested(homeUrls, app.url, webDist),
      boardFiles: distFilesRequested(boardUrls, app.url, webDist),
      errors,
    };
  } finally {
    await browser.close();
    await app.stop();
  }
}
