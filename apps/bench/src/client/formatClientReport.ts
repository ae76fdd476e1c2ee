import { type DistFile, totalOf } from './distFilesRequested.ts';
import type { ClientBenchResults } from './runClientBench.ts';
import { type Summary, summarize } from './summarize.ts';

/** The target of issue 10 for the client side. */
export const FIRST_RENDER_TARGET = { cards: 300, ms: 1500 };

const ms = (value: number) =>
  Number.isFinite(value)
    ? `${value.toLocaleString('en-US', { maximumFractionDigits: 0 })} ms`
    : 'n/a';
const ms1 = (value: number) =>
  Number.isFinite(value)
    ? `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`
    : 'n/a';
const count = (value: number) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 1 }) : 'n/a';
const kB = (bytes: number) =>
  `${(bytes / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} kB`;

/** `| label | median | min | max |` for one figure over the runs. */
function row(label: string, summary: Summary, show: (value: number) => string): string {
  return `| ${label} | ${show(summary.median)} | ${show(summary.min)} | ${show(summary.max)} |`;
}

function sizeRow(label: string, files: readonly DistFile[]): string {
  const js = totalOf(files, 'js');
  const css = totalOf(files, 'css');
  const font = totalOf(files, 'font');
  const other = totalOf(files, 'other');
  return `| ${label} | ${js.files} | ${kB(js.bytes)} | ${kB(js.sentBytes)} | ${kB(css.bytes)} | ${kB(css.sentBytes)} | ${kB(font.bytes)} | ${kB(other.bytes)} |`;
}

/** Whether the run says anything about the target, and what. */
export function targetLine(results: ClientBenchResults): string {
  const allCards = summarize(results.firstRender.map((r) => r.allCardsPaintedMs));
  const target = `${FIRST_RENDER_TARGET.cards}-card board first render < ${FIRST_RENDER_TARGET.ms / 1000} s`;
  if (results.cards !== FIRST_RENDER_TARGET.cards) {
    return `Target (${target}): not assessed, this run used ${results.cards} cards.`;
  }
  if (allCards.runs === 0) return `Target (${target}): not assessed, no run finished.`;
  const met = allCards.median < FIRST_RENDER_TARGET.ms;
  return `Target (${target}): **${met ? 'met' : 'missed'}**, every card painted at ${ms(allCards.median)} (median of ${allCards.runs}; ${ms(allCards.min)} to ${ms(allCards.max)}).`;
}

