/** 10 µs buckets up to 10 s; anything slower is kept exactly in `overflow`. */
const RESOLUTION_MS = 0.01;
const BUCKETS = 1_000_000;

/**
 * Latency samples in fixed buckets, so millions of (edit, receiver) pairs cost 4 MB and merge by
 * addition across worker threads. Percentiles are exact to 10 µs.
 */
export class LatencyHistogram {
  readonly buckets: Uint32Array;
  readonly overflow: number[] = [];
  count = 0;
  max = 0;
  /**
   * Pairs that never arrived (within the drain timeout): they rank above every delivered sample,
   * so a percentile that reaches them is Infinity, not a flattering figure over what did arrive.
   */
  missing = 0;

  constructor() {
    this.buckets = new Uint32Array(BUCKETS);
  }

  record(ms: number): void {
    // Threads read one clock, but a receipt in the same millisecond can come out a hair negative.
    const value = Math.max(ms, 0);
    const bucket = Math.floor(value / RESOLUTION_MS);
    if (bucket < BUCKETS) this.buckets[bucket]!++;
    else this.overflow.push(value);
    this.count++;
    if (value > this.max) this.max = value;
  }

  merge(other: { buckets: Uint32Array; overflow: readonly number[]; max: number }): void {
    for (let i = 0; i < BUCKETS; i++) {
      const n = other.buckets[i]!;
      if (n > 0) {
        this.buckets[i]! += n;
        this.count += n;
      }
    }
    for (const value of other.overflow) this.overflow.push(value);
    this.count += other.overflow.length;
    if (other.max > this.max) this.max = other.max;
  }

  /** The smallest latency that at least `p` (0..1) of the samples do not exceed. */
  percentile(p: number): number {
    if (this.count + this.missing === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(p * (this.count + this.missing)));
    if (rank > this.count) return Number.POSITIVE_INFINITY;
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.buckets[i]!;
      // The upper edge of the bucket: never reports a latency lower than a sample in it.
      if (seen >= rank) return Math.min((i + 1) * RESOLUTION_MS, this.max);
    }
    const sorted = [...this.overflow].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, rank - seen - 1)]!;
  }
}
