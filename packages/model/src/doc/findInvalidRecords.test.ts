import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FALLBACK_DOMAIN_COLOUR } from '../records/domain.ts';
import { smallRoadmap } from '../test/smallRoadmap.ts';
import { findInvalidRecords, type RecordRef } from './findInvalidRecords.ts';
import { fromJSON } from './fromJSON.ts';
import { docRoots, META, SCHEMA_VERSION } from './layout.ts';

const ALL: RecordRef[] = [
  { kind: 'board', id: 'board' },
  ...['d1', 'd2', 'd3'].map((id) => ({ kind: 'domain' as const, id })),
  ...['p1', 'p2'].map((id) => ({ kind: 'phase' as const, id })),
  ...['q1', 'q2'].map((id) => ({ kind: 'period' as const, id })),
  ...['c1', 'c2', 'c3', 'c4'].map((id) => ({ kind: 'card' as const, id })),
  { kind: 'item', id: 'i1' },
];

function board() {
  const doc = fromJSON(smallRoadmap());
  const roots = docRoots(doc);
  const record = (root: Y.Map<Y.Map<unknown>>, id: string) => root.get(id) as Y.Map<unknown>;
  return { doc, roots, record };
}

describe('findInvalidRecords', () => {
  it('finds nothing on a board written by the commands, nor for a record that is not there', () => {
    const { doc } = board();
    expect(findInvalidRecords(doc, [...ALL, { kind: 'card', id: 'gone' }])).toEqual([]);
  });

  it('names a bad colour and gives the colour readers show instead', () => {
    const { doc, roots, record } = board();
    record(roots.domains, 'd1').set('colour', 'not-a-colour');
    expect(findInvalidRecords(doc, ALL)).toEqual([
      {
        kind: 'domain',
        id: 'd1',
        fixes: [
          expect.objectContaining({
            field: 'colour',
            keys: ['colour'],
            repaired: { colour: FALLBACK_DOMAIN_COLOUR },
          }),
        ],
      },
    ]);
  });

  it('drops the cards an item names that are not on the board, and fills a missing list', () => {
    const { doc, roots, record } = board();
    record(roots.items, 'i1').set('cardIds', ['c1', 'gone']);
    expect(findInvalidRecords(doc, [{ kind: 'item', id: 'i1' }])).toEqual([
      {
        kind: 'item',
        id: 'i1',
        fixes: [expect.objectContaining({ field: 'cardIds', repaired: { cardIds: ['c1'] } })],
      },
    ]);
    record(roots.items, 'i1').delete('cardIds');
    expect(findInvalidRecords(doc, [{ kind: 'item', id: 'i1' }])).toEqual([
      {
        kind: 'item',
        id: 'i1',
        fixes: [expect.objectContaining({ field: 'cardIds', repaired: { cardIds: [] } })],
      },
    ]);
  });

  it('maps a text field onto its two stored keys', () => {
    const { doc, roots, record } = board();
    record(roots.cards, 'c2').set('title.en', 'y'.repeat(301));
    const [invalid] = findInvalidRecords(doc, [{ kind: 'card', id: 'c2' }]);
    expect(invalid?.fixes).toEqual([
      expect.objectContaining({
        field: 'title',
        keys: ['title.fr', 'title.en'],
        repaired: { 'title.fr': 'Carte c2', 'title.en': 'y'.repeat(300) },
      }),
    ]);
  });

  it('puts a card whose cell names no lane in the first lane, keeping the rest of the cell', () => {
    const { doc, roots, record } = board();
    const cell = record(roots.cards, 'c3').get('cell') as { order: string };
    record(roots.cards, 'c3').set('cell', {
      domainId: 'nowhere',
      phaseId: 'p1',
      order: cell.order,
    });
    const [invalid] = findInvalidRecords(doc, [{ kind: 'card', id: 'c3' }]);
    expect(invalid?.fixes).toEqual([
      expect.objectContaining({
        field: 'cell',
        keys: ['cell'],
        repaired: { cell: { domainId: 'd1', phaseId: 'p1', order: cell.order } },
      }),
    ]);
  });

  it('removes unknown fields, and gives up on a record that is not a map or has a bad id', () => {
    const { doc, roots, record } = board();
    record(roots.domains, 'd2').set('evil', 'x'.repeat(1000));
    roots.items.set('i2', 'not a record' as unknown as Y.Map<unknown>);
    const badId = new Y.Map<unknown>();
    roots.domains.set('bad id', badId);
    const found = findInvalidRecords(doc, [
      { kind: 'domain', id: 'd2' },
      { kind: 'item', id: 'i2' },
      { kind: 'domain', id: 'bad id' },
    ]);
    expect(found.map((r) => [r.id, r.fixes.map((f) => [f.field, f.repaired])])).toEqual([
      ['d2', [['evil', { evil: undefined }]]],
      ['i2', [[null, null]]],
      ['bad id', [['id', null]]],
    ]);
  });

  it('refuses a check-in that does not validate, names another card, or another key', () => {
    const { doc, roots } = board();
    const checkin = {
      id: 'k1',
      cardId: 'c1',
      status: 'done',
      progress: null,
      summary: { fr: '', en: '' },
      nextMilestone: null,
      asks: { fr: '', en: '' },
      risks: { fr: '', en: '' },
      author: 'Ana',
      at: '2024-01-01T00:00:00Z',
    };
    roots.checkinLog.set('k1', checkin);
    roots.checkinLog.set('k2', { ...checkin, id: 'k2', status: 'meh' });
    roots.checkinLog.set('k3', { ...checkin, id: 'k3', cardId: 'ghost' });
    roots.checkinLog.set('k4', checkin);
    const refs = ['k1', 'k2', 'k3', 'k4'].map((id) => ({ kind: 'checkin' as const, id }));
    expect(findInvalidRecords(doc, refs).map((r) => [r.id, r.fixes[0]?.repaired])).toEqual([
      ['k2', null],
      ['k3', null],
      ['k4', null],
    ]);
  });

  it("keeps the board's schema version and settings within the model's rules", () => {
    const { doc, roots } = board();
    roots.meta.set(META.schemaVersion, 99);
    roots.meta.set(META.staleAfterDays, -4);
    const [invalid] = findInvalidRecords(doc, [{ kind: 'board', id: 'board' }]);
    expect(invalid?.fixes.map((f) => f.repaired)).toEqual([
      { [META.schemaVersion]: SCHEMA_VERSION },
      { [META.staleAfterDays]: 60, [META.defaultLocale]: 'fr' },
    ]);
  });
});
