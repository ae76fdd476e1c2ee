import * as Y from 'yjs';
import { ROOT } from './layout.ts';

function equalJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A copy of a Yjs value for another doc (types cannot move between docs). */
function copyValue(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const copy = new Y.Map<unknown>();
    for (const [key, inner] of value.entries()) copy.set(key, copyValue(inner));
    return copy;
  }
  if (value instanceof Y.Array) return Y.Array.from(value.toArray().map(copyValue) as never[]);
  if (value instanceof Y.Text) return new Y.Text(value.toString());
  return value;
}

/** Writes only what differs, so a restore touches what changed since the version, no more. */
function reconcile(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  for (const [key, value] of source.entries()) {
    const current = target.get(key);
    if (value instanceof Y.Map && current instanceof Y.Map) reconcile(current, value);
    else if (value instanceof Y.AbstractType || current instanceof Y.AbstractType) {
      if (
        !(value instanceof Y.AbstractType) ||
        !(current instanceof Y.AbstractType) ||
        !equalJSON(value.toJSON(), current.toJSON())
      ) {
        target.set(key, copyValue(value));
      }
    } else if (!equalJSON(current, value)) target.set(key, value);
  }
}

/**
 * Makes `doc` hold exactly what `source` holds (every part of the layout: the roadmap, the
 * check-in log, the annotations), as one forward change in one transaction with `origin`:
 * restoring a version. Peers receive it as an ordinary update; nothing of the history is
 * rewritten. Both docs must be at the current schema version (migrate an old snapshot first).
 */
export function replaceContent(doc: Y.Doc, source: Y.Doc, origin: unknown): void {
  doc.transact(() => {
    for (const name of Object.values(ROOT)) reconcile(doc.getMap(name), source.getMap(name));
  }, origin);
}
