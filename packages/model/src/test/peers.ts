import * as Y from 'yjs';
import { fromJSON } from '../doc/fromJSON.ts';
import type { Roadmap } from '../roadmap.ts';

/** `count` replicas of one board (same history), with fixed client ids for reproducibility. */
export function replicas(roadmap: Roadmap, count: number): Y.Doc[] {
  const origin = fromJSON(roadmap);
  const state = Y.encodeStateAsUpdate(origin);
  return Array.from({ length: count }, (_, index) => {
    const doc = new Y.Doc();
    doc.clientID = index + 1;
    Y.applyUpdate(doc, state);
    return doc;
  });
}

/** Exchanges full state between all docs until they have seen each other's updates. */
export function syncAll(docs: readonly Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to)
        Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'sync');
    }
  }
}
