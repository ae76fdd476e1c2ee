import * as Y from 'yjs';

/** Updates merged at a time: Y.mergeUpdates is quadratic in the number of its inputs. */
const MERGE_FAN_IN = 32;

/**
 * One update holding a whole batch, for one broadcast message. Y.mergeUpdates re-sorts all its
 * inputs for every struct it writes, so merging a long batch in one call is slow; merging a few
 * at a time, level by level, gives the same bytes.
 */
export function mergeBatch(batch: readonly Uint8Array[]): Uint8Array {
  let level = batch;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += MERGE_FAN_IN) {
      const group = level.slice(i, i + MERGE_FAN_IN);
      next.push(group.length === 1 ? group[0]! : Y.mergeUpdates(group));
    }
    level = next;
  }
  return level[0]!;
}
