import { describe, expect, it } from 'vitest';
import { runCrashCycles } from '../../reliability/crashCycles.ts';
import { runHostileInput } from '../../reliability/hostileInput.ts';
import { runNetworkFaults } from '../../reliability/networkFaults.ts';

// Short versions of the reliability programs; docs/reliability.md gives the full runs.
const seed = Number(process.env.RELIABILITY_SEED ?? 20261121);

describe('reliability (short runs)', () => {
  it('crash consistency: kill -9 cycles lose nothing any client received', async () => {
    const report = await runCrashCycles({ cycles: 4, seed });
    expect(report.cycles).toBe(4);
    expect(report.updatesChecked).toBeGreaterThan(100);
    expect(report.lost).toBe(0);
    expect(report.integrityFailures).toBe(0);
    expect(report.survivorsResynced).toBeGreaterThan(0);
  }, 120_000);

  it('network faults: clients behind a misbehaving relay converge once faults stop', async () => {
    const report = await runNetworkFaults({ seed, clients: 5, seconds: 4 });
    expect(report.edits).toBeGreaterThan(100);
    expect(report.stats.dropped + report.stats.duplicated + report.stats.reordered).toBeGreaterThan(
      0,
    );
    expect(report.missing).toBe(0);
  }, 120_000);

  it('hostile input: the process survives and the untouched board stays untouched', async () => {
    const report = await runHostileInput({ seed, mutations: 2000, randomFrames: 200, churn: 300 });
    expect(report.alive).toBe(true);
    expect(report.framingClosed).toBe(report.framingAttacks);
    expect(report.mutations).toBe(2000);
    expect(report.mutationsRefused).toBeGreaterThan(0);
    expect(report.pristineUnchanged).toBe(true);
    expect(report.fuzzBoardConsistent).toBe(true);
  }, 180_000);
});
