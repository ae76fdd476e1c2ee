import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../sync/CloseCode.ts';
import { waitFor } from '../test/clients.ts';
import { openRawSocket } from '../test/rawSocket.ts';
import { testScope } from '../test/testScope.ts';
import type { TestServer } from '../test/testServer.ts';
import { readSample } from './readSample.ts';
import { closeCodeLabel, SyncMetrics } from './SyncMetrics.ts';

const { server, client } = testScope();
const token = 'metrics-token-0123456789abcdef';

async function scrape(s: TestServer): Promise<string> {
  const res = await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.text();
}

describe('sync metrics, from a real server and the stock client', () => {
  it('count an edit in, its storage, its broadcast, the connection and its board', async () => {
    const s = await server({ metrics: true, metricsToken: token });
    const c = client(s, 'measured');
    await c.synced;
    c.doc.getMap('m').set('card', 'moved');
    // The echo of the edit is its acknowledgement: once it is back, it was stored and broadcast.
    await waitFor(
      async () => (readSample(await scrape(s), 'fdr_update_broadcast_seconds_count') ?? 0) >= 1,
      'the edit was broadcast',
    );
    const text = await scrape(s);
    expect(readSample(text, 'fdr_connections')).toBe(1);
    expect(readSample(text, 'fdr_boards_loaded')).toBe(1);
    expect(readSample(text, 'fdr_updates_total')).toBeGreaterThanOrEqual(1);
    expect(readSample(text, 'fdr_messages_received_total')).toBeGreaterThanOrEqual(1);
    // At least the greeting (sync step 1) and the edit's echo.
    expect(readSample(text, 'fdr_messages_sent_total')).toBeGreaterThanOrEqual(2);
    expect(readSample(text, 'fdr_storage_append_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(readSample(text, 'fdr_storage_append_seconds_sum')).toBeGreaterThan(0);
    expect(readSample(text, 'fdr_update_broadcast_seconds_sum')).toBeGreaterThan(0);
    expect(readSample(text, 'fdr_send_buffer_bytes')).toBeGreaterThanOrEqual(0);
    expect(readSample(text, 'fdr_send_buffer_max_bytes')).toBeGreaterThanOrEqual(0);
    expect(readSample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);

    c.destroy();
    await waitFor(
      async () => readSample(await scrape(s), 'fdr_connections') === 0,
      'the connection is gone',
    );
    // The stock client closes without a code.
    expect(readSample(await scrape(s), 'fdr_connections_closed_total', 'code="1005"')).toBe(1);
  });

  it('count a message over MAX_MESSAGE_BYTES and a text frame by their close codes', async () => {
    const s = await server({ metrics: true, metricsToken: token, maxMessageBytes: 32 * 1024 });
    const oversized = await openRawSocket(`${s.syncUrl}/refusing`, { cookie: s.cookie });
    oversized.ws.send(new Uint8Array(64 * 1024));
    expect((await oversized.closed).code).toBe(CloseCode.messageTooBig);
    const text = await openRawSocket(`${s.syncUrl}/refusing`, { cookie: s.cookie });
    text.ws.send('hello');
    expect((await text.closed).code).toBe(CloseCode.unsupportedData);
    await waitFor(
      async () => readSample(await scrape(s), 'fdr_connections') === 0,
      'both connections are gone',
    );
    const scraped = await scrape(s);
    expect(readSample(scraped, 'fdr_connections_rejected_total', 'code="1009"')).toBe(1);
    expect(readSample(scraped, 'fdr_connections_rejected_total', 'code="1003"')).toBe(1);
    expect(readSample(scraped, 'fdr_connections_closed_total', 'code="1009"')).toBe(1);
    expect(readSample(scraped, 'fdr_connections_closed_total', 'code="1003"')).toBe(1);
  });
});

describe('SyncMetrics', () => {
  it('samples the send buffers at scrape time: their total and the largest', async () => {
    const registry = new Registry();
    const sockets = [{ bufferedAmount: 10 }, { bufferedAmount: 4000 }, { bufferedAmount: 0 }];
    new SyncMetrics(registry, { connections: () => 3, boards: () => 2, sockets: () => sockets });
    let text = await registry.metrics();
    expect(readSample(text, 'fdr_send_buffer_bytes')).toBe(4010);
    expect(readSample(text, 'fdr_send_buffer_max_bytes')).toBe(4000);
    expect(readSample(text, 'fdr_connections')).toBe(3);
    expect(readSample(text, 'fdr_boards_loaded')).toBe(2);
    sockets.length = 0;
    text = await registry.metrics();
    expect(readSample(text, 'fdr_send_buffer_bytes')).toBe(0);
    expect(readSample(text, 'fdr_send_buffer_max_bytes')).toBe(0);
  });

  it('observes each update once, from applied to broadcast', async () => {
    const registry = new Registry();
    const metrics = new SyncMetrics(registry, {
      connections: () => 0,
      boards: () => 0,
      sockets: () => [],
    });
    const first = Uint8Array.of(1);
    const second = Uint8Array.of(2);
    metrics.applied(first);
    metrics.applied(second);
    metrics.broadcast([first]);
    metrics.broadcast([first, second, Uint8Array.of(3)]);
    const text = await registry.metrics();
    expect(readSample(text, 'fdr_updates_total')).toBe(2);
    expect(readSample(text, 'fdr_update_broadcast_seconds_count')).toBe(2);
  });

  it('names the standard close codes and ours, and only those', () => {
    expect(closeCodeLabel(1009)).toBe('1009');
    expect(closeCodeLabel(1006)).toBe('1006');
    expect(closeCodeLabel(CloseCode.sessionEnded)).toBe('4401');
    expect(closeCodeLabel(4999)).toBe('other');
    expect(closeCodeLabel(3000)).toBe('other');
    expect(closeCodeLabel(undefined)).toBe('none');
  });
});
