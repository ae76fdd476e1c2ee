/**
 * Bounds the password hashes computed at once. scrypt at N = 2^17 takes 128 MiB and a libuv
 * thread for a few hundred milliseconds; unbounded, a burst of sign-ins fills the thread pool that
 * file reads share (static files took seconds to serve) and the memory. Callers beyond
 * `concurrency` wait in a queue of at most `queueMax`; past it they are turned away at once.
 */
export class HashGate {
  private readonly concurrency: number;
  private readonly queueMax: number;
  private running = 0;
  /** Tickets handed out and not yet left: running, queued, or not yet asking for a turn. */
  private held = 0;
  private readonly queue: (() => void)[] = [];

  constructor(concurrency: number, queueMax: number) {
    this.concurrency = Math.max(1, concurrency);
    this.queueMax = Math.max(0, queueMax);
  }

  /** Hashes running now and tickets waiting (for tests and the health check). */
  get load(): { running: number; held: number } {
    return { running: this.running, held: this.held };
  }

  /**
   * A place in line, taken synchronously so the caller knows before any other work whether it
   * will be served; null when the line is full. The caller must `leave()` in every case.
   */
  enter(): HashTicket | null {
    if (this.held >= this.concurrency + this.queueMax) return null;
    this.held++;
    let state: 'idle' | 'queued' | 'running' | 'left' = 'idle';
    let wake: (() => void) | null = null;
    const start = () => {
      state = 'running';
      this.running++;
    };
    return {
      turn: () => {
        if (state !== 'idle') throw new Error('a hash ticket takes one turn');
        if (this.running < this.concurrency) {
          start();
          return Promise.resolve();
        }
        state = 'queued';
        return new Promise<void>((resolve) => {
          wake = () => {
            start();
            resolve();
          };
          this.queue.push(wake);
        });
      },
      leave: () => {
        if (state === 'left') return;
        if (state === 'running') {
          this.running--;
          this.queue.shift()?.();
        } else if (state === 'queued' && wake) {
          const at = this.queue.indexOf(wake);
          if (at >= 0) this.queue.splice(at, 1);
        }
        state = 'left';
        this.held--;
      },
    };
  }
}

export interface HashTicket {
  /** Resolves when this ticket may compute its hash. */
  turn(): Promise<void>;
  /** Gives the place back (after the hash, or without computing one). */
  leave(): void;
}
