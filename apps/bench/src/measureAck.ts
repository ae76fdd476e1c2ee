import { connectEditor } from './connectEditor.ts';
import { LatencyHistogram } from './LatencyHistogram.ts';
import type { Setup } from './setups.ts';

export interface AckRow {
  setup: Setup['id'];
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Time to persist, as a client sees it: one editor alone on a board makes an edit, waits for the
 * server's acknowledgement, pauses, and again. Ours acknowledges (echoes) an update only once it
 * is stored durably (fsync with SQLITE_SYNCHRONOUS=FULL, a PostgreSQL commit); the reference
 * echoes it once applied in memory, Hocuspocus sends its sync-status once applied in memory.
 * Neither of them has stored anything at that point.
 */
export async function measureAck(setup: Setup, samples: number): Promise<AckRow> {
  const running = await setup.start();
  let acked: (() => void) | null = null;
  const editor = connectEditor(running.endpoints[0]!, 'ack', {
    onAck: () => {
      acked?.();
      acked = null;
    },
  });
  try {
    await editor.synced;
    const histogram = new LatencyHistogram();
    const map = editor.doc.getMap<number>('m');
    for (let i = 0; i < samples; i++) {
      const ack = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${setup.id}: no ack in 10 s`)), 10_000);
        acked = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      const started = performance.now();
      map.set(`k${i % 50}`, i);
      await ack;
      histogram.record(performance.now() - started);
      await new Promise((r) => setTimeout(r, 5));
    }
    return {
      setup: setup.id,
      samples,
      p50: histogram.percentile(0.5),
      p99: histogram.percentile(0.99),
      max: histogram.max,
    };
  } finally {
    editor.destroy();
    await running.stop();
  }
}
