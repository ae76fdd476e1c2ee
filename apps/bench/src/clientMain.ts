/**
 * `pnpm bench:client`: the client side of issue 10's benchmarks. Our server serves the production
 * web build; headless Chromium opens a crowded board in fresh profiles. Prints a Markdown report.
 *
 *   pnpm bench:client                 5 runs, 300 cards
 *   --runs=N --cards=N                other sizes (at least the template's 33 cards)
 *   --web-dist=PATH                   another build (default apps/web/dist, made by `pnpm build`)
 *   --write-docs                      also writes the "Client side" block of docs/benchmarks.md
 *
 * Not a test: nothing here asserts a time. The raw results go to apps/bench/results/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatClientReport } from './client/formatClientReport.ts';
import { runClientBench } from './client/runClientBench.ts';
import { writeClientDocs } from './client/writeClientDocs.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    cards: { type: 'string', default: '300' },
    'web-dist': { type: 'string', default: join(repoRoot, 'apps/web/dist') },
    'write-docs': { type: 'boolean', default: false },
  },
});

const runs = Number(values.runs);
const cards = Number(values.cards);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer`);
if (!Number.isInteger(cards) || cards < 33) {
  throw new Error('--cards must be an integer of at least 33 (the 2016 template has 33 cards)');
}
// pnpm runs the script in apps/bench: a relative path means the caller's folder.
const webDist = resolve(process.env.INIT_CWD ?? process.cwd(), values['web-dist']);
if (!existsSync(join(webDist, 'index.html'))) {
  console.error(
    `bench:client: no web build in ${webDist}. Run "pnpm build" at the repository root first, or pass --web-dist=PATH.`,
  );
  process.exit(1);
}

// Exiting runs the server's cleanup (spawnServer kills it on 'exit'); a signal would not.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

console.error(`bench:client: ${runs} runs, ${cards} cards, build ${webDist}`);
const results = await runClientBench({
  runs,
  cards,
  webDist,
  log: (line) => console.error(`  ${line}`),
});
console.log(formatClientReport(results));

const dir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}client-${results.startedAt.replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.error(`bench:client: results in ${file}`);
if (values['write-docs']) {
  writeClientDocs(results);
  console.error('bench:client: docs/benchmarks.md (Client side) written');
}
if (results.errors.length > 0) process.exitCode = 1;
