import * as Y from 'yjs';
import { connectEditor } from './connectEditor.ts';
import { rssBytes } from './ProcessSampler.ts';
import { SETUP_FACTS, type Setup } from './setups.ts';

export interface IdleBoardsOptions {
  boards: number;
  concurrency: number;
  settleMs: number;
}

export interface IdleBoardsRow {
  setup: Setup['id'];
  boards: number;
  /** Resident set of the fresh process (ten boards loaded), after the first and second batch. */
  rssStartBytes: number;
  rssFirstBytes: number;
  rssSecondBytes: number;
  /** (first - start) / boards: includes the V8 heap growing to its working size. */
  firstPerBoardBytes: number;
  /** (second - first) / boards: what one more idle board costs a process already serving many. */
  marginalPerBoardBytes: number;
}

/** A small board: ten cards of six fields, about 1 kB encoded. */
function smallBoard(): Y.Doc {
  const doc = new Y.Doc();
  // Not the model's `cards` root: our server keeps that one valid by the model and would remove
  // these free-form records, so the boards would not be what the other servers hold.
  const cards = doc.getMap<Y.Map<unknown>>('benchCards');
  doc.transact(() => {
    for (let i = 0; i < 10; i++) {
      const card = new Y.Map<unknown>();
      card.set('title', `Card ${i}`);
      card.set('domain', `d${i % 3}`);
      card.set('x', i * 120);
      card.set('y', (i % 4) * 90);
      card.set('w', 110);
      card.set('h', 80);
      cards.set(`c${i}`, card);
    }
  });
  return doc;
}

/**
 * Memory of loaded, idle boards: each board is opened by one client that brings a small board,
 * syncs and leaves; the server keeps it in memory (ours because UNLOAD_DELAY_MS is set high, the
 * reference because it never unloads without persistence). VmRSS of the server process is read on
 * the fresh process, after `boards` boards and after `boards` more. The first batch also pays for
 * V8 growing its young generation under the allocation rate of the connections (tens of MB, once);
 * the second is the marginal cost of a board. Hocuspocus (in memory or stored) and the reference
 * server with y-leveldb unload a document when its last connection leaves, so they have no idle
 * loaded board to measure.
 */
export async function measureIdleBoards(
  setup: Setup,
  options: IdleBoardsOptions,
): Promise<IdleBoardsRow | null> {
  if (!SETUP_FACTS[setup.id].keepsIdleBoards) return null;
  const running = await setup.start({ env: { UNLOAD_DELAY_MS: '86400000' } });
  try {
    const endpoint = running.endpoints[0]!;
    const pid = running.processes[0]!.pid;
    const open = async (name: string) => {
      const editor = connectEditor(endpoint, name, { doc: smallBoard() });
      try {
        await editor.synced;
      } finally {
        editor.destroy();
      }
    };
    const openAll = async (prefix: string, count: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: options.concurrency }, async () => {
          while (next < count) await open(`${prefix}-${next++}`);
        }),
      );
    };
    await openAll('warm', 10);
    await sleep(options.settleMs);
    const start = rssBytes(pid);
    await openAll('first', options.boards);
    await sleep(options.settleMs);
    const first = rssBytes(pid);
    await openAll('second', options.boards);
    await sleep(options.settleMs);
    const second = rssBytes(pid);
    return {
      setup: setup.id,
      boards: options.boards,
      rssStartBytes: start,
      rssFirstBytes: first,
      rssSecondBytes: second,
      firstPerBoardBytes: (first - start) / options.boards,
      marginalPerBoardBytes: (second - first) / options.boards,
    };
  } finally {
    await running.stop();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
