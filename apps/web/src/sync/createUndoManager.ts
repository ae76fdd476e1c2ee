import { docRoots } from '@fdr/model';
import * as Y from 'yjs';

/**
 * Undo and redo for this user only: the manager tracks transactions whose origin is one of ours,
 * so undoing never reverts a peer's edit, even one that arrived in between. Check-ins are left
 * out on purpose: they are an append-only record, never taken back.
 */
export function createUndoManager(doc: Y.Doc, localOrigins: readonly unknown[]): Y.UndoManager {
  const roots = docRoots(doc);
  return new Y.UndoManager(
    [roots.domains, roots.phases, roots.periods, roots.cards, roots.items, roots.annotations],
    {
      trackedOrigins: new Set(localOrigins),
      // Edits closer together than this form one undo step (a typed title, a drawn stroke).
      captureTimeout: 500,
    },
  );
}
