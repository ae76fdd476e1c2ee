import {
  docRoots,
  findInvalidRecords,
  type InvalidRecord,
  RECORD_ROOTS,
  type RecordKind,
  type RecordRef,
} from '@fdr/model';
import type { Logger } from 'pino';
import * as Y from 'yjs';

/** Origin of the guard's corrections: stored and broadcast like any edit. */
export const GUARD_ORIGIN = 'fdr:guard';

/** Who wrote a transaction, for the log line. */
export interface Writer {
  readonly connection: string;
  readonly user: string | null;
  /**
   * Whether this writer may shape the board's structure (domains, phases, periods): the
   * secretariat's rule (`canAdminister`). False: such writes are put back. Absent: allowed.
   */
  readonly mayChangeStructure?: boolean;
}

export interface GuardOptions {
  readonly log: Logger;
  /** The writer behind a transaction's origin when its writes must be checked, else null. */
  readonly writerOf: (origin: unknown) => Writer | null;
}

/** What a transaction did to one record, read from its events before Yjs collects garbage. */
interface Touch {
  readonly ref: RecordRef;
  /** The record's entry in its root: added, replaced or deleted by this transaction; null: kept. */
  entry: { action: 'add' | 'update' | 'delete'; oldValue: unknown } | null;
  /** Fields of a kept record map that changed: their value before (undefined: absent). */
  readonly fields: Map<string, unknown>;
}

type Outcome = 'restored' | 'repaired' | 'removed';

/**
 * Keeps a board's doc valid by the model's validators whoever writes to it. After each
 * transaction whose origin is a member's connection, the records it touched (and only those:
 * the work follows the size of the update, not of the board) are checked with
 * `findInvalidRecords`; each one left invalid is corrected at once by a forward change with
 * origin GUARD_ORIGIN, which the board stores and broadcasts with the update itself, so every
 * peer, the writer included, ends with the same valid record:
 *   1. a field is put back to its value before the transaction when that value is valid;
 *   2. else it gets the value the tolerant reader shows (fallback colour, cut text…);
 *   3. a record that cannot be made valid (bad id or date, a doctored check-in, a record that is
 *      not a map) is removed if the transaction added it, else put back when it was a plain value.
 * Check-ins are immutable: rewriting or deleting one is undone whatever the new value.
 * Each correction is logged (warn) with the connection, the user, the record and the reason.
 * Returns a function that stops the guard.
 */
export function guardDocument(doc: Y.Doc, options: GuardOptions): () => void {
  const roots = docRoots(doc);
  const kindOf = new Map<unknown, RecordKind>([[roots.meta, 'board']]);
  for (const [kind, root] of Object.entries(RECORD_ROOTS)) {
    kindOf.set(roots[root], kind as RecordKind);
  }
  const listener = (transaction: Y.Transaction): void => {
    const writer = options.writerOf(transaction.origin);
    if (writer === null) return;
    try {
      const touched = touchedRecords(transaction, kindOf);
      if (writer.mayChangeStructure === false) keepStructure(doc, touched, writer, options.log);
      if (touched.size > 0) correct(doc, touched, writer, options.log);
    } catch (error) {
      // A bug here must not take the board down; the readers tolerate what slips through.
      options.log.error({ err: error, connection: writer.connection }, 'document guard failed');
    }
  };
  doc.on('afterTransaction', listener);
  return () => doc.off('afterTransaction', listener);
}

function refKey(ref: RecordRef): string {
  return `${ref.kind}:${ref.id}`;
}

/** The records a transaction changed, each with what it replaced. */
function touchedRecords(
  transaction: Y.Transaction,
  kindOf: Map<unknown, RecordKind>,
): Map<string, Touch> {
  const touched = new Map<string, Touch>();
  const touch = (kind: RecordKind, id: string): Touch => {
    const ref = { kind, id: kind === 'board' ? 'board' : id };
    const key = refKey(ref);
    let found = touched.get(key);
    if (found === undefined) {
      found = { ref, entry: null, fields: new Map() };
      touched.set(key, found);
    }
    return found;
  };
  for (const type of transaction.changed.keys()) {
    // The record a changed type belongs to: a model root itself (meta), or the record map right
    // under a model root, found by walking up from a nested value. Other roots are not the model's.
    let child = type;
    while (child._item !== null) {
      const parent = child._item.parent;
      if (!(parent instanceof Y.AbstractType)) break;
      const kind = kindOf.get(parent);
      if (kind !== undefined && kind !== 'board' && child._item.parentSub !== null) {
        touch(kind, child._item.parentSub);
        break;
      }
      child = parent;
    }
  }
  // Old values come from the events, which Yjs computes from the transaction's deleted items:
  // they must be read now, before those items are garbage-collected.
  for (const [root, events] of transaction.changedParentTypes) {
    const kind = kindOf.get(root);
    if (kind === undefined) continue;
    for (const event of events) {
      const item = event.target._item;
      if (event.target === root) {
        for (const [id, change] of event.keys) {
          if (kind === 'board') touch(kind, id).fields.set(id, change.oldValue);
          else touch(kind, id).entry = change;
        }
      } else if (item !== null && item.parent === root && item.parentSub !== null) {
        const record = touch(kind, item.parentSub);
        for (const [key, change] of event.keys) record.fields.set(key, change.oldValue);
      }
    }
  }
  return touched;
}

function isPlain(value: unknown): boolean {
  return !(value instanceof Y.AbstractType);
}

/** Sets or deletes each key of `values` on `map`. */
function write(map: Y.Map<unknown>, values: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }
}

const STRUCTURE_KINDS: ReadonlySet<RecordKind> = new Set(['domain', 'phase', 'period']);

