import { type ChildProcess, spawn } from 'node:child_process';

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  /** Every line the process printed (stdout and stderr), for errors and log-derived figures. */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (graceful), or SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  /** Arguments to `node`: the script and its arguments. */
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Reads a line of output; returns the port once the server says it listens. */
  readyPort: (line: string) => number | null;
  timeoutMs?: number;
}

/** Children still running: killed if the harness itself exits (a crash must not leave servers). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A server as its own Node process, on a loopback port, with its output kept line by line. */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let onLine: (line: string) => void = () => {};
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        // Bounded: a long run logs a line per connection and must not grow without limit.
        if (output.length < 20_000) output.push(line);
        onLine(line);
        newline = buffer.indexOf('\n');
      }
    });
  }
  const timeoutMs = options.timeoutMs ?? 20_000;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} did not start in ${timeoutMs} ms:\n${output.join('\n')}`));
    }, timeoutMs);
    onLine = (line) => {
      const found = options.readyPort(line);
      if (found !== null) {
        clearTimeout(timer);
        onLine = () => {};
        resolve(found);
      }
    };
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(`${options.name} exited (${code ?? signal}) on start:\n${output.join('\n')}`),
      );
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name} has no pid`);
  return {
    name: options.name,
    child,
    pid,
    port,
    output,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
