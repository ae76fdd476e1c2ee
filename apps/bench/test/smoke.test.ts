import { expect, test } from 'vitest';
import { BENCH_MODES } from '../src/benchModes.ts';
import { formatReport } from '../src/formatReport.ts';
import { runBench } from '../src/runBench.ts';

/**
 * Not a benchmark: a tiny run of every measure against every setup, to prove the harness still
 * works (servers start, stock clients connect, every edit reaches every other editor, every row
 * has numbers, a stored board comes back after a restart). No time is asserted.
 */
test('a tiny run of every measure works against every setup', { timeout: 300_000 }, async () => {
  const results = await runBench(BENCH_MODES.smoke);
  expect(results.load.map((r) => r.setup).sort()).toEqual([
    'hocuspocus',
    'hocuspocus-sqlite',
    'hocuspocus-sqlite-tuned',
    'hocuspocus-tuned',
    'ours-pg-redis',
    'ours-sqlite',
    'reference',
    'reference-leveldb',
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
  // Ours: warm and two cold variants each; the stored peers: warm and cold (the join checks that
  // the restarted server gave back every edit); the in-memory servers: warm only.
  expect(results.history).toHaveLength(3 + 3 + 2 + 2 + 2 + 1 + 1 + 1);
  for (const row of results.history) expect(Number.isFinite(row.joinMs), row.setup).toBe(true);
  expect(
    results.history
      .filter((r) => r.variant.startsWith('cold'))
      .map((r) => r.setup)
      .sort(),
  ).toEqual([
    'hocuspocus-sqlite',
    'hocuspocus-sqlite-tuned',
    'ours-pg-redis',
    'ours-pg-redis',
    'ours-sqlite',
    'ours-sqlite',
    'reference-leveldb',
  ]);
  expect(results.idle.map((r) => r.setup).sort()).toEqual([
    'ours-pg-redis',
    'ours-sqlite',
    'reference',
  ]);
  for (const row of results.idle) expect(row.rssSecondBytes).toBeGreaterThan(0);
  expect(results.ack).toHaveLength(8);
  for (const row of results.ack) expect(Number.isFinite(row.p99), row.setup).toBe(true);
  expect(results.errors).toEqual([]);
  const report = formatReport(results);
  expect(report).toContain('### Propagation latency');
  expect(report).toContain('### Targets against fair peers');
});
