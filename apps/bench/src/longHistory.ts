import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import * as Y from 'yjs';
import { connectEditor, type Editor, type Endpoint } from './connectEditor.ts';
import { type RunningSetup, SETUP_FACTS, type Setup, type StartOptions } from './setups.ts';

export interface LongHistoryOptions {
  updates: number;
  /** Cold loads (each on a freshly started server) and warm joins to take the median of. */
  repeats: number;
}

export interface LongHistoryRow {
  setup: Setup['id'];
  /** What was loaded: 'warm' (board in memory) or how the cold board was stored. */
  variant: string;
  updates: number;
  /** Sending the updates through the server (one message each, as the provider sends them). */
  seedMs: number;
  /**
   * Median time from a new client opening its connection until it holds every edit: its first
   * sync, or later when a server answers before it has loaded the board (the reference server
   * with y-leveldb reads its storage in the background and sends the board as an update).
   */
  joinMs: number;
  /** Median of our server's own "board loaded" figure (storage read and replay). */
  serverLoadMs: number | null;
  /** Our server's compaction of the whole history ("board compacted" at shutdown). */
  compactMs: number | null;
}

const CARDS = 300;

/**
 * A board with a long history: `updates` separate edits (a card of 300 moved each time, each its
 * own transaction and message), sent through the server by one stock client. Then the time a new
 * client takes to join it while it is in memory (every server), and, for every server that
 * stores boards, after a restart: a cold load from storage. Ours: once as the server leaves it
 * (compacted when it shuts down) and once as the raw log of every update (compaction disabled,
 * process killed). The persistent peers: as they leave it at a graceful stop (Hocuspocus stores
 * the whole state; the reference server with y-leveldb keeps its log of updates), every cold start
 * on a copy of that same data, since a peer may rewrite its storage while loading.
 */
