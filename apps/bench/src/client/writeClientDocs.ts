import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatClientReport } from './formatClientReport.ts';
import type { ClientBenchResults } from './runClientBench.ts';

const file = fileURLToPath(new URL('../../../../docs/benchmarks.md', import.meta.url));
const START = '<!-- bench:client:start (written by `pnpm bench:client --write-docs`) -->';
const START_PREFIX = '<!-- bench:client:start';
const END = '<!-- bench:client:end -->';
/** The placeholder the section replaces the first time. */
const TODO = '### Client side (issue 10, part 4): to do';

/** What stays by hand above the generated block: how each figure is defined. */
const METHOD = `### Client side

Command: \`pnpm bench:client\` (\`--runs=5 --cards=300\` by default; \`--web-dist=PATH\` for another
build, \`--write-docs\` rewrites the block below). It needs the production build (\`pnpm build\`).
Our server (SQLite, every default) serves the build; a board is imported through the REST API for
each run and opened by headless Chromium in a fresh profile. Everything is timed in the page, on
its own clock (\`performance.now()\`, zero at navigation start), by an init script that runs before
the app (\`apps/bench/src/client/pageProbes.ts\`); Node only reads the results.

- **First render**: the first frame in which every card element of the board is in the DOM
  (tldraw mounts every shape of the page and hides the culled ones with \`display: none\`; how
  many were in view is given too), painted: the frame's requestAnimationFrame callback posts a
  message to the page, which runs once that frame's style, layout and paint are done. "First card
  painted" is the same for the first frame showing a card.
- **Drag**: the mouse drags one card through several cells in small steps; the page records the
  timestamp of every requestAnimationFrame and every long task (over 50 ms). The drop is checked:
  the card must end in the target cell on the screen and in the document a separate sync client
  reads from the server.
- **JS size**: the build files the browser requested (their URLs, from the page's responses),
  measured on disk: raw, and as the server sends them (their precompressed brotli variant).

Benchmarks are not tests: the smoke test (\`apps/bench/test/clientSmoke.test.ts\`, 40 cards,
one run) checks that every figure exists, never a time.
`;

/**
 * Writes the run into docs/benchmarks.md: the first time in place of the "to do" section (the
 * method text and the generated block), afterwards only between the markers. Nothing else of the
 * file changes.
 */
export function writeClientDocs(results: ClientBenchResults): void {
  const text = readFileSync(file, 'utf8');
  const block = `${START}\n\n${formatClientReport(results)}\n${END}`;
  const start = text.indexOf(START_PREFIX);
  if (start >= 0) {
    const end = text.indexOf(END, start);
    if (end < 0) throw new Error(`${file}: ${START_PREFIX} without ${END}`);
    writeFileSync(file, text.slice(0, start) + block + text.slice(end + END.length));
    return;
  }
  const todo = text.indexOf(TODO);
  if (todo < 0) throw new Error(`${file} has neither the client markers nor "${TODO}"`);
  // The placeholder runs to the next heading of its level or above.
  const next = text.slice(todo + TODO.length).search(/\n#{1,3} /);
  const stop = next < 0 ? text.length : todo + TODO.length + next + 1;
  writeFileSync(file, `${text.slice(0, todo)}${METHOD}\n${block}\n\n${text.slice(stop)}`);
}
