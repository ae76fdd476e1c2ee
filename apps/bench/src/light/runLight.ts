import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpuTicks, machineTicks } from '../ProcessSampler.ts';
import { type BenchContext, createSetups } from '../setups.ts';
import { spawnServer } from '../spawnServer.ts';
import type { LightMode } from './lightModes.ts';
import {
  type LightLoadResult,
  type LightRunningSetup,
  type LightSetupId,
  runLightLoad,
} from './runLightLoad.ts';

export interface LightRow extends LightLoadResult {
  setup: LightSetupId;
  measure: 'one-board' | 'many-boards';
  /** Measurements of this point, the kept one included (more when other processes were busy). */
  attempts: number;
}

export interface LightResults {
  mode: LightMode;
  labels: Record<LightSetupId, string>;
  /** The harness's open-file limit (each light client is a socket of this process). */
  fileLimit: string;
  rows: LightRow[];
  /** Why a ramp stopped, per setup. */
  stops: Partial<Record<LightSetupId, string>>;
  errors: string[];
}

const rawMain = fileURLToPath(new URL('../servers/rawBroadcastServer.ts', import.meta.url));

/**
 * Our two setups as the stock sweep starts them (`setups.ts`, every server setting at its
 * default: apps/server/src/config.ts has no per-address connection limit, one sign-in per start
 * gives the cookie every light client sends, and 2 messages a second per connection are far
 * under MAX_MESSAGES_PER_SECOND), and the raw relay.
 */
export function lightSetups(
  context: BenchContext,
  serverEnv: Record<string, string> = {},
): {
  id: LightSetupId;
  label: string;
  start(): Promise<LightRunningSetup & { stop(): Promise<void> }>;
}[] {
  const ours = createSetups(context).filter(
    (s) => s.id === 'ours-sqlite' || s.id === 'ours-before' || s.id === 'ours-pg-redis',
  );
  return [
    ...ours.map((setup) => ({
      id: setup.id as LightSetupId,
      label: setup.label,
      async start() {
        const running = await setup.start(
          Object.keys(serverEnv).length > 0 ? { env: serverEnv } : {},
        );
        return {
          id: setup.id as LightSetupId,
          endpoints: running.endpoints.map((e) => ({
            url: e.url,
            ...(e.cookie ? { cookie: e.cookie } : {}),
          })),
          processes: running.processes,
          handshake: true,
          services: setup.id === 'ours-pg-redis',
          stop: () => running.stop(),
        };
      },
    })),
    {
      id: 'raw-relay' as const,
      label: 'Raw ws relay (floor: no Yjs, no storage)',
      async start() {
        const server = await spawnServer({
          name: 'raw-relay',
          args: [rawMain],
          readyPort: (line) =>
            line.includes('"listening"') ? (JSON.parse(line) as { port: number }).port : null,
        });
        return {
          id: 'raw-relay' as const,
          endpoints: [{ url: `ws://127.0.0.1:${server.port}` }],
          processes: [server],
          handshake: false,
          services: false,
          stop: () => server.stop(),
        };
      },
    },
  ];
}

/**
 * The light-client measures of `mode`: for each setup, a ramp of editors on one board (until
 * p99 passes `stopP99Ms` once the target is measured, or RSS its bound), then many clients over
 * many boards. Every point starts its servers afresh.
 */
