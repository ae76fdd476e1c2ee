import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { isRecordMap, type RecordMap } from '../doc/layout.ts';
import type { Placement } from './Position.ts';

/** Writes the spread-out keys of a tied run (cards keep them inside their `cell` value). */
export function writeRekeys(records: Y.Map<RecordMap>, rekeyed: Placement['rekeyed']): void {
  for (const [id, key] of rekeyed) {
    const map = records.get(id);
    if (!isRecordMap(map)) continue;
    const cell = map.get('cell');
    if (typeof cell === 'object' && cell !== null) {
      setField(map, 'cell', { ...(cell as Record<string, unknown>), order: key });
    } else {
      setField(map, 'order', key);
    }
  }
}
