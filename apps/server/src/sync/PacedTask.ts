/**
 * A task that runs once however often it is asked for until it runs, and no sooner than the
 * moment `earliest()` names (a performance.now() time): on the next turn of the event loop when
 * that moment has passed, so everything asked for in this turn goes together, otherwise by a
 * timer. The Board paces its flushes, relays and presence with it.
 */
export class PacedTask {
  private readonly run: () => void;
  private readonly earliest: () => number;
  private waiting = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(run: () => void, earliest: () => number) {
    this.run = run;
    this.earliest = earliest;
  }

  /** True between `schedule()` and the run. */
  get queued(): boolean {
    return this.waiting;
  }

  schedule(): void {
    if (this.waiting) return;
    this.waiting = true;
    const go = () => {
      this.timer = null;
      this.waiting = false;
      this.run();
    };
    const wait = this.earliest() - performance.now();
    if (wait > 0) this.timer = setTimeout(go, wait);
    else setImmediate(go);
  }

  /** For an owner going away: a waiting timer never fires (a run due on the next turn still does). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
