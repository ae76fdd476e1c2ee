import { expect, test } from 'vitest';
import { BENCH_MODES } from '../src/benchModes.ts';
import { formatReport } from '../src/formatReport.ts';
import { runBench } from '../src/runBench.ts';

/**
 * Not a benchmark: a tiny run of every measure against the four setups, to prove the harness
 * still works (servers start, stock clients connect, every edit reaches every other editor,
 * every row has numbers). No time is asserted.
 */
test('a tiny run of every measure works against all four setups', async () => {
  const results = await runBench(BENCH_MODES.smoke);
  expect(results.load.map((r) => r.setup).sort()).toEqual([
    'hocuspocus',
    'ours-pg-redis',
    'ours-sqlite',
    'reference',
  ]);
  for (const row of results.load) {
    expect(row.editsInWindow, row.setup).toBeGreaterThan(0);
    expect(row.incompleteEdits, row.setup).toBe(0);
    expect(row.receipts, row.setup).toBe(row.expectedReceipts);
    for (const value of [row.p50, row.p95, row.p99, row.max, row.serverCpuPercent]) {
      expect(Number.isFinite(value), row.setup).toBe(true);
    }
    expect(row.serverRssMaxBytes, row.setup).toBeGreaterThan(0);
  }
  // Ours: warm and two cold variants each; the in-memory servers: warm only.
  expect(results.history).toHaveLength(3 + 3 + 1 + 1);
  for (const row of results.history) expect(Number.isFinite(row.joinMs), row.setup).toBe(true);
  expect(results.idle.map((r) => r.setup).sort()).toEqual([
    'ours-pg-redis',
    'ours-sqlite',
    'reference',
  ]);
  for (const row of results.idle) expect(row.rssSecondBytes).toBeGreaterThan(0);
  expect(results.ack).toHaveLength(4);
  for (const row of results.ack) expect(Number.isFinite(row.p99), row.setup).toBe(true);
  expect(results.errors).toEqual([]);
  expect(formatReport(results)).toContain('### Propagation latency');
});
