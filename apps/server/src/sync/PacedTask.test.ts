import { afterEach, describe, expect, it, vi } from 'vitest';
import { PacedTask } from './PacedTask.ts';

afterEach(() => vi.useRealTimers());

describe('PacedTask', () => {
  it('runs once on the next turn for every request of this one, when its moment has passed', async () => {
    let runs = 0;
    const task = new PacedTask(
      () => runs++,
      () => Number.NEGATIVE_INFINITY,
    );
    task.schedule();
    task.schedule();
    expect(task.queued).toBe(true);
    expect(runs).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(1);
    expect(task.queued).toBe(false);
  });

  it('waits until its moment, and a cancelled wait never runs', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    let runs = 0;
    const start = performance.now();
    const task = new PacedTask(
      () => runs++,
      () => start + 20,
    );
    task.schedule();
    vi.advanceTimersByTime(19);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
    task.schedule();
    task.cancel();
    vi.advanceTimersByTime(100);
    expect(runs).toBe(1);
  });
});
