import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './reconnectDelay.ts';

const options = { baseMs: 100, maxMs: 5_000 };

describe('reconnectDelay', () => {
  it('grows exponentially up to its cap', () => {
    const middle = () => 0.5;
    const delays = [0, 1, 2, 3, 4, 5, 6, 10].map((n) => reconnectDelay(n, middle, options));
    expect(delays).toEqual([75, 150, 300, 600, 1200, 2400, 3750, 3750]);
  });

  it('keeps half of the ceiling fixed and draws the other half at random', () => {
    expect(reconnectDelay(3, () => 0, options)).toBe(400);
    expect(reconnectDelay(3, () => 0.999999, options)).toBe(800);
    expect(reconnectDelay(20, () => 0, options)).toBe(2500);
    expect(reconnectDelay(20, () => 0.999999, options)).toBe(5000);
  });

  it('spreads many clients retrying together', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const delays = Array.from({ length: 200 }, () => reconnectDelay(4, random, options));
    expect(new Set(delays).size).toBeGreaterThan(150);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(800);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1600);
  });

  it('treats odd attempt numbers safely', () => {
    expect(reconnectDelay(-3, () => 0, options)).toBe(50);
    expect(reconnectDelay(1e9, () => 0, options)).toBe(2500);
    expect(Number.isFinite(reconnectDelay(Number.POSITIVE_INFINITY, () => 0, options))).toBe(true);
  });
});
