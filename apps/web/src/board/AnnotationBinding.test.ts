import { docRoots, fromJSON, META, templateRoadmap } from '@fdr/model';
import {
  ArrowShapeUtil,
  createBindingId,
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  FrameShapeUtil,
  NoteShapeUtil,
  PageRecordType,
  TextShapeUtil,
  type TLRecord,
  type TLShapeId,
  type TLStore,
  toRichText,
} from 'tldraw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createUndoManager } from '../sync/createUndoManager.ts';
import { AnnotationBinding, FLUSH_MS, isAnnotationRecord } from './AnnotationBinding.ts';

const PAGE = PageRecordType.createId('page');

function newStore(): TLStore {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
  store.put([PageRecordType.create({ id: PAGE, name: 'Page', index: 'a1' as never })]);
  return store;
}

type AnyUtil = { type: string; prototype: { getDefaultProps(): object } };

function shape(store: TLStore, util: AnyUtil, id = createShapeId(), x = 0): TLRecord {
  const options = new (util as unknown as new (e: unknown) => { options: unknown })({}).options;
  const props = util.prototype.getDefaultProps.call({ options });
  return store.schema.types.shape.create({
    id,
    type: util.type,
    parentId: PAGE,
    index: 'a1',
    x,
    y: 0,
    props,
  } as never) as TLRecord;
}

/** Two peers of one board, each a doc, a tldraw store and a binding; updates delivered at once. */
function twoPeers() {
  const docA = fromJSON(templateRoadmap());
  const docB = new Y.Doc();
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
  docA.on('update', (u: Uint8Array, o: unknown) => o !== 'net' && Y.applyUpdate(docB, u, 'net'));
  docB.on('update', (u: Uint8Array, o: unknown) => o !== 'net' && Y.applyUpdate(docA, u, 'net'));
  const originA = { peer: 'a' };
  const originB = { peer: 'b' };
  const storeA = newStore();
  const storeB = newStore();
  const a = new AnnotationBinding(storeA, docA, { origin: originA, schemaOrigin: 'schema' });
  const b = new AnnotationBinding(storeB, docB, { origin: originB, schemaOrigin: 'schema' });
  bindings.push(a, b);
  return { docA, docB, storeA, storeB, a, b, originA };
}

const bindings: AnnotationBinding[] = [];
afterEach(() => {
  for (const binding of bindings.splice(0)) binding.dispose();
  vi.useRealTimers();
});