/** The Markdown report of a client-side run (printed, and the generated block of the docs). */
export function formatClientReport(results: ClientBenchResults): string {
  const { machine } = results;
  const f = (pick: (r: ClientBenchResults['firstRender'][number]) => number) =>
    summarize(results.firstRender.map(pick));
  const d = (pick: (r: ClientBenchResults['drag'][number]) => number) =>
    summarize(results.drag.map(pick));
  const moved = results.drag.filter((r) => r.moved).length;
  const card = results.drag[0]?.cardOnScreenPx;
  const homeJs = new Set(results.homeFiles.filter((x) => x.kind === 'js').map((x) => x.path));
  const homePaths = new Set(results.homeFiles.map((x) => x.path));
  const added = results.boardFiles.filter((x) => !homePaths.has(x.path));
  const boardJs = results.boardFiles
    .filter((x) => x.kind === 'js')
    .sort((a, b) => b.bytes - a.bytes);
  const lines = [
    `Command: \`pnpm bench:client --runs=${results.runs} --cards=${results.cards}\`; ${results.startedAt.slice(0, 10)}.`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Linux ${machine.kernel}, Node ${machine.node}; load average ${machine.loadAverage.join(' / ')} at the start and ${results.loadAverageAfter.join(' / ')} at the end (1, 5, 15 min)${machine.busiest.length > 0 ? `; busy then: ${machine.busiest.map((b) => `\`${b.slice(0, 60)}\``).join(', ')}` : ''}. Commit ${machine.commit}.`,
    '',
    `Browser: headless Chromium ${results.chromium} (Debian's, \`--disable-gpu\`), window ${results.viewport.width}×${results.viewport.height}, through playwright-core ${machine.versions['playwright-core']}; tldraw ${machine.versions.tldraw}, React ${machine.versions.react}. Server: ours, SQLite, on loopback, serving the production build.`,
    '',
    `Board: the 2016 template grown to ${results.cards} cards (bilingual titles, roles, periods, members, check-ins), 10 lanes × 2 phases, imported through \`POST /api/boards\`; a new copy for each of the ${results.runs} runs, each opened in a fresh browser profile (cold HTTP cache, empty IndexedDB).`,
    '',
    `#### Time to first render (ms since navigation start)`,
    '',
    '| Measure | Median | Min | Max |',
    '| --- | ---: | ---: | ---: |',
    row(
      'DOMContentLoaded',
      f((r) => r.domContentLoadedMs),
      ms,
    ),
    row(
      'load',
      f((r) => r.loadMs),
      ms,
    ),
    row(
      'first contentful paint (the page frame)',
      f((r) => r.firstContentfulPaintMs),
      ms,
    ),
    row(
      "canvas mounted (the app's `__fdrFirstRenderMs`)",
      f((r) => r.canvasMountedMs),
      ms,
    ),
    row(
      'first card in the DOM',
      f((r) => r.firstCardInsertedMs),
      ms,
    ),
    row(
      'first card painted',
      f((r) => r.firstCardPaintedMs),
      ms,
    ),
    row(
      `**all ${results.cards} cards painted**`,
      f((r) => r.allCardsPaintedMs),
      ms,
    ),
    row(
      'long tasks until then (count)',
      f((r) => r.longTasks),
      count,
    ),
    row(
      'long tasks until then (total)',
      f((r) => r.longTaskMs),
      ms,
    ),
    row(
      'JS transferred until then',
      f((r) => r.jsTransferredBytes),
      kB,
    ),
    '',
    `Cards in view when all were painted: ${results.firstRender.map((r) => r.cardsInView).join(', ') || 'n/a'} (the opening view fits the whole board when its titles stay readable that way, else shows its top-left corner at a readable size; the others are mounted but culled${card ? `; a card is ${card.width}×${card.height} px on the screen` : ''}).`,
    '',
    `#### Frame times during a drag`,
    '',
    `One card dragged by the mouse from the first lane's first phase into its other phase: ${results.dragPlan.steps} moves over ${results.dragPlan.durationMs / 1000} s, in the opening view (a readable size). Frame intervals from the page's requestAnimationFrame timestamps between button down and the last move; the drop apart.`,
    '',
    '| Measure | Median | Min | Max |',
    '| --- | ---: | ---: | ---: |',
    row(
      'frame interval p50',
      d((r) => r.p50Ms),
      ms1,
    ),
    row(
      'frame interval p95',
      d((r) => r.p95Ms),
      ms1,
    ),
    row(
      'frame interval p99',
      d((r) => r.p99Ms),
      ms1,
    ),
    row(
      'frame interval max',
      d((r) => r.maxMs),
      ms1,
    ),
    row(
      'frames over 33 ms',
      d((r) => r.over33ms),
      count,
    ),
    row(
      'frames recorded',
      d((r) => r.frames),
      count,
    ),
    row(
      'gesture length (page clock)',
      d((r) => r.windowMs),
      ms,
    ),
    row(
      'long tasks (count)',
      d((r) => r.longTasks),
      count,
    ),
    row(
      'long tasks (total)',
      d((r) => r.longTaskMs),
      ms,
    ),
    row(
      'drop: longest frame in the 0.5 s after release',
      d((r) => r.dropMaxMs),
      ms1,
    ),
    '',
    `Drops that moved the card (on the screen and in the server's document): ${moved} of ${results.drag.length}.`,
    '',
    '#### JS size',
    '',
    'Files of the build that the browser requested (matched by URL); raw is the file as built, sent is what our server sends a browser that accepts brotli (the build writes `.br` and `.gz` beside every compressible file and the server picks one by `Accept-Encoding`; fonts are woff2, already compressed). "Other": images and tldraw\'s translations and icons.',
    '',
    '| Page | JS files | JS raw | JS sent | CSS raw | CSS sent | fonts | other |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    sizeRow('home page (boards catalog)', results.homeFiles),
    sizeRow('board route: what it adds', added),
    sizeRow('board route: everything (cold)', results.boardFiles),
    '',
    'JS of the board route, largest first (* also loaded by the home page):',
    '',
    '| File | raw | sent |',
    '| --- | ---: | ---: |',
    ...boardJs.map(
      (x) =>
        `| \`${x.path.replace(/^\/assets\//, '')}\`${homeJs.has(x.path) ? ' *' : ''} | ${kB(x.bytes)} | ${kB(x.sentBytes)} |`,
    ),
    '',
    targetLine(results),
  ];
  if (results.errors.length > 0) {
    lines.push('', 'Errors:', '', ...results.errors.map((e) => `- ${e.split('\n')[0]}`));
  }
  return `${lines.join('\n')}\n`;
}
