import { mkdirSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { openRawSocket } from './test/rawSocket.ts';
import { startTestServer, type TestServer, tempDir } from './test/testServer.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

async function server(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const s = await startTestServer(overrides);
  servers.push(s);
  return s;
}

describe('HTTP surface', () => {
  it('answers the health check with the storage state', async () => {
    const s = await server();
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', boards: 0, connections: 0 });
    expect(body.rssBytes).toBeGreaterThan(0);
    expect(body.eventLoopDelayMs).toMatchObject({
      p99: expect.any(Number),
      max: expect.any(Number),
    });
  });

  it('reports 503 when storage is gone', async () => {
    const s = await server();
    await s.storage.close();
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(503);
  });

  it('reports 503 when storage answers reads but every write fails (a full database)', async () => {
    const s = await server({ sqliteMaxBytes: 1 });
    await expect(s.storage.append('full', [new Uint8Array(16_384)])).rejects.toThrow(/full/i);
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'error', storage: 'unavailable' });
    expect(s.logs.some((l) => l.msg === 'health check: storage unavailable')).toBe(true);
  });

  it('lists the boards of the catalog, not every stored document', async () => {
    const s = await server();
    await s.storage.append('raw', [Uint8Array.of(0, 0)]);
    await s.storage.addToCatalog({
      id: 'listed',
      title: { fr: 'Listé', en: 'Listed' },
      template: 'blank',
      createdAt: 1,
    });
    const res = await fetch(`${s.url}/api/boards`, { headers: { cookie: s.cookie } });
    const body = (await res.json()) as { boards: { id: string }[] };
    expect(body.boards.map((b) => b.id)).toEqual(['listed']);
  });

  it('serves a bilingual placeholder with security headers when the web app is not built', async () => {
    const s = await server();
    const res = await fetch(`${s.url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Feuille de route');
    expect(html).toContain('lang="en"');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the built web app, with its shell for client-side routes', async () => {
    const web = join(tempDir(), 'dist');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app shell</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const s = await server({ webDist: web });
    expect(await (await fetch(`${s.url}/`)).text()).toContain('app shell');
    expect(await (await fetch(`${s.url}/b/some-board`)).text()).toContain('app shell');
    const js = await fetch(`${s.url}/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    // Hashed assets are cached for good; the shell is revalidated so a release is picked up.
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const shell = await fetch(`${s.url}/b/some-board`);
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${s.url}/api/nope`)).headers.get('cache-control') ?? '').not.toContain(
      'immutable',
    );
  });

  it('answers a missing build file with 404, not the app shell cached for a year', async () => {
    const web = join(tempDir(), 'dist');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app shell</title>');
    const s = await server({ webDist: web });
    const res = await fetch(`${s.url}/assets/index-0ld0ld.js`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('app shell');
    expect(res.headers.get('cache-control') ?? '').not.toContain('immutable');
  });

  it('sends the precompressed variant the browser accepts', async () => {
    const web = join(tempDir(), 'dist');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app shell</title>');
    const source = `console.log(${JSON.stringify('x'.repeat(5000))});`;
    writeFileSync(join(web, 'assets', 'big.js'), source);
    writeFileSync(join(web, 'assets', 'big.js.gz'), gzipSync(source));
    writeFileSync(join(web, 'assets', 'big.js.br'), brotliCompressSync(source));
    const s = await server({ webDist: web });
    const url = `${s.url}/assets/big.js`;
    // fetch decodes what it asked for; node:http shows the bytes on the wire.
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const req = httpGet(url, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
      });
    const br = await raw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(source);
    const gz = await raw('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(source);
    expect(gz.body.byteLength).toBeLessThan(source.length / 10);
    const plain = await raw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(source);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const s = await server();
    const res = await fetch(`${s.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not found' });
  });
});

describe('websocket handshake', () => {
  it('refuses a foreign Origin with 403 before any document byte', async () => {
    const s = await server();
    await expect(
      openRawSocket(`${s.syncUrl}/b1`, { origin: 'https://evil.example' }),
    ).rejects.toThrow('HTTP 403');
    expect(s.logs.some((l) => l.msg === 'websocket refused: origin not allowed')).toBe(true);
    expect(s.registry.loads).toBe(0);
  });

  it('accepts its own origin and the allowlist', async () => {
    const s = await server({ allowedOrigins: ['https://intranet.example'] });
    const own = await openRawSocket(`${s.syncUrl}/b1`, { origin: s.url, cookie: s.cookie });
    const listed = await openRawSocket(`${s.syncUrl}/b1`, {
      origin: 'https://intranet.example',
      cookie: s.cookie,
    });
    own.ws.close();
    listed.ws.close();
  });

  it('refuses an invalid board id and a plain GET', async () => {
    const s = await server();
    await expect(openRawSocket(`${s.syncUrl}/bad%20id`)).rejects.toThrow('HTTP 400');
    const plain = await fetch(`${s.url}/sync/b1`);
    expect(plain.status).toBe(426);
  });
});