/**
 * Puts back every domain, phase and period record a writer without the right to shape the
 * structure changed, in one transaction of GUARD_ORIGIN, and drops them from `touched`: a
 * council member's card moves in the same update stand, the lanes and columns do not change.
 * A record map the writer replaced or deleted is rebuilt from the deleted map's entries, which
 * Yjs still holds until the transaction is cleaned up (the guard runs before that).
 */
function keepStructure(doc: Y.Doc, touched: Map<string, Touch>, writer: Writer, log: Logger): void {
  const roots = docRoots(doc);
  const refused = [...touched.entries()].filter(([, touch]) => STRUCTURE_KINDS.has(touch.ref.kind));
  if (refused.length === 0) return;
  doc.transact(() => {
    for (const [key, touch] of refused) {
      touched.delete(key);
      const root = roots[RECORD_ROOTS[touch.ref.kind as 'domain']] as Y.Map<unknown>;
      if (touch.entry?.action === 'add') {
        root.delete(touch.ref.id);
        continue;
      }
      if (touch.entry !== null) {
        const old = touch.entry.oldValue;
        if (old instanceof Y.Map) root.set(touch.ref.id, copyDeletedMap(old));
        else if (old !== undefined) root.set(touch.ref.id, old);
        continue;
      }
      const map = root.get(touch.ref.id);
      if (!(map instanceof Y.Map)) continue;
      for (const [field, old] of touch.fields) {
        if (old === undefined) map.delete(field);
        else if (isPlain(old)) map.set(field, old);
      }
    }
  }, GUARD_ORIGIN);
  for (const [key] of refused) {
    log.warn(
      { connection: writer.connection, user: writer.user, record: key, correction: 'restored' },
      'structure change refused: only the secretariat shapes domains, phases and periods',
    );
  }
}

/** A fresh map with the plain entries a just-deleted Y.Map held. */
function copyDeletedMap(old: Y.Map<unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>();
  for (const [field, item] of old._map) {
    const content = item.content.getContent();
    const value = content[content.length - 1];
    if (value !== undefined && isPlain(value)) copy.set(field, value);
  }
  return copy;
}

function correct(doc: Y.Doc, touched: Map<string, Touch>, writer: Writer, log: Logger): void {
  const roots = docRoots(doc);
  const rootOf = (ref: RecordRef): Y.Map<unknown> =>
    ref.kind === 'board' ? roots.meta : (roots[RECORD_ROOTS[ref.kind]] as Y.Map<unknown>);
  const mapOf = (ref: RecordRef): Y.Map<unknown> | null => {
    if (ref.kind === 'board') return roots.meta;
    const value = rootOf(ref).get(ref.id);
    return value instanceof Y.Map ? value : null;
  };

  // Check-ins are history: a rewritten or deleted one is put back, valid or not.
  const rewritten = [...touched.values()].filter(
    (t) => t.ref.kind === 'checkin' && t.entry !== null && t.entry.action !== 'add',
  );
  const invalid = findInvalidRecords(
    doc,
    [...touched.values()].map((t) => t.ref),
  );
  if (invalid.length === 0 && rewritten.length === 0) return;

  const outcomes = new Map<string, { record: InvalidRecord | null; outcome: Outcome }>();
  doc.transact(() => {
    for (const touch of rewritten) {
      roots.checkinLog.set(touch.ref.id, touch.entry?.oldValue);
      outcomes.set(refKey(touch.ref), { record: null, outcome: 'restored' });
    }
    // 1. Put back the fields of a kept record as they were before the transaction.
    for (const record of invalid) {
      const touch = touched.get(refKey(record));
      const map = mapOf(record);
      outcomes.set(refKey(record), { record, outcome: 'restored' });
      if (touch === undefined || map === null || touch.entry !== null) continue;
      for (const fix of record.fixes) {
        for (const key of fix.keys) {
          if (!touch.fields.has(key)) continue;
          const old = touch.fields.get(key);
          if (old === undefined) map.delete(key);
          else if (isPlain(old)) map.set(key, old);
        }
      }
    }
    // 2. What is still invalid gets the tolerant reader's value, or goes.
    for (const record of findInvalidRecords(doc, invalid)) {
      const key = refKey(record);
      const touch = touched.get(key);
      const map = mapOf(record);
      const entry = outcomes.get(key);
      if (entry) entry.outcome = 'repaired';
      if (map !== null && record.fixes.every((fix) => fix.repaired !== null)) {
        for (const fix of record.fixes) if (fix.repaired) write(map, fix.repaired);
        continue;
      }
      if (entry) entry.outcome = 'removed';
      const old = touch?.entry?.oldValue;
      if (touch?.entry?.action === 'update' && old !== undefined && isPlain(old)) {
        rootOf(record).set(record.id, old);
        if (entry) entry.outcome = 'restored';
      } else if (record.kind !== 'board') {
        rootOf(record).delete(record.id);
      }
    }
    // 3. Whatever a repair could not fix (it should not happen) is removed.
    for (const record of findInvalidRecords(doc, invalid)) {
      if (record.kind === 'board') continue;
      rootOf(record).delete(record.id);
      const entry = outcomes.get(refKey(record));
      if (entry) entry.outcome = 'removed';
    }
  }, GUARD_ORIGIN);

  for (const [key, { record, outcome }] of outcomes) {
    log.warn(
      {
        connection: writer.connection,
        user: writer.user,
        record: key,
        fields: record?.fixes.map((fix) => fix.field) ?? ['checkin'],
        reason: record?.fixes.map((fix) => fix.message.en).join(' ') ?? 'check-ins are immutable',
        correction: outcome,
      },
      'write refused by the model: record corrected',
    );
  }
}
