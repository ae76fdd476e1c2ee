import { describe, expect, it } from 'vitest';
import { ModelError } from '../ModelError.ts';
import type { Roadmap } from '../roadmap.ts';
import { templateRoadmap } from '../template/templateRoadmap.ts';
import { catchModelError } from '../test/catchModelError.ts';
import { smallRoadmap } from '../test/smallRoadmap.ts';
import { fromJSON } from './fromJSON.ts';
import { toJSON } from './toJSON.ts';

/** The small board with history, annotations and every optional field filled. */
function richRoadmap(): Roadmap {
  const base = smallRoadmap();
  const checkin = (id: string, at: string, status: 'on-track' | 'blocked') => ({
    id,
    cardId: 'c1',
    status,
    progress: status === 'blocked' ? null : 55,
    summary: { fr: `Résumé ${id}`, en: `Summary ${id}` },
    nextMilestone: { label: { fr: 'Jalon', en: 'Milestone' }, targetDate: '2017-09-30' },
    asks: { fr: 'Des ressources', en: 'Resources' },
    risks: { fr: '', en: '' },
    author: 'Alice Tremblay',
    at,
  });
  const history = [
    checkin('k1', '2017-01-10T09:00:00Z', 'on-track'),
    checkin('k2', '2017-03-01T09:30:00.125Z', 'blocked'),
  ];
  const [c1, ...others] = base.cards;
  if (c1 === undefined) throw new Error('fixture');
  return {
    ...base,
    cards: [
      {
        ...c1,
        periodIds: ['q2', 'q1'],
        mandate: { fr: 'Mandat', en: 'Mandate' },
        deliverables: { fr: 'Livrables', en: 'Deliverables' },
        leadJurisdiction: 'Nouveau-Brunswick',
        members: ['Alice Tremblay', 'Bob Singh'],
        formedFrom: [{ fr: 'Comité de recherche', en: 'Research Committee' }],
        checkins: history,
        latestStatus: {
          checkinId: 'k2',
          status: 'blocked',
          progress: null,
          summary: { fr: 'Résumé k2', en: 'Summary k2' },
          nextMilestone: { label: { fr: 'Jalon', en: 'Milestone' }, targetDate: '2017-09-30' },
          author: 'Alice Tremblay',
          at: '2017-03-01T09:30:00.125Z',
        },
      },
      ...others.map((card) => (card.id === 'c2' ? { ...card, archived: true } : card)),
    ],
    annotations: {
      schema: { schemaVersion: 2, sequences: { 'com.tldraw.shape.note': 9 } },
      records: {
        'binding:1': {
          id: 'binding:1',
          fromId: 'shape:arrow',
          toId: 'shape:card-c1',
          props: { isExact: false },
        },
        'shape:note': {
          id: 'shape:note',
          type: 'note',
          x: 12.5,
          y: -3,
          props: { text: 'À revoir', tags: [null, true] },
        },
      },
    },
  };
}

describe('fromJSON / toJSON', () => {
  it('round-trips losslessly, including check-in history and annotations', () => {
    for (const roadmap of [richRoadmap(), smallRoadmap(), templateRoadmap()]) {
      expect(toJSON(fromJSON(roadmap))).toEqual(roadmap);
    }
  });

  it('produces plain JSON that survives serialization', () => {
    const json = toJSON(fromJSON(richRoadmap()));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.format).toBe('fdr.roadmap');
    expect(json.version).toBe(1);
  });

  it('derives latestStatus when absent and rejects one that contradicts the history', () => {
    const rich = richRoadmap();
    const [c1, ...rest] = rich.cards;
    const { latestStatus, ...withoutLatest } = c1!;
    expect(toJSON(fromJSON({ ...rich, cards: [withoutLatest, ...rest] }))).toEqual(rich);
    const wrong = { ...c1!, latestStatus: { ...latestStatus!, status: 'done' } };
    expect(catchModelError(() => fromJSON({ ...rich, cards: [wrong, ...rest] })).details.path).toBe(
      'cards[0].latestStatus',
    );
  });

  it('rejects bad documents with a path and both languages', () => {
    const ok = smallRoadmap();
    const cases: [unknown, string, string][] = [
      [null, 'invalid-input', ''],
      [{ ...ok, format: 'other' }, 'invalid-document', 'format'],
      [{ ...ok, version: 2 }, 'schema-too-new', 'version'],
      [{ ...ok, extra: 1 }, 'invalid-input', '.extra'],
      [{ ...ok, domains: [...ok.domains, ok.domains[0]] }, 'duplicate-id', 'domains[3].id'],
      [
        { ...ok, cards: [{ ...ok.cards[0], domainId: 'gone' }] },
        'invalid-document',
        'cards[0].domainId',
      ],
      [
        { ...ok, cards: [{ ...ok.cards[0], periodIds: ['nope'] }] },
        'invalid-document',
        'cards[0].periodIds[0]',
      ],
      [
        { ...ok, cards: [{ ...ok.cards[3], periodIds: ['q1'] }] },
        'invalid-document',
        'cards[0].periodIds[0]',
      ],
      [{ ...ok, cards: [{ ...ok.cards[0], order: 'V0' }] }, 'invalid-input', 'cards[0].order'],
      [{ ...ok, cards: [{ ...ok.cards[0], colour: 'x' }] }, 'invalid-input', 'cards[0].colour'],
      [
        { ...ok, items: [{ ...ok.items[0], endPeriodId: 'zz' }] },
        'invalid-document',
        'items[0].endPeriodId',
      ],
      [
        { ...ok, items: [{ ...ok.items[0], cardIds: ['c1', 'gone'] }] },
        'invalid-document',
        'items[0].cardIds[1]',
      ],
      [
        { ...ok, items: [{ ...ok.items[0], cardIds: ['c1', 'c1'] }] },
        'invalid-input',
        'items[0].cardIds',
      ],
      [
        { ...ok, annotations: { schema: null, records: { a: { n: Number.NaN } } } },
        'invalid-input',
        'annotations.records.a.n',
      ],
      [
        { ...ok, board: { ...ok.board, settings: { staleAfterDays: -1, defaultLocale: 'fr' } } },
        'invalid-input',
        'board.settings.staleAfterDays',
      ],
      [{ ...ok, phases: [{ ...ok.phases[0], end: '2015-01-01' }] }, 'invalid-input', 'phases[0]'],
    ];
    for (const [input, code, path] of cases) {
      const error = catchModelError(() => fromJSON(input));
      expect([error.code, error.details.path], JSON.stringify(error.messages)).toEqual([
        code,
        path,
      ]);
    }
  });

  it('reads an item exported before items named their cards as naming none', () => {
    const ok = smallRoadmap();
    const { cardIds: _none, ...older } = ok.items[0] as Roadmap['items'][number];
    expect(toJSON(fromJSON({ ...ok, items: [older] })).items[0]?.cardIds).toEqual([]);
  });

  it('throws ModelError only (never a TypeError) on arbitrary junk', () => {
    for (const junk of [undefined, 42, 'roadmap', [], { format: 'fdr.roadmap', version: 1 }]) {
      expect(() => fromJSON(junk)).toThrow(ModelError);
    }
  });
});