export async function measureLongHistory(
  setup: Setup,
  options: LongHistoryOptions,
): Promise<LongHistoryRow[]> {
  const board = `history-${options.updates}`;
  const ours =
    setup.id === 'ours-sqlite' || setup.id === 'ours-before' || setup.id === 'ours-pg-redis';
  const stores = SETUP_FACTS[setup.id].stores;
  // The seeding client sends far more than a person: lift the per-connection message limits.
  const seedEnv = { MAX_MESSAGES_PER_SECOND: '1000000', MESSAGE_BUDGET_MS: '600000' };
  const rows: LongHistoryRow[] = [];
  const variants: { name: string; env: Record<string, string>; kill: boolean }[] = ours
    ? [
        { name: 'cold, compacted at shutdown', env: {}, kill: false },
        { name: 'cold, raw log', env: { COMPACT_THRESHOLD: '10000000' }, kill: true },
      ]
    : stores
      ? [{ name: 'cold, as stored at a graceful stop', env: {}, kill: false }]
      : [{ name: 'warm', env: {}, kill: false }];
  for (const variant of variants) {
    const startOptions: StartOptions = { env: { ...seedEnv, ...variant.env } };
    let running = await setup.start(startOptions);
    // Restarts reuse the data: our SQLite folder (the PostgreSQL schema is the run's), a peer's.
    if (running.dataDir) startOptions.dataDir = running.dataDir;
    const boardId = `${board}-${rows.length}`;
    const expected = new Y.Doc();
    let seedMs: number;
    // The seeding editor stays connected through the warm joins: in-memory Hocuspocus forgets a
    // document when its last connection leaves.
    const seeder = connectEditor(running.endpoints[0]!, boardId);
    try {
      seedMs = await seed(seeder, running.endpoints[0]!, boardId, options.updates, expected);
      // Warm: the board is in memory, as every server holds it right after the edits.
      const warm: number[] = [];
      for (let i = 0; i < options.repeats; i++) {
        warm.push(await join(running.endpoints[0]!, boardId, expected));
      }
      if (process.env.DEBUG_BENCH) console.log(setup.id, 'warm joins', warm);
      if (rows.length === 0) {
        rows.push({
          setup: setup.id,
          variant: 'warm (in memory)',
          updates: options.updates,
          seedMs,
          joinMs: median(warm),
          serverLoadMs: null,
          compactMs: null,
        });
      }
    } catch (error) {
      seeder.destroy();
      await running.stop('SIGKILL');
      throw error;
    }
    seeder.destroy();
    if (!stores) {
      await running.stop();
      continue;
    }
    if (!ours) {
      rows.push(
        await peerColdLoads(setup, startOptions, running, boardId, expected, seedMs, options),
      );
      continue;
    }
    // Every update is stored: the joins above were answered only after they were (write-ahead).
    await running.stop(variant.kill ? 'SIGKILL' : 'SIGTERM');
    let compactMs = variant.kill ? null : logFigure(running, 'board compacted', boardId);
    const cold: number[] = [];
    const loads: number[] = [];
    for (let i = 0; i < options.repeats; i++) {
      running = await setup.start(startOptions);
      const last = i === options.repeats - 1;
      try {
        cold.push(await join(running.endpoints[0]!, boardId, expected));
        // A joiner may be answered from storage before the board is built in memory: wait for
        // the build to end (its log line) before stopping, so the server load is measured too.
        const deadline = performance.now() + 60_000;
        while (
          logFigure(running, 'board loaded', boardId) === null &&
          performance.now() < deadline
        ) {
          await new Promise((r) => setTimeout(r, 20));
        }
      } finally {
        // Killed, so that the next start loads the board exactly as this one did; the last one
        // shuts down gracefully, compacting the raw log: that is the time to persist it whole.
        await running.stop(last && variant.kill ? 'SIGTERM' : 'SIGKILL');
      }
      // Read once the process is gone: its log may trail the websocket.
      const loaded = logFigure(running, 'board loaded', boardId);
      if (loaded !== null) loads.push(loaded);
      if (last && variant.kill) compactMs = logFigure(running, 'board compacted', boardId);
    }
    rows.push({
      setup: setup.id,
      variant: variant.name,
      updates: options.updates,
      seedMs,
      joinMs: median(cold),
      serverLoadMs: loads.length > 0 ? median(loads) : null,
      compactMs,
    });
  }
  return rows;
}

/**
 * A persistent peer's cold loads: stopped gracefully (each stores what it holds then), its data
 * kept aside, and every repeat a fresh start on a copy of it and one new client joining.
 */
async function peerColdLoads(
  setup: Setup,
  startOptions: StartOptions,
  running: RunningSetup,
  boardId: string,
  expected: Y.Doc,
  seedMs: number,
  options: LongHistoryOptions,
): Promise<LongHistoryRow> {
  const dataDir = running.dataDir;
  if (!dataDir) throw new Error(`${setup.id}: no data folder to restart on`);
  // The reference server with y-leveldb answers from memory while its writes queue behind one
  // another, and has no shutdown hook: stopped at once, it loses the queued edits. Give every
  // peer until its storage stops changing (2 s unchanged, 5 minutes at most) before the stop.
  const settleMs = await untilSettled(dataDir, 2000, 300_000);
  if (process.env.DEBUG_BENCH) console.log(setup.id, 'storage settled after', settleMs, 'ms');
  await running.stop('SIGTERM');
  const kept = mkdtempSync(joinPath(tmpdir(), 'fdr-sbs-kept-'));
  const cold: number[] = [];
  try {
    cpSync(dataDir, kept, { recursive: true });
    for (let i = 0; i < options.repeats; i++) {
      if (i > 0) {
        rmSync(dataDir, { recursive: true, force: true });
        cpSync(kept, dataDir, { recursive: true });
      }
      const restarted = await setup.start({ ...startOptions, dataDir });
      try {
        cold.push(await join(restarted.endpoints[0]!, boardId, expected));
      } finally {
        await restarted.stop('SIGKILL');
      }
    }
  } finally {
    rmSync(kept, { recursive: true, force: true });
  }
  if (process.env.DEBUG_BENCH) console.log(setup.id, 'cold joins', cold);
  return {
    setup: setup.id,
    variant: 'cold, as stored at a graceful stop',
    updates: options.updates,
    seedMs,
    joinMs: median(cold),
    serverLoadMs: null,
    compactMs: null,
  };
}

