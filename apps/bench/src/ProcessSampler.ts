import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

export interface ProcessUsage {
  /** CPU time of all the processes over the window, in % of one core (200% = both cores). */
  cpuPercent: number;
  /** Largest sum of the processes' resident sets seen while sampling, in bytes. */
  rssMaxBytes: number;
  /** Sum of the resident sets at the end of the window, in bytes. */
  rssEndBytes: number;
  /** PostgreSQL and Redis processes over the window, in % of one core (when the setup uses them). */
  servicesCpuPercent: number;
  /**
   * Everything else on the machine over the window (not the harness and its client threads, not
   * the servers, not PostgreSQL or Redis), in % of one core: other people's work, which a fair
   * measurement wants near zero.
   */
  otherCpuPercent: number;
}

/** Busy CPU ticks of the whole machine, every core, from the first line of /proc/stat. */
export function machineTicks(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  // cpu user nice system idle iowait irq softirq steal ...
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return user! + nice! + system! + irq! + softirq! + steal!;
}

/** CPU ticks of the PostgreSQL and Redis processes running now. */
function servicesTicks(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'postgres' || comm.startsWith('redis-server')) total += cpuTicks(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
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
  private startMachine = 0;
  private startOwn = 0;
  private startServices = 0;
  private startedAt = 0;
  private rssMax = 0;

  private readonly services: boolean;

  /**
   * `services`: the setup uses PostgreSQL and Redis, so their CPU is part of it; otherwise it
   * counts as other people's.
   */
  constructor(pids: readonly number[], options: { services: boolean; intervalMs?: number }) {
    this.pids = pids;
    this.services = options.services;
    this.intervalMs = options.intervalMs ?? 200;
  }

  start(): void {
    this.startTicks = this.ticks();
    this.startMachine = machineTicks();
    this.startOwn = cpuTicks(process.pid);
    this.startServices = this.services ? servicesTicks() : 0;
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
    const servers = this.ticks() - this.startTicks;
    const machine = machineTicks() - this.startMachine;
    const own = cpuTicks(process.pid) - this.startOwn;
    const services = this.services ? servicesTicks() - this.startServices : 0;
    const percent = (ticks: number) =>
      seconds > 0 ? (100 * ticks) / TICKS_PER_SECOND / seconds : 0;
    const rssEnd = this.rss();
    return {
      cpuPercent: percent(servers),
      rssMaxBytes: Math.max(this.rssMax, rssEnd),
      rssEndBytes: rssEnd,
      servicesCpuPercent: percent(services),
      otherCpuPercent: Math.max(0, percent(machine - servers - own - services)),
    };
  }

  private ticks(): number {
    return this.pids.reduce((sum, pid) => sum + cpuTicks(pid), 0);
  }

  private rss(): number {
    return this.pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
  }
}
