import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scanUpdate } from './scanUpdate.ts';

/** What a full decode counts, the reference the scan must agree with. */
function decodedShape(update: Uint8Array) {
  const { structs, ds } = Y.decodeUpdate(update);
  let deleteRanges = 0;
  for (const ranges of ds.clients.values()) deleteRanges += ranges.length;
  return { structs: structs.length, deleteRanges };
}

/** Updates of every content kind Yjs writes, from several clients, with deletions. */
function samples(): Uint8Array[] {
  const out: Uint8Array[] = [];
  const doc = new Y.Doc();
  doc.on('update', (u: Uint8Array) => out.push(u));
  const map = doc.getMap('m');
  map.set('int', 42);
  map.set('negative', -123_456_789);
  map.set('float', 1.5);
  map.set('big', 2n ** 60n);
  map.set('flags', [true, false, null, undefined]);
  map.set('nested', { a: { b: [1, 'two', { c: 3.25 }] }, 'clé é': 'valeur' });
  map.set('bytes', Uint8Array.of(1, 2, 3));
  const inner = new Y.Map<unknown>();
  map.set('inner', inner);
  inner.set('title', { fr: 'Équipe', en: 'Team' });
  const text = doc.getText('t');
  text.insert(0, 'Bonjour le monde 🌍');
  text.format(0, 7, { bold: true });
  text.insertEmbed(3, { image: 'x.png' });
  text.delete(2, 4);
  const list = doc.getArray<unknown>('a');
  list.insert(0, [1, 2, 3, 'x', { y: 1 }]);
  list.delete(1, 2);
  const xml = doc.getXmlFragment('x');
  const element = new Y.XmlElement('p');
  xml.insert(0, [element, new Y.XmlText('texte')]);
  // A hook is an XML node Yjs writes with a name, as an element is.
  xml.insert(2, [new Y.XmlHook('hook') as unknown as Y.XmlElement]);
  element.setAttribute('class', 'c');
  map.set('sub', new Y.Doc({ guid: 'sub-1' }));
  map.delete('int');
  const other = new Y.Doc();
  other.getMap('m').set('from another client', 'oui');
  out.push(Y.encodeStateAsUpdate(doc));
  out.push(Y.mergeUpdates([Y.encodeStateAsUpdate(doc), Y.encodeStateAsUpdate(other)]));
  // Garbage-collected structs.
  const gc = new Y.Doc();
  gc.getArray('g').insert(0, ['a', 'b', 'c']);
  gc.getArray('g').delete(0, 3);
  out.push(Y.encodeStateAsUpdate(gc));
  out.push(Y.encodeStateAsUpdate(new Y.Doc()));
  return out;
}

describe('scanUpdate', () => {
  it('counts the structs and deleted ranges of every kind of update as a full decode does', () => {
    const all = samples();
    expect(all.length).toBeGreaterThan(20);
    for (const update of all) expect(scanUpdate(update)).toEqual(decodedShape(update));
  });

  it('refuses every truncation of an update, and trailing bytes', () => {
    const whole = samples().at(-3)!; // the merged one: every kind, two clients
    for (let cut = 0; cut < whole.length; cut++) {
      expect(() => scanUpdate(whole.subarray(0, cut)), `cut at ${cut}`).toThrow();
    }
    expect(() => scanUpdate(Uint8Array.of(...whole, 0))).toThrow(/trailing/);
  });

  it('refuses unknown content and value kinds, and values nested past its depth', () => {
    // One client, one struct: info byte with content ref 11 (none such), parent by name "m".
    expect(() => scanUpdate(Uint8Array.of(1, 1, 5, 0, 11, 1, 1, 109, 0))).toThrow(/content ref/);
    // ContentAny holding one value of kind 100 (none such).
    expect(() => scanUpdate(Uint8Array.of(1, 1, 5, 0, 8, 1, 1, 109, 1, 100, 0))).toThrow(
      /value kind/,
    );
    const deep = Uint8Array.of(
      1,
      1,
      5,
      0,
      8,
      1,
      1,
      109,
      1,
      ...new Array(100).fill(117).flatMap((k) => [k, 1]),
      126,
      0,
    );
    expect(() => scanUpdate(deep)).toThrow(/nested deeper/);
  });

  it('stops counting once past the limit it is given', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 1000; i++) doc.getMap('m').set(`k${i}`, i);
    });
    expect(scanUpdate(Y.encodeStateAsUpdate(doc), 10).structs).toBe(11);
  });
});
