import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatReport } from './formatReport.ts';
import { lineChart } from './lineChart.ts';
import type { BenchResults } from './runBench.ts';
import type { SetupId } from './setups.ts';

const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
const START = '<!-- bench:results:start (written by `pnpm bench --full --write-docs`) -->';
const END = '<!-- bench:results:end -->';

const COLORS: Record<SetupId, string> = {
  'ours-sqlite': '#1b7f3b',
  'ours-before': '#7fbf8f',
  'ours-pg-redis': '#2a6fdb',
  reference: '#d98c00',
  'reference-leveldb': '#a35f00',
  hocuspocus: '#8a3ffc',
  'hocuspocus-tuned': '#b57bff',
  'hocuspocus-sqlite': '#c2185b',
  'hocuspocus-sqlite-tuned': '#e0457b',
};

/** The p99-against-editors plot of a run, one line per setup. */
function p99Chart(results: BenchResults): string {
  const ids = [...new Set(results.load.map((r) => r.setup))];
  return lineChart({
    title: `p99 propagation latency, N editors x ${results.mode.editsPerSecond} edits/s on one board`,
    subtitle: `${results.machineBefore.cores} cores shared by servers and clients, loopback; ${results.startedAt.slice(0, 10)}, mode ${results.mode.name}`,
    xLabel: 'editors on the board',
    yLabel: 'p99 latency (log scale)',
    series: ids.map((id) => ({
      label: results.labels[id] ?? id,
      color: COLORS[id],
      dashed: !id.startsWith('ours-'),
      points: results.load
        .filter((r) => r.setup === id && Number.isFinite(r.p99))
        .map((r) => [r.editors, Math.max(r.p99, 0.01)] as [number, number]),
    })),
    guides: [
      { y: 50, label: '50 ms' },
      { y: 100, label: '100 ms' },
    ],
  });
}

/**
 * Records a run in the docs: the plot (docs/bench-p99.svg), the raw results
 * (docs/bench-results.json) and the generated part of docs/benchmarks.md, between its markers.
 */
export function writeDocs(results: BenchResults): void {
  writeFileSync(`${docs}bench-p99.svg`, p99Chart(results));
  writeFileSync(`${docs}bench-results.json`, `${JSON.stringify(results, null, 2)}\n`);
  const file = `${docs}benchmarks.md`;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} lacks the markers ${START} ... ${END}`);
  const block = `${START}\n\n${formatReport(results)}\n${END}`;
  writeFileSync(file, text.slice(0, start) + block + text.slice(end + END.length));
}
