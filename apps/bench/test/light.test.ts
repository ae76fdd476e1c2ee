import { expect, test } from 'vitest';
import { formatReport } from '../src/formatReport.ts';
import { LIGHT_MODES } from '../src/light/lightModes.ts';
import { encodeMarker, scanMarkers } from '../src/light/markers.ts';
import { runLightBench } from '../src/light/runLightBench.ts';

test('markers are found in a message, every one of them, and nothing else', () => {
  const bytes = Buffer.concat([
    Buffer.from([0, 2, 40, 119]),
    Buffer.from(encodeMarker(12, 3, 1234567890123)),
    Buffer.from('⟦1:2⟧ noise ⟦'),
    Buffer.from(encodeMarker(0, 1, 7)),
  ]);
  const found: number[][] = [];
  expect(scanMarkers(bytes, (g, s, t) => found.push([g, s, t]))).toBe(2);
  expect(found).toEqual([
    [12, 3, 1234567890123],
    [0, 1, 7],
  ]);
});

/**
 * Not a benchmark: a tiny run of the light-client measures against our two setups and the raw
 * relay (servers start, light clients sign in and sync, every edit reaches every other client of
 * its board, every row has numbers). No time is asserted.
 */
test('a tiny light-client run works against ours and the raw relay', async () => {
  const results = await runLightBench(LIGHT_MODES.smoke);
  const light = results.light!;
  expect(light.errors).toEqual([]);
  const setups = ['ours-pg-redis', 'ours-sqlite', 'raw-relay'];
  for (const measure of ['one-board', 'many-boards'] as const) {
    expect(
      light.rows
        .filter((r) => r.measure === measure)
        .map((r) => r.setup)
        .sort(),
    ).toEqual(setups);
  }
  for (const row of light.rows) {
    const what = `${row.setup} ${row.measure}`;
    expect(row.editsInWindow, what).toBeGreaterThan(0);
    expect(row.incompleteEdits, what).toBe(0);
    expect(row.receipts, what).toBe(row.expectedReceipts);
    expect(row.disconnects, what).toBe(0);
    for (const value of [row.p50, row.p99, row.max, row.serverCpuPercent, row.clientCpuPercent]) {
      expect(Number.isFinite(value), what).toBe(true);
    }
    expect(row.serverRssConnectedBytes, what).toBeGreaterThan(0);
  }
  expect(formatReport(results)).toContain('### Light clients');
});
