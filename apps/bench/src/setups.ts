import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Endpoint } from './connectEditor.ts';
import { type ServerProcess, spawnServer } from './spawnServer.ts';

/**
 * Our server is this repository's, or another checkout's (BENCH_OUR_ROOT, e.g. a git worktree of
 * a branch with its node_modules linked) to compare two versions with the same harness.
 */
const repoRoot = process.env.BENCH_OUR_ROOT ?? fileURLToPath(new URL('../../../', import.meta.url));
const ourMain = join(repoRoot, 'apps/server/src/main.ts');
/**
 * An earlier version of ours side by side in the same run (setup `ours-before`): a checkout of
 * that commit with its dependencies installed, e.g. `git worktree add --detach ../before <commit>`
 * then `pnpm install` there. BENCH_BASELINE_LABEL names it in the report.
 */
const baselineRoot = process.env.BENCH_BASELINE_ROOT;
const hocuspocusMain = fileURLToPath(new URL('./servers/hocuspocusServer.ts', import.meta.url));
const require = createRequire(import.meta.url);
/** The reference server's own bin script, run unmodified. */
const referenceMain = join(
  dirname(require.resolve('@y/websocket-server/package.json')),
  'src/server.js',
);

export type SetupId =
  | 'ours-sqlite'
  | 'ours-before'
  | 'ours-pg-redis'
  | 'reference'
  | 'reference-leveldb'
  | 'hocuspocus'
  | 'hocuspocus-tuned'
  | 'hocuspocus-sqlite'
  | 'hocuspocus-sqlite-tuned';

/**
 * Hocuspocus's `flushDelay` (its broadcast batching window, ms) for the `-tuned` setups: the value
 * of the tuning runs at 100 and 200 editors with the best p99 at 200 (CONTEXT.md lists the values
 * tried). BENCH_HOCUSPOCUS_FLUSH_DELAY_MS overrides it, to tune again.
 */
export const HOCUSPOCUS_TUNED_FLUSH_DELAY_MS = Number(
  process.env.BENCH_HOCUSPOCUS_FLUSH_DELAY_MS ?? 15,
);

/** What the report says about each setup's storage, whatever a run measured. */
export interface SetupFacts {
  /** It stores boards: a restart on the same data has something to load (a cold load). */
  stores: boolean;
  /** Keeps a board in memory after its last client leaves (the idle-board measure needs it). */
  keepsIdleBoards: boolean;
  /** What the acknowledgement of an edit means (the time-to-persist measure). */
  ack: string;
}

export const SETUP_FACTS: Record<SetupId, SetupFacts> = {
  'ours-sqlite': {
    stores: true,
    keepsIdleBoards: true,
    ack: 'stored in SQLite, fsynced (SQLITE_SYNCHRONOUS=FULL)',
  },
  'ours-before': {
    stores: true,
    keepsIdleBoards: true,
    ack: 'stored in SQLite, fsynced (SQLITE_SYNCHRONOUS=FULL)',
  },
  'ours-pg-redis': { stores: true, keepsIdleBoards: true, ack: 'committed in PostgreSQL' },
  reference: { stores: false, keepsIdleBoards: true, ack: 'applied in memory; never stored' },
  'reference-leveldb': {
    stores: true,
    keepsIdleBoards: false,
    ack: 'applied in memory; written to LevelDB afterwards, not awaited, no fsync',
  },
  hocuspocus: { stores: false, keepsIdleBoards: false, ack: 'applied in memory; never stored' },
  'hocuspocus-tuned': {
    stores: false,
    keepsIdleBoards: false,
    ack: 'applied in memory; never stored',
  },
  'hocuspocus-sqlite': {
    stores: true,
    keepsIdleBoards: false,
    ack: 'applied in memory; the whole state stored in SQLite (fsynced) 2 to 10 s later (debounce)',
  },
  'hocuspocus-sqlite-tuned': {
    stores: true,
    keepsIdleBoards: false,
    ack: 'applied in memory; the whole state stored in SQLite (fsynced) 2 to 10 s later (debounce)',
  },
};

/** A setup started for one measurement: its servers and where editors connect. */
export interface RunningSetup {
  id: SetupId;
  /** One per server instance; editor i connects to endpoints[i % length]. */
  endpoints: Endpoint[];
  processes: ServerProcess[];
  /** The stored data (our SQLite folder, a peer's database), to start again on the same data. */
  dataDir?: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  /**
   * Extra environment for the server processes. Only ours reads settings from it; the others get
   * it too (NODE_OPTIONS for profiling) and ignore the rest.
   */
  env?: Record<string, string>;
  /** The stored data of an earlier start of this setup, to restart on it; a fresh one otherwise. */
  dataDir?: string;
  /** Flags for `node` itself (--cpu-prof, --trace-gc...), for profiling any of the servers. */
  nodeArgs?: string[];
}

