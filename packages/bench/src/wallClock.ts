/**
 * Milliseconds since the epoch with sub-millisecond precision. Worker threads and processes on
 * one machine share this clock, so a timestamp taken in one and read in another gives a latency.
 */
export function wallClock(): number {
  return performance.timeOrigin + performance.now();
}
