import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDomain } from '../commands/addDomain.ts';
import { addPhase } from '../commands/addPhase.ts';
import { createCard } from '../commands/createCard.ts';
import { catchModelError } from '../test/catchModelError.ts';
import { META, readSchemaVersion, SCHEMA_VERSION } from './layout.ts';
import { LEGACY_CHECKINS_V1, MIGRATIONS, migrateDoc } from './migrations.ts';
import { toJSON } from './toJSON.ts';

/** A board as version 1 laid it out: per-card check-in arrays, no stale-after setting. */
function version1Doc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set(META.schemaVersion, 1);
    meta.set(META.boardId, 'b1');
    meta.set('title.fr', 'Tableau');
    meta.set('title.en', 'Board');
    meta.set(META.defaultLocale, 'en');
    meta.set(META.annotationsSchema, null);
    const domain = new Y.Map<unknown>();
    doc.getMap('domains').set('d1', domain);
    domain.set('label.fr', 'D');
    domain.set('label.en', 'D');
    domain.set('colour', '#1f4e79');
    domain.set('order', 'V');
    domain.set('removed', false);
    domain.set('removedInto', null);
    const phase = new Y.Map<unknown>();
    doc.getMap('phases').set('p1', phase);
    phase.set('label.fr', 'P');
    phase.set('label.en', 'P');
    phase.set('start', '2016-10-01');
    phase.set('end', null);
    for (const id of ['c1', 'c2']) {
      const card = new Y.Map<unknown>();
      doc.getMap('cards').set(id, card);
      card.set('title.fr', id);
      card.set('title.en', id);
      card.set('role', 'In');
      card.set('state', 'new');
      card.set('cell', { domainId: 'd1', phaseId: 'p1', order: id === 'c1' ? 'G' : 'V' });
      card.set('archived', false);
    }
    const history = new Y.Array<unknown>();
    doc.getMap(LEGACY_CHECKINS_V1).set('c1', history);
    const base = { progress: null, summary: { fr: '', en: '' }, nextMilestone: null };
    const texts = { asks: { fr: '', en: '' }, risks: { fr: '', en: '' }, author: 'A' };
    history.push([
      { id: 'k1', status: 'on-track', ...base, ...texts, at: '2017-01-01T00:00:00Z' },
      { id: 'k2', status: 'blocked', ...base, ...texts, at: '2017-02-01T00:00:00Z' },
    ]);
  });
  return doc;
}

describe('migrations', () => {
  it('form a chain from 0 to the current version', () => {
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(MIGRATIONS.at(-1)?.to).toBe(SCHEMA_VERSION);
  });

  it('0 → … → 3: initializes an unversioned doc and keeps canvas content written before', () => {
    const doc = new Y.Doc();
    doc.getMap('annotations').set('shape:note', { id: 'shape:note', type: 'note' });
    expect(readSchemaVersion(doc)).toBe(0);
    expect(catchModelError(() => toJSON(doc)).code).toBe('schema-outdated');
    const result = migrateDoc(doc, 'migration', {
      boardId: 'board-7',
      title: { fr: 'FR', en: 'EN' },
    });
    expect(result).toEqual({ from: 0, to: 3 });
    const roadmap = toJSON(doc);
    expect(roadmap.board).toEqual({
      id: 'board-7',
      title: { fr: 'FR', en: 'EN' },
      settings: { staleAfterDays: 60, defaultLocale: 'fr' },
    });
    expect(roadmap.annotations.records).toEqual({
      'shape:note': { id: 'shape:note', type: 'note' },
    });
    // The migrated doc takes commands.
    addDomain(doc, { id: 'd', label: { fr: 'D', en: 'D' }, colour: '#000000' }, 'me');
    addPhase(doc, { id: 'p', label: { fr: 'P', en: 'P' }, start: '2020-01-01', end: null }, 'me');
    createCard(
      doc,
      { id: 'c', title: { fr: 'C', en: 'C' }, role: 'In', domainId: 'd', phaseId: 'p' },
      'me',
    );
    expect(toJSON(doc).cards.map((c) => c.id)).toEqual(['c']);
  });

  it('1 → 2: moves per-card check-in arrays into the log and adds staleAfterDays', () => {
    const doc = version1Doc();
    expect(migrateDoc(doc, 'migration')).toEqual({ from: 1, to: 3 });
    const roadmap = toJSON(doc);
    expect(roadmap.board.settings).toEqual({ staleAfterDays: 60, defaultLocale: 'en' });
    const c1 = roadmap.cards.find((c) => c.id === 'c1');
    expect(c1?.checkins.map((k) => [k.id, k.cardId, k.status])).toEqual([
      ['k1', 'c1', 'on-track'],
      ['k2', 'c1', 'blocked'],
    ]);
    expect(c1?.latestStatus?.status).toBe('blocked');
    expect(doc.getMap(LEGACY_CHECKINS_V1).size).toBe(0);
  });

  it('is a no-op on a current doc and refuses a newer one', () => {
    const doc = version1Doc();
    migrateDoc(doc, 'migration');
    const updates: unknown[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    expect(migrateDoc(doc, 'migration')).toEqual({ from: 3, to: 3 });
    expect(updates).toHaveLength(0);
    doc.getMap('meta').set(META.schemaVersion, SCHEMA_VERSION + 1);
    expect(catchModelError(() => migrateDoc(doc, 'migration')).code).toBe('schema-too-new');
  });

  it('2 → 3: gives every stored item an empty list of cards, and keeps one already set', () => {
    const doc = version1Doc();
    doc.transact(() => {
      doc.getMap('meta').set(META.schemaVersion, 2);
      const period = new Y.Map<unknown>();
      doc.getMap('periods').set('q1', period);
      period.set('phaseId', 'p1');
      period.set('label.fr', 'Q');
      period.set('label.en', 'Q');
      period.set('start', '2016-10-01');
      period.set('end', '2017-03-31');
      for (const id of ['i1', 'i2']) {
        const item = new Y.Map<unknown>();
        doc.getMap('items').set(id, item);
        item.set('label.fr', id);
        item.set('label.en', id);
        item.set('role', 'Pr');
        item.set('kind', 'new');
        item.set('domainId', 'd1');
        item.set('startPeriodId', 'q1');
        item.set('endPeriodId', 'q1');
        item.set('order', 'V');
        // A client that already knew the field (a later migration rerun) keeps its list.
        if (id === 'i2') item.set('cardIds', ['c2']);
      }
    });
    expect(migrateDoc(doc, 'migration')).toEqual({ from: 2, to: 3 });
    const items = doc.getMap<Y.Map<unknown>>('items');
    expect(items.get('i1')?.get('cardIds')).toEqual([]);
    expect(items.get('i2')?.get('cardIds')).toEqual(['c2']);
    expect(toJSON(doc).items.map((i) => [i.id, i.cardIds])).toEqual([
      ['i1', []],
      ['i2', ['c2']],
    ]);
  });

  it('converges when two peers migrate the same doc concurrently', () => {
    const a = version1Doc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    migrateDoc(a, 'migration');
    migrateDoc(b, 'migration');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(toJSON(a)).toEqual(toJSON(b));
    expect(toJSON(a).cards.find((c) => c.id === 'c1')?.checkins).toHaveLength(2);
  });
});
