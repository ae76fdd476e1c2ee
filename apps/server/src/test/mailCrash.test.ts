import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '../auth/AccountStore.ts';
import { sqliteExecutor } from '../auth/SqlExecutor.ts';
import { enqueueMail } from '../mail/enqueueMail.ts';
import { startMailRelay } from './mailRelay.ts';
import { spawnServer } from './serverProcess.ts';
import { tempDir } from './testServer.ts';

describe('the outbox across a kill -9', () => {
  it('delivers every message after a restart, only the one in flight possibly twice', async () => {
    const relay = await startMailRelay({ delayMs: 15 });
    const dataDir = tempDir();
    const env = {
      DATA_DIR: dataDir,
      SMTP_URL: relay.url,
      MAIL_FROM: 'roadmap@example.ca',
      MAIL_POLL_MS: '100',
      MAIL_BATCH: '20',
      MAIL_LEASE_MS: '3000',
      MAIL_SEND_TIMEOUT_MS: '1000',
    };
    const count = 150;
    let first = await spawnServer(env);
    try {
      // Written by another connection, as another process's transaction would.
      const db = new DatabaseSync(join(dataDir, 'boards.sqlite'));
      db.exec('PRAGMA busy_timeout = 5000');
      const store = await AccountStore.open(sqliteExecutor(db));
      await store.executor.transaction(async (tx) => {
        for (let i = 0; i < count; i++) {
          await enqueueMail(tx, {
            key: `password-reset:crash:${i}`,
            kind: 'password-reset',
            email: `person${i}@example.ca`,
            lang: 'fr',
            payload: { name: `Person ${i}`, link: `http://127.0.0.1/reset#t${i}` },
          });
        }
      });
      // Killed in the middle of a batch (messages are sent one by one, 20 to a batch).
      await relay.waitFor(47, 30_000);
      first.child.kill('SIGKILL');
      await first.exited;
      const atKill = relay.received.length;
      const started = Date.now();
      first = await spawnServer(env);
      const unique = () => new Set(relay.received.map((m) => m.messageId)).size;
      while (unique() < count && Date.now() - started < 40_000) {
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 500));
      const ids = relay.received.map((m) => m.messageId);
      const duplicates = ids.length - new Set(ids).size;
      expect(new Set(ids).size).toBe(count);
      expect(duplicates).toBeLessThanOrEqual(1);
      const [row] = await store.executor.all(
        "SELECT COUNT(*) AS n FROM mail_outbox WHERE state = 'sent'",
      );
      expect(Number(row!.n)).toBe(count);
      console.log(
        `kill -9 after ${atKill} of ${count} messages: all ${count} delivered ${Date.now() - started} ms after the restart began, ${duplicates} sent twice`,
      );
      await store.close();
    } finally {
      first.child.kill('SIGKILL');
      await first.exited;
      await relay.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
