import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { waitFor } from './clients.ts';
import { spawnServer } from './serverProcess.ts';
import { tempDir } from './testServer.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function integrity(dataDir: string): string {
  const db = new DatabaseSync(join(dataDir, 'boards.sqlite'), { readOnly: true });
  const row = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
  db.close();
  return row.integrity_check;
}

describe('the server process', () => {
  it('loses nothing any client received when killed with SIGKILL mid-edit', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const cycles = 4;
    let checked = 0;
    for (let cycle = 0; cycle < cycles; cycle++) {
      // Alternate: frequent compactions (kills land inside them) and none (a compaction stores
      // the whole doc, which would hide a broadcast that ran ahead of its append).
      const env = { DATA_DIR: dataDir, COMPACT_THRESHOLD: cycle % 2 === 0 ? '40' : '1000000' };
      const server = await spawnServer(env);
      const clients = Array.from({ length: 6 }, () => {
        const received = new Y.Doc();
        return { received, ...server.connect('crash', { received }) };
      });
      await Promise.all(clients.map((c) => c.synced));
      let n = 0;
      const timers = clients.map((c, i) =>
        setInterval(() => c.doc.getMap('m').set(`cycle${cycle}-c${i}-${n++}`, n), 3),
      );
      await new Promise((r) => setTimeout(r, 250 + cycle * 97));
      server.child.kill('SIGKILL');
      await server.exited;
      for (const t of timers) clearInterval(t);
      // Every client dies with the server, so none can resend what it had.
      for (const c of clients) c.destroy();

      const restarted = await spawnServer(env);
      const fresh = restarted.connect('crash');
      await fresh.synced;
      const stored = fresh.doc.getMap('m');
      for (const c of clients) {
        for (const key of c.received.getMap('m').keys()) {
          expect(stored.has(key), `${key} was received before the kill`).toBe(true);
          checked++;
        }
      }
      fresh.destroy();
      restarted.child.kill('SIGTERM');
      expect((await restarted.exited).code).toBe(0);
      expect(integrity(dataDir)).toBe('ok');
    }
    // The check is only meaningful if clients had received edits.
    expect(checked).toBeGreaterThan(cycles * 20);
  }, 60_000);

  it('stores and compacts every board on SIGTERM, then serves them again', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const server = await spawnServer({ DATA_DIR: dataDir });
    // What the server sent back: an echo means stored.
    const received = new Y.Doc();
    const c = server.connect('graceful', { received });
    await c.synced;
    for (let i = 0; i < 50; i++) c.doc.getArray('a').push([i]);
    await waitFor(() => received.getArray('a').length === 50, 'every push echoed');
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output.some((l) => l.includes('"stopped"'))).toBe(true);
    c.destroy();

    const db = new DatabaseSync(join(dataDir, 'boards.sqlite'), { readOnly: true });
    const log = db
      .prepare("SELECT COUNT(*) AS n FROM board_updates WHERE board_id = 'graceful'")
      .get() as { n: number };
    db.close();
    expect(log.n).toBe(0);

    const again = await spawnServer({ DATA_DIR: dataDir });
    const d = again.connect('graceful');
    await d.synced;
    expect(d.doc.getArray('a').toArray()).toEqual(Array.from({ length: 50 }, (_, i) => i));
    d.destroy();
    again.child.kill('SIGTERM');
    await again.exited;
  }, 30_000);
});
