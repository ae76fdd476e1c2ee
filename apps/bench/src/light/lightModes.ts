import { availableParallelism } from 'node:os';
import type { LightSetupId } from './runLightLoad.ts';

/** How hard `pnpm bench --light` pushes. */
export interface LightMode {
  name: 'quick' | 'full' | 'smoke';
  setups: LightSetupId[];
  /** Editors on one board, ramped in this order. */
  editors: number[];
  editsPerSecond: number;
  /** The ramp of a setup stops after a point over this p99... */
  stopP99Ms: number;
  /** ...once it has measured this many editors (the target): a ramp always reaches it... */
  targetEditors: number;
  /** ...unless p99 passed this (the server is far past its capacity), or RSS passed the bound. */
  giveUpP99Ms: number;
  maxServerRssBytes: number;
  /** The many-boards measure: clients spread evenly over boards, each client editing rarely. */
  manyClients: number;
  manyBoards: number;
  manyEditsPerSecond: number;
  warmupMs: number;
  measureMs: number;
  /** The many-boards measure has few edits per client: a longer window. */
  manyMeasureMs: number;
  drainTimeoutMs: number;
  workers: number;
  connectConcurrency: number;
  connectTimeoutMs: number;
  /**
   * Before each point, wait up to `quietWaitMs` for other processes to use at most
   * `noiseLimitPercent` of a core; a point during which they used more is measured again, up to
   * `remeasure` times, and the quietest attempt kept.
   */
  noiseLimitPercent: number;
  quietWaitMs: number;
  remeasure: number;
  /**
   * Settings for our servers, for investigating a limit (e.g. SQLITE_SYNCHRONOUS=NORMAL); the
   * recorded run keeps every default. Shown in the report.
   */
  serverEnv?: Record<string, string>;
}

/** `ours-before` runs only when BENCH_BASELINE_ROOT names an earlier checkout (setups.ts). */
const SETUPS: LightSetupId[] = ['ours-sqlite', 'ours-before', 'ours-pg-redis', 'raw-relay'];
const GiB = 1024 * 1024 * 1024;

export const LIGHT_MODES: Record<LightMode['name'], LightMode> = {
  /** The default of `--light`: a short ramp and 1,000 clients over 100 boards, a few minutes. */
  quick: {
    name: 'quick',
    setups: SETUPS,
    editors: [100, 400, 1000],
    editsPerSecond: 2,
    stopP99Ms: 50,
    targetEditors: 1000,
    giveUpP99Ms: 1000,
    maxServerRssBytes: GiB,
    manyClients: 1000,
    manyBoards: 100,
    manyEditsPerSecond: 0.1,
    warmupMs: 1000,
    measureMs: 4000,
    manyMeasureMs: 10_000,
    drainTimeoutMs: 5000,
    workers: availableParallelism(),
    connectConcurrency: 50,
    connectTimeoutMs: 60_000,
    noiseLimitPercent: 25,
    quietWaitMs: 10_000,
    remeasure: 0,
  },
  /** The recorded run. */
  full: {
    name: 'full',
    setups: SETUPS,
    editors: [100, 200, 400, 700, 1000, 1500, 2000],
    editsPerSecond: 2,
    stopP99Ms: 50,
    targetEditors: 1000,
    giveUpP99Ms: 1000,
    maxServerRssBytes: GiB,
    manyClients: 10_000,
    manyBoards: 1000,
    manyEditsPerSecond: 0.1,
    warmupMs: 3000,
    measureMs: 10_000,
    manyMeasureMs: 20_000,
    drainTimeoutMs: 10_000,
    workers: availableParallelism(),
    connectConcurrency: 50,
    connectTimeoutMs: 120_000,
    noiseLimitPercent: 25,
    quietWaitMs: 15_000,
    remeasure: 0,
  },
  /** The test: every setup, tiny; the numbers mean nothing. */
  smoke: {
    name: 'smoke',
    setups: SETUPS,
    editors: [6],
    editsPerSecond: 2,
    stopP99Ms: 50,
    targetEditors: 6,
    giveUpP99Ms: 5000,
    maxServerRssBytes: GiB,
    manyClients: 12,
    manyBoards: 4,
    manyEditsPerSecond: 1,
    warmupMs: 300,
    measureMs: 2000,
    manyMeasureMs: 2000,
    drainTimeoutMs: 5000,
    workers: 2,
    connectConcurrency: 5,
    connectTimeoutMs: 30_000,
    noiseLimitPercent: 100,
    quietWaitMs: 0,
    remeasure: 0,
  },
};
