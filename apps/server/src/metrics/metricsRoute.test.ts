import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testScope } from '../test/testScope.ts';
import { tempDir } from '../test/testServer.ts';
import { readSample } from './readSample.ts';

const { server } = testScope();
const token = 'metrics-token-0123456789abcdef';

describe('GET /metrics', () => {
  it('answers the token’s bearer in Prometheus text format, Node’s own metrics included', async () => {
    const s = await server({ metrics: true, metricsToken: token });
    const res = await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(readSample(text, 'fdr_connections')).toBe(0);
    expect(readSample(text, 'fdr_boards_loaded')).toBe(0);
    expect(text).toContain('# TYPE fdr_updates_total counter');
    expect(text).toContain('# TYPE fdr_storage_append_seconds histogram');
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
    expect(text).toContain('process_cpu_seconds_total');
    // The README lists every metric of the server's own.
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const names = [...text.matchAll(/^# TYPE (fdr_\w+) /gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(11);
    for (const name of names) expect(readme).toContain(`| \`${name}\` |`);
    // Scrapes are not logged; they would drown the log.
    expect(s.logs.some((l) => l.msg === 'request' && l.path === '/metrics')).toBe(false);
  });

  it('answers 401 and no metrics without the token, or with a wrong one', async () => {
    const s = await server({ metrics: true, metricsToken: token });
    for (const authorization of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Basic ${Buffer.from(`x:${token}`).toString('base64')}`,
      token,
    ]) {
      const res = await fetch(`${s.url}/metrics`, {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      const body = await res.text();
      expect(body).not.toContain('fdr_');
      expect(body).not.toContain('nodejs_');
    }
    // A refused scrape is logged, as any request.
    expect(
      s.logs.some((l) => l.msg === 'request' && l.path === '/metrics' && l.status === 401),
    ).toBe(true);
  });

  it('is 404 when off, even with a token and where the web app answers every other path', async () => {
    const web = join(tempDir(), 'dist');
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app shell</title>');
    const s = await server({ webDist: web, metricsToken: token });
    expect((await fetch(`${s.url}/b/some-board`)).status).toBe(200);
    const res = await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('fdr_');
  });

  it('keeps one registry per server: two in one process count apart', async () => {
    const a = await server({ metrics: true, metricsToken: token });
    const b = await server({ metrics: true, metricsToken: token });
    const c = a.connect('apart');
    await c.synced;
    const scrape = async (url: string) =>
      (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(readSample(await scrape(a.url), 'fdr_connections')).toBe(1);
    expect(readSample(await scrape(b.url), 'fdr_connections')).toBe(0);
    c.destroy();
  });
});