/** Waits until the files under `dir` keep the same sizes for `quietMs`; returns the time taken. */
async function untilSettled(dir: string, quietMs: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const footprint = () =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = joinPath(entry.parentPath, entry.name);
        return `${path}:${statSync(path, { throwIfNoEntry: false })?.size ?? 0}`;
      })
      .sort()
      .join('|');
  let last = footprint();
  let quietSince = performance.now();
  while (performance.now() - quietSince < quietMs) {
    if (performance.now() - started > timeoutMs) break;
    await new Promise((r) => setTimeout(r, 250));
    const now = footprint();
    if (now !== last) {
      last = now;
      quietSince = performance.now();
    }
  }
  return performance.now() - started - quietMs;
}

async function seed(
  editor: Editor,
  endpoint: Endpoint,
  board: string,
  updates: number,
  expected: Y.Doc,
): Promise<number> {
  await editor.synced;
  const started = performance.now();
  // A free-form root, not the model's `cards` (our server would correct records the model refuses).
  const cards = editor.doc.getMap<{ x: number; y: number }>('benchCards');
  for (let i = 0; i < updates; i++) {
    cards.set(`c${i % CARDS}`, { x: (i * 7) % 1600, y: (i * 13) % 900 });
    // Let the socket drain now and then; each set is still its own update message.
    if (i % 500 === 499) await new Promise((r) => setImmediate(r));
  }
  Y.applyUpdate(expected, Y.encodeStateAsUpdate(editor.doc));
  // Done when a fresh client sees the last edit: the server has handled every message.
  await waitUntil(async () => {
    // A server still working through the messages answers late: wait for it.
    const probe = connectEditor(endpoint, board, { timeoutMs: 300_000 });
    try {
      await probe.synced;
      return sameCards(probe.doc, expected);
    } finally {
      probe.destroy();
    }
  }, 600_000);
  return performance.now() - started;
}

/**
 * Time from opening a connection until the doc holds every edit: the first sync, or the update
 * that completes it when the server synced before it had loaded the board.
 */
async function join(endpoint: Endpoint, board: string, expected: Y.Doc): Promise<number> {
  const started = performance.now();
  const editor = connectEditor(endpoint, board, { timeoutMs: 60_000 });
  try {
    await editor.synced;
    if (sameCards(editor.doc, expected)) return performance.now() - started;
    return await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        editor.doc.off('update', check);
        reject(new Error(`${board}: joined with missing edits, still missing after 60 s`));
      }, 60_000);
      function check() {
        if (!sameCards(editor.doc, expected)) return;
        clearTimeout(timer);
        editor.doc.off('update', check);
        resolve(performance.now() - started);
      }
      editor.doc.on('update', check);
    });
  } finally {
    editor.destroy();
  }
}

function sameCards(doc: Y.Doc, expected: Y.Doc): boolean {
  const a = doc.getMap('benchCards').toJSON();
  const b = expected.getMap('benchCards').toJSON();
  return (
    Object.keys(b).length === Object.keys(a).length &&
    JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))
  );
}

function sortKeys(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1));
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error('the server never held every edit');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The `ms` of our server's last JSON log line `msg` about `board`, if it logged one. */
function logFigure(running: RunningSetup, msg: string, board: string): number | null {
  const lines = running.processes[0]!.output;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!line.includes(`"${msg}"`) || !line.includes(`"${board}"`)) continue;
    const ms = (JSON.parse(line) as { ms?: number }).ms;
    return typeof ms === 'number' ? ms : null;
  }
  return null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