export interface Setup {
  id: SetupId;
  label: string;
  start(options?: StartOptions): Promise<RunningSetup>;
}

/**
 * What a harness run owns outside its processes: temporary folders, its PostgreSQL schema and
 * Redis prefix. `cleanup` removes them all.
 */
export class BenchContext {
  readonly runId = randomBytes(4).toString('hex');
  readonly databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  readonly redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  readonly schema = `fdr_sbs_${this.runId}`;
  readonly redisPrefix = `fdr-sbs-${this.runId}:`;
  private readonly dirs: string[] = [];
  private usedPostgres = false;

  tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'fdr-sbs-'));
    this.dirs.push(dir);
    return dir;
  }

  markPostgresUsed(): void {
    this.usedPostgres = true;
  }

  async cleanup(): Promise<void> {
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
    this.dirs.length = 0;
    if (!this.usedPostgres) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
    } finally {
      await client.end();
    }
  }
}

/** Settings every start of our server shares: loopback, free port, the default log level. */
function ourEnv(extra: Record<string, string>): Record<string, string> {
  return { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extra };
}

const ourAdmin = join(repoRoot, 'apps/server/src/admin/cli.ts');

/**
 * Our server lets nobody in without a session: create an administrator with the operator CLI
 * (as a real deployment would) and sign in over REST; the editors send the cookie.
 */
async function signIn(
  env: Record<string, string>,
  port: number,
  admin: string = ourAdmin,
): Promise<string> {
  const email = `bench-${port}-${Date.now()}@bench.example`;
  const password = 'a benchmark password, long enough';
  const created = spawnSync(
    process.execPath,
    [admin, 'create-user', '--email', email, '--name', 'Bench', '--admin', '--password-stdin'],
    {
      env: { ...process.env, ...env, SCRYPT_LOG2N: '12' },
      input: `${password}\n`,
      encoding: 'utf8',
    },
  );
  if (created.status !== 0)
    throw new Error(`could not create the bench account: ${created.stderr}`);
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`bench sign-in failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function ourPort(line: string): number | null {
  if (!line.includes('"listening"')) return null;
  return (JSON.parse(line) as { port: number }).port;
}

function stopAll(processes: ServerProcess[]) {
  return async (signal: NodeJS.Signals = 'SIGTERM') => {
    await Promise.all(processes.map((p) => p.stop(signal)));
  };
}

/** A port nobody listens on right now, for servers that cannot be told to pick one. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Our server on SQLite, from `main` (this checkout's, or an earlier one's: `ours-before`). */
function ourSqlite(
  context: BenchContext,
  id: 'ours-sqlite' | 'ours-before',
  label: string,
  main: string,
): Setup {
  return {
    id,
    label,
    async start(options = {}) {
      const dataDir = options.dataDir ?? context.tempDir();
      const env = ourEnv({ DATA_DIR: dataDir, ...options.env });
      const server = await spawnServer({
        name: id,
        args: [...(options.nodeArgs ?? []), main],
        env,
        readyPort: ourPort,
      });
      const cookie = await signIn(env, server.port, join(dirname(main), 'admin/cli.ts'));
      return {
        id,
        endpoints: [{ kind: 'y-websocket', url: `ws://127.0.0.1:${server.port}/sync`, cookie }],
        processes: [server],
        dataDir,
        stop: stopAll([server]),
      };
    },
  };
}

