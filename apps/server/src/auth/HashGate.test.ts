import { describe, expect, it } from 'vitest';
import { HashGate } from './HashGate.ts';

describe('HashGate', () => {
  it('runs at most `concurrency` at once, queues up to `queueMax`, refuses the rest', async () => {
    const gate = new HashGate(2, 1);
    const a = gate.enter();
    const b = gate.enter();
    const c = gate.enter();
    expect(gate.enter()).toBeNull();
    await a?.turn();
    await b?.turn();
    let cStarted = false;
    const cTurn = c?.turn().then(() => {
      cStarted = true;
    });
    expect(gate.load).toEqual({ running: 2, held: 3 });
    await Promise.resolve();
    expect(cStarted).toBe(false);
    a?.leave();
    await cTurn;
    expect(cStarted).toBe(true);
    expect(gate.load).toEqual({ running: 2, held: 2 });
    const d = gate.enter();
    expect(d).not.toBeNull();
    // Leaving without a turn (e.g. the account was locked) frees the place.
    d?.leave();
    b?.leave();
    c?.leave();
    expect(gate.load).toEqual({ running: 0, held: 0 });
  });

  it('a queued ticket that leaves is taken out of the line', async () => {
    const gate = new HashGate(1, 2);
    const a = gate.enter();
    const b = gate.enter();
    const c = gate.enter();
    await a?.turn();
    void b?.turn();
    let cStarted = false;
    const cTurn = c?.turn().then(() => {
      cStarted = true;
    });
    b?.leave();
    a?.leave();
    await cTurn;
    expect(cStarted).toBe(true);
    expect(gate.load).toEqual({ running: 1, held: 1 });
  });
});
