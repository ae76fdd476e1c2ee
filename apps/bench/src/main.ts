/**
 * `pnpm bench`: our server side by side with the y-websocket reference server and Hocuspocus,
 * in one run on this machine. Prints a Markdown report.
 *
 *   pnpm bench                  quick mode (default): every measure, small, under two minutes
 *   pnpm bench --full           the recorded run (about 32 minutes)
 *   pnpm bench --full --write-docs
 *                               also writes docs/benchmarks.md (results block), docs/bench-p99.svg
 *                               and docs/bench-results.json
 *   --only=ours-sqlite,reference   a subset of the setups
 *   --editors=10,200               other sweep points
 *   --node-arg=--cpu-prof          a flag for every server's node (repeatable), for profiling
 *   --sweep-only                   only the latency sweep (no long history, idle boards, ack)
 *   --repeats=3                    runs of each sweep point (the median p99 is kept)
 *   --from=results/full-….json     no measuring: print (and with --write-docs, record) a saved
 *                                  run again, e.g. after a change to the report's wording
 *   --light                        only the light-client measures (src/light/): editors on one
 *                                  board ramped until p99 passes 50 ms, then many clients over
 *                                  many boards, for ours (SQLite, two instances) and a raw ws
 *                                  relay; quick sizes, or the recorded ones with --full
 *                                  (results/light-….json). With it: --only (ours-sqlite,
 *                                  ours-pg-redis, raw-relay), --editors (the ramp; 0: none),
 *                                  --light-clients=10000 --light-boards=1000 (0 clients: the
 *                                  ramp alone), --light-workers=2,
 *                                  --max-rss-mib=1024 (the ramp's RSS bound), --stop-p99=50,
 *                                  --server-env=SQLITE_SYNCHRONOUS=NORMAL (repeatable: a setting
 *                                  of our servers, to investigate a limit)
 *
 * Needs the local PostgreSQL and Redis (TEST_DATABASE_URL, TEST_REDIS_URL) for the two-instance
 * setup. Not a test: nothing here asserts a time.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_MODES, type BenchMode } from './benchModes.ts';
import { formatReport } from './formatReport.ts';
import { LIGHT_MODES, type LightMode } from './light/lightModes.ts';
import { runLightBench } from './light/runLightBench.ts';
import type { LightSetupId } from './light/runLightLoad.ts';
import { type BenchResults, runBench } from './runBench.ts';
import type { SetupId } from './setups.ts';
import { writeDocs } from './writeDocs.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    'write-docs': { type: 'boolean', default: false },
    only: { type: 'string' },
    editors: { type: 'string' },
    'node-arg': { type: 'string', multiple: true },
    'sweep-only': { type: 'boolean', default: false },
    repeats: { type: 'string' },
    from: { type: 'string' },
    light: { type: 'boolean', default: false },
    'light-clients': { type: 'string' },
    'light-boards': { type: 'string' },
    'light-workers': { type: 'string' },
    'max-rss-mib': { type: 'string' },
    'stop-p99': { type: 'string' },
    'server-env': { type: 'string', multiple: true },
  },
});

const mode: BenchMode = { ...BENCH_MODES[values.full ? 'full' : 'quick'] };
if (values.only) mode.setups = values.only.split(',') as SetupId[];
if (values.editors) mode.editors = values.editors.split(',').map(Number);
if (values['sweep-only']) mode.sweepOnly = true;
if (values.repeats) mode.repeats = Math.max(1, Number(values.repeats));

// Exiting runs the servers' cleanup (spawnServer kills them on 'exit'); a signal would not.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const dir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
let results: BenchResults;
if (values.from) {
  // Latencies that never arrived are Infinity, which JSON saved as null.
  results = JSON.parse(readFileSync(values.from, 'utf8'), (key, value) =>
    value === null && ['p50', 'p95', 'p99', 'max'].includes(key) ? Number.POSITIVE_INFINITY : value,
  ) as BenchResults;
  results.load = results.load.map((row) => ({
    ...row,
    p99Runs: (row.p99Runs ?? [row.p99]).map((v) => v ?? Number.POSITIVE_INFINITY),
  }));
  console.log(formatReport(results));
} else if (values.light) {
  const light: LightMode = { ...LIGHT_MODES[values.full ? 'full' : 'quick'] };
  if (values.only) light.setups = values.only.split(',') as LightSetupId[];
  // --editors=0: no ramp (the many-boards measure alone).
  if (values.editors)
    light.editors = values.editors
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
  if (values['light-clients']) light.manyClients = Number(values['light-clients']);
  if (values['light-boards']) light.manyBoards = Number(values['light-boards']);
  if (values['light-workers']) light.workers = Math.max(1, Number(values['light-workers']));
  if (values['max-rss-mib']) light.maxServerRssBytes = Number(values['max-rss-mib']) * 2 ** 20;
  if (values['stop-p99']) light.stopP99Ms = Number(values['stop-p99']);
  if (values['server-env']) {
    light.serverEnv = Object.fromEntries(
      values['server-env'].map((pair) => [
        pair.slice(0, pair.indexOf('=')),
        pair.slice(pair.indexOf('=') + 1),
      ]),
    );
  }
  console.error(`bench: light clients, ${light.name} sizes, setups ${light.setups.join(', ')}`);
  results = await runLightBench(light, (line) => console.error(`  ${line}`));
  console.log(formatReport(results));
  const file = `${dir}light-${light.name}-${results.startedAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.error(`bench: results in ${file}`);
} else {
  console.error(`bench: ${mode.name} mode, setups ${mode.setups.join(', ')}`);
  results = await runBench(mode, {
    log: (line) => console.error(`  ${line}`),
    ...(values['node-arg'] ? { nodeArgs: values['node-arg'] } : {}),
    onPartial: (partial) =>
      writeFileSync(`${dir}${mode.name}-sweep.json`, `${JSON.stringify(partial, null, 2)}\n`),
  });
  console.log(formatReport(results));
  const file = `${dir}${mode.name}-${results.startedAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.error(`bench: results in ${file}`);
}
if (values['write-docs'] && values.light) {
  console.error(
    'bench: --write-docs records the stock-client run only; light results stay in results/',
  );
} else if (values['write-docs']) {
  writeDocs(results);
  console.error(
    'bench: docs/benchmarks.md, docs/bench-p99.svg and docs/bench-results.json written',
  );
}
