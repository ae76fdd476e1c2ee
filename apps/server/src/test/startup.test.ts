import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { tempDir } from './testServer.ts';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the real server on a data folder until it exits. */
function run(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    // Started after all: stop it so the test fails on the assertions rather than hanging.
    if (stdout.includes('"listening"')) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

function expectOneClearLine(
  result: { code: number | null; stdout: string; stderr: string },
  file: string,
) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toContain('pnpm admin restore');
  // No stack trace anywhere, in the log either.
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/\bat .*\.ts:\d+/);
}

describe('starting with metrics on', () => {
  it('without a token: one configuration line, exit 2, never listening', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const result = await run(dir, { METRICS: 'on', METRICS_TOKEN: '' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^Configuration error: METRICS=on requires METRICS_TOKEN \(a secret of at least 16 characters/,
    );
    expect(result.stdout).not.toContain('"listening"');
  });
});

describe('starting on a damaged database', () => {
  it('a file that is not a database: one line naming it and what to do, exit 1', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'boards.sqlite');
    writeFileSync(file, randomBytes(20_000));
    expectOneClearLine(await run(dir), file);
  });

  it('a truncated database: the same', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'boards.sqlite');
    const storage = new SqliteStorage({ file });
    for (let i = 0; i < 100; i++) await storage.append(`b${i % 5}`, [new Uint8Array(3000).fill(i)]);
    await storage.close();
    truncateSync(file, 16_384);
    expectOneClearLine(await run(dir), file);
  });
});
