import { type Roadmap, readSchemaVersion, readTolerant, SCHEMA_VERSION } from '@fdr/model';
import { useEffect, useState } from 'react';

/**
 * The board's roadmap, read from its live doc and kept current: the names of cards, items and
 * domains for agenda entries, vote options and pickers. The connection is loaded on demand so
 * that the app's first chunk does not carry the sync code, and it keeps no offline copy (the
 * canvas owns that); null until the first sync.
 */
export function useBoardRoadmap(boardId: string): Roadmap | null {
  const [roadmap, setRoadmap] = useState<Roadmap | null>(null);
  useEffect(() => {
    let live = true;
    let dispose = () => {};
    void import('../sync/BoardConnection.ts').then(({ BoardConnection }) => {
      if (!live) return;
      const connection = new BoardConnection({ boardId, offlineCache: false });
      // A reader, not a presence: the canvas's people bar does not list this page.
      connection.awareness.setLocalState(null);
      const doc = connection.doc;
      let scheduled = false;
      const read = () => {
        scheduled = false;
        if (!live || readSchemaVersion(doc) !== SCHEMA_VERSION) return;
        setRoadmap(readTolerant(doc).roadmap);
      };
      // One read per burst of transactions.
      const onUpdate = () => {
        if (scheduled) return;
        scheduled = true;
        queueMicrotask(read);
      };
      doc.on('update', onUpdate);
      read();
      dispose = () => {
        doc.off('update', onUpdate);
        connection.destroy();
      };
    });
    return () => {
      live = false;
      dispose();
    };
  }, [boardId]);
  return roadmap;
}
