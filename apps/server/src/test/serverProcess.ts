import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connectClient, type TestClient } from './clients.ts';
import { type AccountsLocation, issueSession } from './issueSession.ts';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  syncUrl: string;
  /** Cookie header of an administrator's session on this server's database. */
  cookie: string;
  /** The stock y-websocket client, signed in as that administrator. */
  connect(board: string, options?: Parameters<typeof connectClient>[2]): TestClient;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The real server as its own process (`node src/main.ts`, or another checkout's `main`, for
 * before/after measurements), on a free port.
 */
export async function spawnServer(
  env: Record<string, string>,
  mainFile: string = main,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [mainFile], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output.join('\n')}`)),
      15_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        output.push(line);
        if (line.includes('"listening"')) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { port: number }).port);
        }
        newline = buffer.indexOf('\n');
      }
    });
    void exited.then(() => reject(new Error(`server exited:\n${output.join('\n')}`)));
  });
  const location: AccountsLocation = env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL, schema: env.DATABASE_SCHEMA ?? 'public' }
    : { dataDir: env.DATA_DIR ?? 'data' };
  // Sessions live in the database: one issued for the first start works after restarts too.
  const { cookie } = await issueSession(location, { admin: true });
  const syncUrl = `ws://127.0.0.1:${port}/sync`;
  return {
    child,
    port,
    syncUrl,
    cookie,
    connect: (board, options = {}) =>
      connectClient(syncUrl, board, { ...options, headers: { cookie, ...options.headers } }),
    output,
    exited,
  };
}