describe('AnnotationBinding', () => {
  it("writes a user's annotation into the doc with the store schema, and the peer's store gets it", () => {
    const { docA, storeA, storeB, a } = twoPeers();
    const note = shape(storeA, NoteShapeUtil as unknown as AnyUtil);
    storeA.put([note]);
    a.flush();
    expect(docRoots(docA).annotations.get(note.id)).toEqual(JSON.parse(JSON.stringify(note)));
    expect(docRoots(docA).meta.get(META.annotationsSchema)).toEqual(storeA.schema.serialize());
    expect(storeB.get(note.id)).toEqual(note);
  });

  it('batches a burst of edits into one transaction', () => {
    vi.useFakeTimers();
    const { docA, storeA } = twoPeers();
    let transactions = 0;
    docA.on('afterTransaction', () => transactions++);
    const note = shape(storeA, NoteShapeUtil as unknown as AnyUtil);
    storeA.put([note]);
    for (let x = 1; x <= 30; x++) storeA.put([{ ...note, x } as TLRecord]);
    expect(transactions).toBe(0);
    vi.advanceTimersByTime(FLUSH_MS + 1);
    // The records, then the schema it was written with: two transactions, not thirty-one.
    expect(transactions).toBe(2);
    expect((docRoots(docA).annotations.get(note.id) as { x: number }).x).toBe(30);
  });

  it('removes an annotation on both sides, and does not echo remote changes back', () => {
    const { docA, docB, storeA, storeB, a, b } = twoPeers();
    const note = shape(storeA, NoteShapeUtil as unknown as AnyUtil);
    storeA.put([note]);
    a.flush();
    let writesByB = 0;
    docB.on('afterTransaction', (t: Y.Transaction) => {
      if (t.origin !== 'net') writesByB++;
    });
    b.flush();
    expect(writesByB).toBe(0);
    storeB.remove([note.id]);
    b.flush();
    expect(docRoots(docA).annotations.has(note.id)).toBe(false);
    expect(storeA.get(note.id)).toBeUndefined();
  });

  it('keeps arrows bound to their target, and leaves out what the board does not keep', () => {
    const { docA, storeA, storeB, a } = twoPeers();
    const target = shape(storeA, NoteShapeUtil as unknown as AnyUtil, createShapeId(), 400);
    const arrow = shape(storeA, ArrowShapeUtil as unknown as AnyUtil);
    const frame = shape(storeA, FrameShapeUtil as unknown as AnyUtil);
    const binding = storeA.schema.types.binding.create({
      id: createBindingId(),
      type: 'arrow',
      fromId: arrow.id as TLShapeId,
      toId: target.id as TLShapeId,
      props: {
        terminal: 'end',
        normalizedAnchor: { x: 0.5, y: 0.5 },
        isExact: false,
        isPrecise: false,
        snap: 'none',
      },
    } as never) as TLRecord;
    storeA.put([target, arrow, frame]);
    storeA.put([binding]);
    a.flush();
    expect(storeB.get(binding.id)).toEqual(binding);
    expect(docRoots(docA).annotations.has(frame.id)).toBe(false);
    expect(storeB.get(frame.id)).toBeUndefined();
    expect(isAnnotationRecord(binding)).toBe(true);
  });

  it("applies an undo of the user's own drawing to the store (Y.UndoManager, local origin)", () => {
    const { docA, storeA, storeB, a, originA } = twoPeers();
    const undo = createUndoManager(docA, [originA]);
    const note = shape(storeA, NoteShapeUtil as unknown as AnyUtil);
    storeA.put([note]);
    a.flush();
    undo.undo();
    expect(storeA.get(note.id)).toBeUndefined();
    expect(storeB.get(note.id)).toBeUndefined();
    undo.redo();
    expect(storeA.get(note.id)).toEqual(note);
  });

  it('loads what the doc already holds, and skips a record it cannot read', () => {
    const doc = fromJSON(templateRoadmap());
    const source = newStore();
    const note = shape(source, NoteShapeUtil as unknown as AnyUtil);
    doc.transact(() => {
      docRoots(doc).annotations.set(note.id, JSON.parse(JSON.stringify(note)));
      docRoots(doc).annotations.set('shape:broken', {
        ...JSON.parse(JSON.stringify(note)),
        id: 'shape:broken',
        props: { colour: 'not a tldraw prop' },
      });
    }, 'someone');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = newStore();
    bindings.push(new AnnotationBinding(store, doc, { origin: {}, schemaOrigin: 'schema' }));
    expect(store.get(note.id)).toEqual(note);
    expect(store.get('shape:broken' as TLShapeId)).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
  it('never stores an empty text box, and stores it from its first letter', () => {
    const { docA, storeA, storeB, a } = twoPeers();
    const text = shape(storeA, TextShapeUtil as unknown as AnyUtil);
    storeA.put([text]);
    a.flush();
    expect(docRoots(docA).annotations.has(text.id)).toBe(false);
    expect(storeB.get(text.id)).toBeUndefined();
    const typed = {
      ...text,
      props: { ...(text as { props: object }).props, richText: toRichText('Bonjour') },
    };
    storeA.put([typed as TLRecord]);
    a.flush();
    expect(docRoots(docA).annotations.has(text.id)).toBe(true);
    expect(storeB.get(text.id)).toEqual(typed);
  });

  it('does not show an empty text box an older client stored', () => {
    const doc = fromJSON(templateRoadmap());
    const source = newStore();
    const text = shape(source, TextShapeUtil as unknown as AnyUtil);
    doc.transact(() => docRoots(doc).annotations.set(text.id, JSON.parse(JSON.stringify(text))));
    const store = newStore();
    bindings.push(new AnnotationBinding(store, doc, { origin: {}, schemaOrigin: 'schema' }));
    expect(store.get(text.id)).toBeUndefined();
  });
});
