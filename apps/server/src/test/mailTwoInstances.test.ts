import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { AccountStore } from '../auth/AccountStore.ts';
import { pgExecutor } from '../auth/SqlExecutor.ts';
import { createLogger } from '../logger.ts';
import { enqueueMail } from '../mail/enqueueMail.ts';
import { MailSender } from '../mail/MailSender.ts';
import { PgStorage } from '../storage/PgStorage.ts';
import { startMailRelay } from './mailRelay.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `fdr_test_${randomBytes(6).toString('hex')}`;

afterAll(async () => {
  await PgStorage.dropSchema({ connectionString: DATABASE_URL, schema });
});

async function openStore(): Promise<AccountStore> {
  const pool = new pg.Pool({
    connectionString: DATABASE_URL,
    options: `-c search_path=${schema}`,
    max: 4,
  });
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  return AccountStore.open(pgExecutor(pool));
}

describe('two instances sending one PostgreSQL outbox', () => {
  it('sends every message once, shared between them', async () => {
    const relay = await startMailRelay();
    const [one, two] = [await openStore(), await openStore()];
    const count = 200;
    await one.executor.transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        await enqueueMail(tx, {
          key: `password-reset:pg:${i}`,
          kind: 'password-reset',
          email: `person${i}@example.ca`,
          lang: 'en',
          payload: { name: `Person ${i}`, link: `http://127.0.0.1/reset#t${i}` },
        });
      }
    });
    const sentBy = new Map<string, number>();
    const sender = (store: AccountStore, name: string) => {
      const sink = new Writable({
        write(chunk, _encoding, done) {
          for (const line of String(chunk).split('\n').filter(Boolean)) {
            if ((JSON.parse(line) as { msg: string }).msg === 'mail sent')
              sentBy.set(name, (sentBy.get(name) ?? 0) + 1);
          }
          done();
        },
      });
      return new MailSender({
        sql: store.executor,
        smtpUrl: relay.url,
        from: 'roadmap@example.ca',
        logger: createLogger('info', sink),
        instanceId: name,
        batch: 5,
        pollMs: 50,
        leaseMs: 30_000,
        retryMaxAttempts: 5,
        retryBaseMs: 100,
        retryMaxDelayMs: 1000,
        sendTimeoutMs: 5000,
      });
    };
    const senders = [sender(one, 'a'), sender(two, 'b')];
    const started = Date.now();
    for (const s of senders) s.start();
    try {
      await relay.waitFor(count, 50_000);
      const elapsed = Date.now() - started;
      await new Promise((r) => setTimeout(r, 500));
      const ids = relay.received.map((m) => m.messageId);
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      // Both took part (SKIP LOCKED hands each its own rows).
      expect(sentBy.get('a')).toBeGreaterThan(0);
      expect(sentBy.get('b')).toBeGreaterThan(0);
      expect((sentBy.get('a') ?? 0) + (sentBy.get('b') ?? 0)).toBe(count);
      const [row] = await one.executor.all(
        "SELECT COUNT(*) AS n FROM mail_outbox WHERE state = 'sent' AND attempts = 1",
      );
      expect(Number(row!.n)).toBe(count);
      console.log(
        `two instances on PostgreSQL: ${count} messages in ${elapsed} ms (a: ${sentBy.get('a')}, b: ${sentBy.get('b')}), ${ids.length - new Set(ids).size} duplicates`,
      );
    } finally {
      for (const s of senders) await s.stop();
      await relay.close();
      await one.close();
      await two.close();
    }
  }, 60_000);
});
