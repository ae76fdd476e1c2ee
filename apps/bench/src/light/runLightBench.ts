import { BENCH_MODES } from '../benchModes.ts';
import { describeMachine } from '../describeMachine.ts';
import type { BenchResults } from '../runBench.ts';
import { BenchContext, type SetupId } from '../setups.ts';
import type { LightMode } from './lightModes.ts';
import { runLight } from './runLight.ts';

/**
 * `pnpm bench --light`: only the light-client measures, as a run of its own, in the shape of the
 * other runs (`light` filled, the stock-client measures empty) so the report and the saved JSON
 * read the same way.
 */
export async function runLightBench(
  mode: LightMode,
  log: (line: string) => void = () => {},
): Promise<BenchResults> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machineBefore = await describeMachine();
  const context = new BenchContext();
  const stamp = (line: string) =>
    log(`${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}`);
  try {
    const light = await runLight(mode, context, stamp);
    return {
      mode: { ...BENCH_MODES[mode.name], setups: [], editors: [], sweepOnly: true },
      startedAt,
      durationMs: performance.now() - started,
      machineBefore,
      machineAfter: await describeMachine(),
      labels: {} as Record<SetupId, string>,
      load: [],
      history: [],
      idle: [],
      ack: [],
      errors: light.errors,
      light,
    };
  } finally {
    await context.cleanup();
  }
}