/** Every setup, in the order tables list them. */
export function createSetups(context: BenchContext): Setup[] {
  return [
    ourSqlite(context, 'ours-sqlite', 'Feuille de route, SQLite', ourMain),
    ...(baselineRoot
      ? [
          ourSqlite(
            context,
            'ours-before',
            `Feuille de route, SQLite, before (${process.env.BENCH_BASELINE_LABEL ?? baselineRoot})`,
            join(baselineRoot, 'apps/server/src/main.ts'),
          ),
        ]
      : []),
    {
      id: 'ours-pg-redis',
      label: 'Feuille de route, 2 instances, PostgreSQL + Redis',
      async start(options = {}) {
        context.markPostgresUsed();
        const env = (name: string) =>
          ourEnv({
            DATABASE_URL: context.databaseUrl,
            DATABASE_SCHEMA: context.schema,
            REDIS_URL: context.redisUrl,
            REDIS_PREFIX: context.redisPrefix,
            INSTANCE_ID: name,
            ...options.env,
          });
        const instance = (name: string) =>
          spawnServer({
            name,
            args: [...(options.nodeArgs ?? []), ourMain],
            env: env(name),
            readyPort: ourPort,
          });
        // One after the other: the first runs the migrations (the second would wait on its lock).
        const a = await instance('bench-a');
        const b = await instance('bench-b');
        // Sessions live in PostgreSQL: one cookie works on both instances.
        const cookie = await signIn(env('bench-a'), a.port);
        return {
          id: 'ours-pg-redis',
          endpoints: [a, b].map((p) => ({
            kind: 'y-websocket' as const,
            url: `ws://127.0.0.1:${p.port}/sync`,
            cookie,
          })),
          processes: [a, b],
          stop: stopAll([a, b]),
        };
      },
    },
    referenceSetup(context, 'reference', 'y-websocket reference server (in memory)', false),
    referenceSetup(
      context,
      'reference-leveldb',
      'y-websocket reference server + y-leveldb (YPERSISTENCE)',
      true,
    ),
    hocuspocusSetup(context, 'hocuspocus', 'Hocuspocus 4 (in memory, defaults)', {}),
    hocuspocusSetup(
      context,
      'hocuspocus-tuned',
      `Hocuspocus 4 (in memory, flushDelay ${HOCUSPOCUS_TUNED_FLUSH_DELAY_MS} ms)`,
      { flushDelayMs: HOCUSPOCUS_TUNED_FLUSH_DELAY_MS },
    ),
    hocuspocusSetup(context, 'hocuspocus-sqlite', 'Hocuspocus 4 + SQLite (defaults)', {
      sqlite: true,
    }),
    hocuspocusSetup(
      context,
      'hocuspocus-sqlite-tuned',
      `Hocuspocus 4 + SQLite (flushDelay ${HOCUSPOCUS_TUNED_FLUSH_DELAY_MS} ms)`,
      { sqlite: true, flushDelayMs: HOCUSPOCUS_TUNED_FLUSH_DELAY_MS },
    ),
  ];
}

/**
 * The reference server's own bin, unmodified. With `persist`, YPERSISTENCE points it at a folder:
 * its optional y-leveldb dependency (LevelDB through a prebuilt native binary shipped in the
 * `leveldown` tarball) then stores every update, and loads a board from it on the next start.
 */
function referenceSetup(
  context: BenchContext,
  id: 'reference' | 'reference-leveldb',
  label: string,
  persist: boolean,
): Setup {
  return {
    id,
    label,
    async start(options = {}) {
      const port = await freePort();
      const dataDir = persist ? (options.dataDir ?? context.tempDir()) : undefined;
      const server = await spawnServer({
        name: id,
        args: [...(options.nodeArgs ?? []), referenceMain],
        env: {
          ...options.env,
          HOST: '127.0.0.1',
          PORT: String(port),
          ...(dataDir ? { YPERSISTENCE: join(dataDir, 'leveldb') } : {}),
        },
        readyPort: (line) => (line.startsWith('running at') ? port : null),
      });
      return {
        id,
        endpoints: [{ kind: 'y-websocket', url: `ws://127.0.0.1:${port}` }],
        processes: [server],
        ...(dataDir ? { dataDir } : {}),
        stop: stopAll([server]),
      };
    },
  };
}

/** `src/servers/hocuspocusServer.ts`: the stock `Server`, with its options as given. */
function hocuspocusSetup(
  context: BenchContext,
  id: 'hocuspocus' | 'hocuspocus-tuned' | 'hocuspocus-sqlite' | 'hocuspocus-sqlite-tuned',
  label: string,
  config: { flushDelayMs?: number; sqlite?: boolean },
): Setup {
  return {
    id,
    label,
    async start(options = {}) {
      const dataDir = config.sqlite ? (options.dataDir ?? context.tempDir()) : undefined;
      const args = [
        ...(config.flushDelayMs !== undefined ? [`--flush-delay=${config.flushDelayMs}`] : []),
        ...(dataDir ? [`--sqlite=${join(dataDir, 'hocuspocus.sqlite')}`] : []),
      ];
      const server = await spawnServer({
        name: id,
        args: [...(options.nodeArgs ?? []), hocuspocusMain, ...args],
        ...(options.env ? { env: options.env } : {}),
        readyPort: ourPort,
      });
      return {
        id,
        endpoints: [{ kind: 'hocuspocus', url: `ws://127.0.0.1:${server.port}` }],
        processes: [server],
        ...(dataDir ? { dataDir } : {}),
        stop: stopAll([server]),
      };
    },
  };
}
