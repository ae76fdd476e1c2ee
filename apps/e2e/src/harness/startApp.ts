import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
/**
 * The build under test. `FDR_E2E_WEB_DIST` points at a copy when another build of the same
 * checkout may replace `apps/web/dist` mid-run (its chunk names change, and lazy pages 404).
 */
export const WEB_DIST = process.env.FDR_E2E_WEB_DIST ?? join(repo, 'apps/web/dist');
const MAIN = join(repo, 'apps/server/src/main.ts');
const ADMIN = join(repo, 'apps/server/src/admin/cli.ts');

export interface RunningApp {
  /** `http://127.0.0.1:port`, the only origin the browser may talk to. */
  url: string;
  /** Session cookie value of an administrator made with the operator CLI. */
  adminCookie: string;
  /** Creates an account with the CLI (and a role on a board), signs it in, returns its cookie. */
  signUp(options?: {
    name?: string;
    board?: string;
    role?: string;
    cards?: string[];
  }): Promise<{ email: string; password: string; cookie: string }>;
  port: number;
  dataDir: string;
  output: string[];
  stop(): Promise<void>;
}

/**
 * The real server (`node apps/server/src/main.ts`) serving the production web build, on a free
 * port with its own SQLite file in a temporary folder.
 */
export async function startApp(
  env: Record<string, string> = {},
  options: { provisionAdmin?: boolean } = {},
): Promise<RunningApp> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`no web build in ${WEB_DIST}: run "pnpm build" (pnpm test builds it first)`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'fdr-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIST,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output.join('\n')}`)),
      20_000,
    );
    let buffer = '';
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        output.push(line);
        if (line.includes('"listening"')) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { port: number }).port);
        }
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited:\n${output.join('\n')}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  let serial = 0;
  const signUp: RunningApp['signUp'] = async (options = {}) => {
    const email = `user${++serial}-${port}@e2e.example`;
    const password = `correct horse battery ${serial}`;
    // Asynchronous on purpose: a synchronous child blocks this process, and a pooled keep-alive
    // socket that the server closed meanwhile would be reused by the next fetch ("other side
    // closed").
    const admin = (args: string[], input = '') =>
      new Promise<void>((resolve, reject) => {
        const cli = spawn(process.execPath, [ADMIN, ...args], {
          env: { ...process.env, DATA_DIR: dataDir, SCRYPT_LOG2N: '12' },
          stdio: ['pipe', 'ignore', 'pipe'],
        });
        let stderr = '';
        cli.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        cli.once('error', reject);
        cli.once('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`admin ${args[0]} failed: ${stderr}`)),
        );
        cli.stdin.end(input);
      });
    await admin(
      [
        'create-user',
        '--email',
        email,
        '--name',
        options.name ?? `Personne ${serial}`,
        '--password-stdin',
        ...(options.role ? [] : ['--admin']),
      ],
      `${password}\n`,
    );
    if (options.board && options.role) {
      await admin([
        'grant',
        '--email',
        email,
        '--board',
        options.board,
        '--role',
        options.role,
        ...(options.cards ? ['--cards', options.cards.join(',')] : []),
      ]);
    }
    const res = await fetch(`${url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
    const cookie = (res.headers.get('set-cookie') ?? '')
      .split(';')[0]!
      .split('=')
      .slice(1)
      .join('=');
    return { email, password, cookie };
  };
  // Without it, the instance stays in its first-start state (the setup link in its log works).
  const admin = options.provisionAdmin === false ? null : await signUp({ name: 'Secrétariat E2E' });
  return {
    url,
    adminCookie: admin?.cookie ?? '',
    signUp,
    port,
    dataDir,
    output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