export async function runLight(
  mode: LightMode,
  context: BenchContext,
  log: (line: string) => void = () => {},
): Promise<LightResults> {
  const setups = lightSetups(context, mode.serverEnv).filter((s) => mode.setups.includes(s.id));
  const rows: LightRow[] = [];
  const stops: LightResults['stops'] = {};
  const errors: string[] = [];
  const stopped = new Set<LightSetupId>();
  let run = 0;
  const attemptOnce = async (
    setup: (typeof setups)[number],
    clients: number,
    boards: number,
    editsPerSecond: number,
    measureMs: number,
  ): Promise<LightLoadResult> => {
    const waited = await waitForQuiet(mode.noiseLimitPercent, mode.quietWaitMs);
    if (waited.otherPercent > mode.noiseLimitPercent) {
      log(
        `other processes still use ${waited.otherPercent.toFixed(0)}% of a core: measuring anyway`,
      );
    }
    const running = await setup.start();
    try {
      return await runLightLoad(running, {
        clients,
        boards,
        editsPerSecond,
        warmupMs: mode.warmupMs,
        measureMs,
        drainTimeoutMs: mode.drainTimeoutMs,
        workers: mode.workers,
        boardPrefix: `light-${run++}`,
        connectConcurrency: mode.connectConcurrency,
        connectTimeoutMs: mode.connectTimeoutMs,
      });
    } finally {
      await running.stop();
      await sleep(500);
    }
  };
  // One point; measured again while other processes were busy (the quietest attempt kept).
  const measure = async (
    setup: (typeof setups)[number],
    kind: LightRow['measure'],
    clients: number,
    boards: number,
    editsPerSecond: number,
    measureMs: number,
  ): Promise<LightRow | null> => {
    try {
      let kept: LightLoadResult | null = null;
      let attempts = 0;
      while (attempts <= mode.remeasure) {
        attempts++;
        const result = await attemptOnce(setup, clients, boards, editsPerSecond, measureMs);
        if (!kept || result.otherCpuPercent < kept.otherCpuPercent) kept = result;
        if (result.otherCpuPercent <= mode.noiseLimitPercent) break;
        if (attempts <= mode.remeasure) {
          log(
            `light ${setup.id} ${clients} clients: other processes used ${result.otherCpuPercent.toFixed(0)}% of a core, measuring again`,
          );
        }
      }
      const row: LightRow = { setup: setup.id, measure: kind, attempts, ...kept! };
      rows.push(row);
      log(
        `light ${setup.id} ${clients} clients on ${boards} board(s): p50 ${ms(row.p50)}, p99 ${ms(row.p99)}, ` +
          `server CPU ${row.serverCpuPercent.toFixed(0)}%, clients CPU ${row.clientCpuPercent.toFixed(0)}%, ` +
          `other CPU ${row.otherCpuPercent.toFixed(0)}%, ` +
          `RSS ${(row.serverRssMaxBytes / 2 ** 20).toFixed(0)} MB, connect ${(row.connectMs / 1000).toFixed(1)} s` +
          (row.disconnects > 0
            ? `, ${row.disconnects} disconnects ${JSON.stringify(row.closeReasons)}`
            : ''),
      );
      return row;
    } catch (error) {
      const text = `${kind} ${setup.id} ${clients} clients: ${error instanceof Error ? error.message : String(error)}`;
      errors.push(text);
      log(`FAILED ${text}`);
      return null;
    }
  };
  // Our setups far past their capacity before the target skip to the target point (its verdict
  // then rests on a measured number) and stop there.
  const skipToTarget = new Set<LightSetupId>();
  for (const editors of mode.editors) {
    for (const setup of setups) {
      if (stopped.has(setup.id)) continue;
      if (skipToTarget.has(setup.id) && editors !== mode.targetEditors) continue;
      const row = await measure(
        setup,
        'one-board',
        editors,
        1,
        mode.editsPerSecond,
        mode.measureMs,
      );
      const stop = !row
        ? 'the point failed'
        : row.serverRssMaxBytes > mode.maxServerRssBytes
          ? `server RSS ${(row.serverRssMaxBytes / 2 ** 20).toFixed(0)} MB over the bound at ${editors} editors`
          : !(row.p99 <= mode.giveUpP99Ms)
            ? `p99 ${ms(row.p99)} at ${editors} editors`
            : row.p99 > mode.stopP99Ms && editors >= mode.targetEditors
              ? `p99 ${ms(row.p99)} over ${mode.stopP99Ms} ms at ${editors} editors`
              : null;
      if (!stop) continue;
      const ours = setup.id !== 'raw-relay';
      if (
        ours &&
        editors < mode.targetEditors &&
        mode.editors.includes(mode.targetEditors) &&
        row
      ) {
        skipToTarget.add(setup.id);
        stops[setup.id] = `${stop}, then the target point only`;
      } else {
        stopped.add(setup.id);
        stops[setup.id] = skipToTarget.has(setup.id) ? `${stops[setup.id]} (${stop})` : stop;
      }
    }
  }
  for (const setup of setups) {
    if (!stops[setup.id]) stops[setup.id] = 'largest point of the mode reached';
  }
  // --light-clients=0: the ramp alone.
  for (const setup of mode.manyClients > 0 ? setups : []) {
    await measure(
      setup,
      'many-boards',
      mode.manyClients,
      mode.manyBoards,
      mode.manyEditsPerSecond,
      mode.manyMeasureMs,
    );
  }
  return {
    mode,
    labels: Object.fromEntries(setups.map((s) => [s.id, s.label])) as Record<LightSetupId, string>,
    fileLimit: spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim(),
    rows,
    stops,
    errors,
  };
}

/**
 * Waits (at most `maxWaitMs`) for a second during which processes other than this one used at
 * most `limitPercent` of a core: another run on the machine would be measured with ours.
 */
async function waitForQuiet(
  limitPercent: number,
  maxWaitMs: number,
): Promise<{ otherPercent: number }> {
  const until = performance.now() + maxWaitMs;
  for (;;) {
    const machine = machineTicks();
    const own = cpuTicks(process.pid);
    await sleep(1000);
    const otherPercent = Math.max(0, machineTicks() - machine - (cpuTicks(process.pid) - own));
    if (otherPercent <= limitPercent || performance.now() > until) return { otherPercent };
  }
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
