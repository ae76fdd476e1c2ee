import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { cpuTicks } from './ProcessSampler.ts';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  loadAverage: [number, number, number];
  /** Processes busy over one second at that moment (% of one core): what else was running. */
  busiest: string[];
  /** Exact versions of the servers and clients under test. */
  versions: Record<string, string>;
  /** Commit of our server, with "+dirty" when the working tree had changes. */
  commit: string;
}

const benchPackage = fileURLToPath(new URL('../package.json', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The machine, the load on it and the versions in play, for the record of a run. */
export async function describeMachine(): Promise<MachineInfo> {
  const dev = (
    JSON.parse(readFileSync(benchPackage, 'utf8')) as {
      devDependencies: Record<string, string>;
    }
  ).devDependencies;
  const server = (
    JSON.parse(readFileSync(`${repoRoot}apps/server/package.json`, 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies;
  const versions: Record<string, string> = {
    'our server yjs': server.yjs ?? '?',
    '@y/websocket-server': dev['@y/websocket-server'] ?? '?',
    '@hocuspocus/server': dev['@hocuspocus/server'] ?? '?',
    '@hocuspocus/provider': dev['@hocuspocus/provider'] ?? '?',
    'y-websocket (client)': dev['y-websocket'] ?? '?',
    'yjs (clients, reference, Hocuspocus)': dev.yjs ?? '?',
    ws: dev.ws ?? '?',
    postgresql: await postgresVersion(),
    redis: await redisVersion(),
  };
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100) as [number, number, number],
    busiest: await busiestProcesses(),
    versions,
    commit: commit(),
  };
}

/** Processes that used at least 5% of a core over one second, busiest first. */
async function busiestProcesses(): Promise<string[]> {
  const sample = () => {
    const ticks = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid) || pid === process.pid) continue;
      try {
        ticks.set(pid, cpuTicks(pid));
      } catch {
        // Gone meanwhile.
      }
    }
    return ticks;
  };
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = sample();
  const busy: { pid: number; percent: number }[] = [];
  for (const [pid, ticks] of after) {
    const percent = ticks - (before.get(pid) ?? ticks);
    if (percent >= 5) busy.push({ pid, percent });
  }
  return busy
    .sort((a, b) => b.percent - a.percent)
    .slice(0, 8)
    .map(({ pid, percent }) => {
      let command = '?';
      try {
        command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      } catch {
        // Gone meanwhile.
      }
      return `${percent}% ${command.slice(0, 140)}`;
    });
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps/server'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? '?';
  } catch {
    return 'unavailable';
  } finally {
    await client.end().catch(() => {});
  }
}

/** INFO over a raw socket: the bench has no Redis client of its own. */
async function redisVersion(): Promise<string> {
  const url = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  return new Promise((resolve) => {
    const socket = connect(Number(url.port || 6379), url.hostname);
    let text = '';
    const done = (value: string) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(2000, () => done('unavailable'));
    socket.on('error', () => done('unavailable'));
    socket.on('connect', () => socket.write('INFO server\r\n'));
    socket.on('data', (chunk) => {
      text += chunk.toString();
      const match = /redis_version:([^\r\n]+)/.exec(text);
      if (match) done(match[1]!);
    });
  });
}
