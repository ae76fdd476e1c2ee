import type { SetupId } from './setups.ts';

/** Everything one `pnpm bench` run measures, and how hard. */
export interface BenchMode {
  name: 'quick' | 'full' | 'smoke';
  setups: SetupId[];
  /** Editors on the board at each point of the sweep. */
  editors: number[];
  editsPerSecond: number;
  /** Runs of each point; the one with the median p99 is reported. */
  repeats: number;
  warmupMs: number;
  measureMs: number;
  drainTimeoutMs: number;
  /** A setup leaves the sweep after this many points in a row with p99 over `giveUpP99Ms`. */
  giveUpAfter: number;
  giveUpP99Ms: number;
  /**
   * A point during which other processes used more than `noiseLimitPercent` of a core is
   * measured again, up to `remeasure` times; the quietest attempt is kept.
   */
  noiseLimitPercent: number;
  remeasure: number;
  historyUpdates: number;
  historyRepeats: number;
  idleBoards: number;
  /** Pause before each memory reading of the idle-board measure. */
  idleSettleMs: number;
  ackSamples: number;
  /** Only the latency sweep (for investigating one point; never for the recorded run). */
  sweepOnly?: boolean;
}

/**
 * The recorded comparison: ours, each peer as it ships (in memory) and each peer with its own
 * persistence; Hocuspocus with persistence runs with its broadcast batching tuned as ours paces
 * (the fairest Hocuspocus). `hocuspocus-tuned` and `hocuspocus-sqlite` (defaults) are for --only.
 */
const ALL: SetupId[] = [
  'ours-sqlite',
  'ours-pg-redis',
  'reference',
  'reference-leveldb',
  'hocuspocus',
  'hocuspocus-sqlite-tuned',
];

/** Every setup there is: the smoke run proves each of them works. */
const EVERY: SetupId[] = [
  'ours-sqlite',
  'ours-pg-redis',
  'reference',
  'reference-leveldb',
  'hocuspocus',
  'hocuspocus-tuned',
  'hocuspocus-sqlite',
  'hocuspocus-sqlite-tuned',
];

export const BENCH_MODES: Record<BenchMode['name'], BenchMode> = {
  /** The default: every measure, small, in under two minutes. */
  quick: {
    name: 'quick',
    setups: ALL,
    editors: [10, 100, 200],
    editsPerSecond: 2,
    repeats: 1,
    warmupMs: 1000,
    measureMs: 3000,
    drainTimeoutMs: 3000,
    giveUpAfter: 2,
    giveUpP99Ms: 2000,
    noiseLimitPercent: 15,
    remeasure: 1,
    historyUpdates: 10_000,
    historyRepeats: 1,
    idleBoards: 200,
    idleSettleMs: 1000,
    ackSamples: 100,
  },
  /** The recorded run of docs/benchmarks.md. */
  full: {
    name: 'full',
    setups: ALL,
    editors: [10, 50, 100, 125, 150, 175, 200, 225, 250, 300, 400],
    editsPerSecond: 2,
    repeats: 3,
    warmupMs: 3000,
    measureMs: 10_000,
    drainTimeoutMs: 10_000,
    giveUpAfter: 2,
    giveUpP99Ms: 1000,
    noiseLimitPercent: 15,
    remeasure: 3,
    historyUpdates: 100_000,
    historyRepeats: 3,
    idleBoards: 1000,
    idleSettleMs: 1000,
    ackSamples: 1000,
  },
  /** CI: proves the harness works against every setup; the numbers mean nothing. */
  smoke: {
    name: 'smoke',
    setups: EVERY,
    editors: [4],
    editsPerSecond: 2,
    repeats: 1,
    warmupMs: 300,
    measureMs: 2000,
    drainTimeoutMs: 5000,
    giveUpAfter: 2,
    giveUpP99Ms: 2000,
    noiseLimitPercent: 100,
    remeasure: 0,
    historyUpdates: 300,
    historyRepeats: 1,
    idleBoards: 20,
    idleSettleMs: 100,
    ackSamples: 10,
  },
};
