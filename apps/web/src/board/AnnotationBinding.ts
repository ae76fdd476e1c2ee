import { docRoots, isEmptyAnnotation, META, setAnnotationsSchema } from '@fdr/model';
import type { SerializedSchema, TLRecord, TLStore } from 'tldraw';
import type * as Y from 'yjs';

/** Free-form shapes the board keeps. Embeds, bookmarks, images, videos and frames are not kept. */
const ANNOTATION_SHAPE_TYPES: ReadonlySet<string> = new Set([
  'note',
  'text',
  'arrow',
  'draw',
  'geo',
  'line',
  'highlight',
  'group',
]);

/** Annotation records: the shapes above and the bindings of arrows (possibly to cards). */
export function isAnnotationRecord(record: { typeName: string; type?: unknown }): boolean {
  if (record.typeName === 'shape') return ANNOTATION_SHAPE_TYPES.has(String(record.type));
  if (record.typeName === 'binding') return record.type === 'arrow';
  return false;
}

/** How long local annotation edits gather before one Yjs transaction carries them. */
export const FLUSH_MS = 80;

/**
 * Two-way sync between the tldraw store's annotation records and `Y.Map('annotations')`
 * (record id → plain record), with the tldraw schema version stored beside them so a newer
 * canvas can migrate what an older one wrote. Local edits are batched (a stroke being drawn is
 * a few transactions per second, not one per pointer event); remote ones are merged as "remote"
 * so they never enter tldraw's history.
 */
export class AnnotationBinding {
  private readonly store: TLStore;
  private readonly doc: Y.Doc;
  private readonly map: Y.Map<unknown>;
  private readonly meta: Y.Map<unknown>;
  private readonly origin: unknown;
  private readonly schemaOrigin: unknown;
  private readonly puts = new Map<string, TLRecord>();
  private readonly removals = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly unlisten: () => void;
  private readonly schemaJson: string;
  private readonly schema: SerializedSchema;

  constructor(store: TLStore, doc: Y.Doc, options: { origin: unknown; schemaOrigin: unknown }) {
    this.store = store;
    this.doc = doc;
    const roots = docRoots(doc);
    this.map = roots.annotations;
    this.meta = roots.meta;
    this.origin = options.origin;
    this.schemaOrigin = options.schemaOrigin;
    this.schema = store.schema.serialize();
    this.schemaJson = JSON.stringify(this.schema);
    this.applyFromDoc([...this.map.keys()]);
    this.map.observe(this.onMapChange);
    this.unlisten = store.listen(
      ({ changes }) => {
        for (const record of Object.values(changes.added)) this.queuePut(record);
        for (const [, record] of Object.values(changes.updated)) this.queuePut(record);
        for (const record of Object.values(changes.removed)) this.queueRemove(record);
      },
      { source: 'user', scope: 'document' },
    );
  }

  /** Writes what is queued now (also called before an undo, so the undo sees it). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.puts.size === 0 && this.removals.size === 0) return;
    const puts = [...this.puts.values()];
    const removals = [...this.removals];
    this.puts.clear();
    this.removals.clear();
    this.doc.transact(() => {
      for (const record of puts) this.map.set(record.id, plain(record));
      for (const id of removals) this.map.delete(id);
    }, this.origin);
    if (JSON.stringify(this.meta.get(META.annotationsSchema) ?? null) !== this.schemaJson) {
      // Its own origin, outside undo: undoing a drawing must not forget how records are encoded.
      setAnnotationsSchema(this.doc, this.schema, this.schemaOrigin);
    }
  }

  dispose(): void {
    this.flush();
    this.unlisten();
    this.map.unobserve(this.onMapChange);
  }

  private queuePut(record: TLRecord): void {
    if (!isAnnotationRecord(record)) return;
    if (isEmptyAnnotation(record)) {
      // A text box is stored from its first letter: one left empty (a double click on the
      // canvas) never reaches peers, and tldraw deletes it locally when editing ends. One emptied
      // while being retyped keeps its last text for peers until the next letter.
      this.puts.delete(record.id);
      return;
    }
    this.removals.delete(record.id);
    this.puts.set(record.id, record);
    this.scheduleFlush();
  }

  private queueRemove(record: TLRecord): void {
    if (!isAnnotationRecord(record)) return;
    this.puts.delete(record.id);
    this.removals.add(record.id);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (!this.timer) this.timer = setTimeout(() => this.flush(), FLUSH_MS);
  }

  private readonly onMapChange = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    // Our own writes are already in the store; everything else (peers, undo, the offline cache)
    // is applied.
    if (transaction.origin === this.origin) return;
    this.applyFromDoc([...event.keysChanged]);
  };

  private applyFromDoc(ids: string[]): void {
    if (ids.length === 0) return;
    const stored = this.meta.get(META.annotationsSchema);
    const persisted = (stored ?? this.schema) as SerializedSchema;
    const puts: TLRecord[] = [];
    const removals: TLRecord['id'][] = [];
    for (const id of ids) {
      const value = this.map.get(id);
      if (value === undefined) {
        if (this.store.has(id as TLRecord['id'])) removals.push(id as TLRecord['id']);
        continue;
      }
      // A change queued here but not yet flushed wins over an older remote value.
      if (this.puts.has(id) || this.removals.has(id)) continue;
      const record = this.migrate(value as TLRecord, persisted);
      // An empty text box an older client stored is nothing to see (and nothing to tab to).
      if (record && isAnnotationRecord(record) && !isEmptyAnnotation(record)) puts.push(record);
    }
    // Parents before children, shapes before the bindings that point at them.
    puts.sort((a, b) => rank(a) - rank(b));
    this.store.mergeRemoteChanges(() => {
      for (const record of puts) {
        try {
          this.store.put([record]);
        } catch (error) {
          // One bad record (e.g. from a buggy peer) must not hide the others.
          console.warn('annotation record refused', record.id, error);
        }
      }
      if (removals.length > 0) this.store.remove(removals);
    });
  }

  private migrate(record: TLRecord, persisted: SerializedSchema): TLRecord | null {
    const result = this.store.schema.migratePersistedRecord(record, persisted, 'up');
    if (result.type === 'success') return result.value;
    console.warn('annotation record could not be migrated', record.id, result.reason);
    return null;
  }
}

function rank(record: TLRecord): number {
  if (record.typeName === 'binding') return 2;
  if (record.typeName === 'shape' && record.type === 'group') return 0;
  return 1;
}

/** Store records are frozen objects; Yjs gets a plain JSON copy. */
function plain(record: TLRecord): unknown {
  return JSON.parse(JSON.stringify(record));
}
