/**
 * A burst of concurrent sign-ins against the real server, at the production scrypt cost: how
 * many attempts get their password checked, and how long a static file takes meanwhile.
 *
 *   node reliability/signInBurst.ts [--burst 31] [--server path/to/main.ts]
 *
 * `--server` runs another checkout's server (e.g. the previous release) for a before/after.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../src/test/testServer.ts';
import { arg } from './prng.ts';

const burst = arg('burst', 31);
const main = process.argv.includes('--server')
  ? (process.argv[process.argv.indexOf('--server') + 1] ?? '')
  : fileURLToPath(new URL('../src/main.ts', import.meta.url));
const PASSWORD = 'correct horse battery staple';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function start(dataDir: string, webDist: string) {
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIST: webDist,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<{ child: ChildProcess; url: string; setup: string }>((resolve, reject) => {
    let buffer = '';
    let setup = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = JSON.parse(buffer.slice(0, nl)) as { msg: string; url?: string };
        buffer = buffer.slice(nl + 1);
        if (line.msg.startsWith('no administrator yet')) setup = String(line.url);
        if (line.msg === 'listening') resolve({ child, url: String(line.url), setup });
      }
    });
    child.once('exit', () => reject(new Error('server exited')));
  });
}

async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`static file answered ${res.status}`);
  return performance.now() - started;
}

const dataDir = tempDir('fdr-burst-');
const webDist = join(dataDir, 'web');
mkdirSync(join(webDist, 'assets'), { recursive: true });
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>shell</title>');
writeFileSync(join(webDist, 'assets', 'app.js'), `// ${'x'.repeat(200_000)}\n`);
const server = await start(dataDir, webDist);
try {
  const token = server.setup.split('#')[1];
  const created = await fetch(`${server.url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, email: 'target@gc.ca', name: 'Target', password: PASSWORD }),
  });
  if (created.status !== 201) throw new Error(`setup answered ${created.status}`);
  const asset = `${server.url}/assets/app.js`;
  const idle: number[] = [];
  for (let i = 0; i < 30; i++) idle.push(await timedGet(asset));

  const signIn = async (password: string) => {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'target@gc.ca', password }),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  };
  let done = false;
  const during: number[] = [];
  const sampler = (async () => {
    while (!done) during.push(await timedGet(asset));
  })();
  const started = performance.now();
  const results = await Promise.all([
    ...Array.from({ length: burst - 1 }, (_, i) => signIn(`wrong-guess-${i}-xxxxxxxx`)),
    signIn(PASSWORD),
  ]);
  const burstMs = performance.now() - started;
  done = true;
  await sampler;
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const sortedIdle = idle.sort((a, b) => a - b);
  const sortedDuring = during.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify(
      {
        server: main,
        burst,
        outcomes: counts,
        rightPassword: results.at(-1)?.status,
        burstMs: Math.round(burstMs),
        staticFileMs: {
          idle: { p50: round(percentile(sortedIdle, 50)), max: round(sortedIdle.at(-1) ?? 0) },
          duringBurst: {
            samples: during.length,
            p50: round(percentile(sortedDuring, 50)),
            p99: round(percentile(sortedDuring, 99)),
            max: round(sortedDuring.at(-1) ?? 0),
          },
        },
      },
      null,
      2,
    ),
  );
} finally {
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
