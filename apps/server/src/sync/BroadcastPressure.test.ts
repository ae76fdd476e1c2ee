import { describe, expect, it } from 'vitest';
import { BroadcastPressure } from './BroadcastPressure.ts';

describe('BroadcastPressure', () => {
  it('estimates the change rate and calls a board crowded only past the offered-message limit', () => {
    const pressure = new BroadcastPressure({ messagesPerSecond: 30_000, bufferedBytes: 65_536 });
    // 200 changes per second for two seconds.
    for (let t = 0; t <= 2000; t += 5) pressure.changed(t);
    expect(pressure.changesPerSecond(2000)).toBeGreaterThan(190);
    expect(pressure.changesPerSecond(2000)).toBeLessThan(210);
    expect(pressure.active(100, 2000)).toBe(false); // 20,000 messages/s
    expect(pressure.active(200, 2000)).toBe(true); // 40,000 messages/s
    // The load stops: within a second the board is calm again.
    expect(pressure.active(200, 3000)).toBe(false);
  });

  it('calls a board crowded while a peer’s send queue is over the limit', () => {
    const pressure = new BroadcastPressure({ messagesPerSecond: 30_000, bufferedBytes: 65_536 });
    pressure.changed(0);
    expect(pressure.active(10, 1)).toBe(false);
    pressure.sent(100_000);
    expect(pressure.active(10, 1)).toBe(true);
    pressure.sent(0);
    expect(pressure.active(10, 1)).toBe(false);
  });
});
