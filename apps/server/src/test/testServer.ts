import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { BoardRole } from '@fdr/model';
import { type Config, loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { type RunningServer, startServer } from '../startServer.ts';
import type { Storage } from '../storage/Storage.ts';
import { connectClient, type TestClient } from './clients.ts';
import { type IssuedSession, issueSession } from './issueSession.ts';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Cookie header of an administrator's session (acts as secretariat on every board). */
  cookie: string;
  /** The stock y-websocket client, signed in as that administrator. */
  connect(board: string, options?: Parameters<typeof connectClient>[2]): TestClient;
  /** Another user with a role on a board. */
  session(board: string, role: BoardRole, cardIds?: string[]): Promise<IssuedSession>;
  /** `ws://127.0.0.1:port/sync`: the y-websocket server URL (the board id is appended). */
  syncUrl: string;
  logs: LogLine[];
  /** Closes the server (if still open) and removes its data folder. */
  dispose(): Promise<void>;
}

export function tempDir(prefix = 'fdr-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real server on a free loopback port with a real SQLite file in a fresh temp folder. */
export async function startTestServer(
  overrides: Partial<Config> = {},
  options: { storage?: Storage; keepDataDir?: boolean; oidcFetch?: typeof fetch } = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDir();
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    webDist: join(dataDir, 'no-web-build'),
    unloadDelayMs: 60_000,
    // Cheap password hashes: tests hash many.
    scryptLog2N: 10,
    ...overrides,
  };
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n'))
        if (line) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const server = await startServer(config, {
    logger,
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.oidcFetch ? { oidcFetch: options.oidcFetch } : {}),
  });
  let disposed = false;
  const admin = await issueSession(server.auth.store, { admin: true });
  return {
    ...server,
    cookie: admin.cookie,
    connect: (board, clientOptions = {}) =>
      connectClient(`ws://127.0.0.1:${server.port}/sync`, board, {
        ...clientOptions,
        headers: { cookie: admin.cookie, ...clientOptions.headers },
      }),
    session: (board, role, cardIds) =>
      issueSession(server.auth.store, { board, role, cardIds: cardIds ?? [] }),
    dataDir,
    syncUrl: `ws://127.0.0.1:${server.port}/sync`,
    logs,
    async dispose() {
      if (disposed) return;
      disposed = true;
      await server.close();
      if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
