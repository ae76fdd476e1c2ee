import * as Y from 'yjs';
import type { StoredBoard } from '../storage/Storage.ts';

/**
 * Applies what storage holds for a board to `doc`: the compacted state, then every logged update
 * in order, as one transaction. Returns the bytes applied (an upper bound of the encoded board).
 */
export function applyStored(
  doc: Y.Doc,
  stored: Pick<StoredBoard, 'state' | 'updates'>,
  origin: unknown = null,
): number {
  let bytes = 0;
  doc.transact(() => {
    if (stored.state) {
      Y.applyUpdate(doc, stored.state, origin);
      bytes += stored.state.byteLength;
    }
    for (const update of stored.updates) {
      Y.applyUpdate(doc, update, origin);
      bytes += update.byteLength;
    }
  }, origin);
  return bytes;
}
