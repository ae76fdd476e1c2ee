import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../src/LatencyHistogram.ts';

describe('LatencyHistogram', () => {
  it('gives percentiles to the 10 µs bucket, never below a sample', () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 100; i++) h.record(i);
    expect(h.percentile(0.5)).toBeCloseTo(50.01, 5);
    expect(h.percentile(0.99)).toBeCloseTo(99.01, 5);
    expect(h.percentile(1)).toBe(100);
  });

  it('ranks pairs that never arrived above every delivered one', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 98; i++) h.record(1);
    h.missing = 2;
    // 98 of 100 delivered: the 98th percentile is still a real latency, the 99th is not.
    expect(h.percentile(0.98)).toBe(1);
    expect(h.percentile(0.99)).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps latencies over ten seconds exactly, and merges across threads', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    a.record(5);
    b.record(12_345.6);
    a.merge(b);
    expect(a.count).toBe(2);
    expect(a.max).toBe(12_345.6);
    expect(a.percentile(1)).toBe(12_345.6);
  });
});
