import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

export interface ProcessUsage {
  /** CPU time of all the processes over the window, in % of one core (200% = both cores). */
  cpuPercent: number;
  /** Largest sum of the processes' resident sets seen while sampling, in bytes. */
  rssMaxBytes: number;
  /** Sum of the resident sets at the end of the window, in bytes. */
  rssEndBytes: number;
}

/** CPU ticks (user + system, every thread) of a process, from /proc/<pid>/stat. */
export function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses: count fields from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Resident set size of a process in bytes, from VmRSS in /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/**
 * Samples the server processes from outside (they are child processes of the harness) while a
 * workload runs. Several pids (two instances) are summed.
 */
export class ProcessSampler {
  private readonly pids: readonly number[];
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private startTicks = 0;
  private startedAt = 0;
  private rssMax = 0;

  constructor(pids: readonly number[], intervalMs = 200) {
    this.pids = pids;
    this.intervalMs = intervalMs;
  }

  start(): void {
    this.startTicks = this.ticks();
    this.startedAt = performance.now();
    this.rssMax = this.rss();
    this.timer = setInterval(() => {
      this.rssMax = Math.max(this.rssMax, this.rss());
    }, this.intervalMs);
  }

  stop(): ProcessUsage {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const seconds = (performance.now() - this.startedAt) / 1000;
    const cpuSeconds = (this.ticks() - this.startTicks) / TICKS_PER_SECOND;
    const rssEnd = this.rss();
    return {
      cpuPercent: seconds > 0 ? (100 * cpuSeconds) / seconds : 0,
      rssMaxBytes: Math.max(this.rssMax, rssEnd),
      rssEndBytes: rssEnd,
    };
  }

  private ticks(): number {
    return this.pids.reduce((sum, pid) => sum + cpuTicks(pid), 0);
  }

  private rss(): number {
    return this.pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
  }
}
