/**
 * Milliseconds with sub-microsecond precision on CLOCK_MONOTONIC, which every thread of the
 * harness process shares: a timestamp taken in one worker thread and read in another gives a
 * latency. (`performance.timeOrigin + performance.now()` mixes each thread's own wall-clock
 * origin with the monotonic clock, so a clock adjustment between two thread starts would skew
 * every latency between them.)
 */
export function sharedClock(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
