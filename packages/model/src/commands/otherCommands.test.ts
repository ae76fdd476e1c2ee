import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromJSON } from '../doc/fromJSON.ts';
import { toJSON } from '../doc/toJSON.ts';
import { ITEM_CARDS_MAX } from '../limits.ts';
import { catchModelError } from '../test/catchModelError.ts';
import { smallRoadmap } from '../test/smallRoadmap.ts';
import { addDomain } from './addDomain.ts';
import { addPeriod } from './addPeriod.ts';
import { addPhase } from './addPhase.ts';
import { archiveCard } from './archiveCard.ts';
import { createCard } from './createCard.ts';
import { createItem } from './createItem.ts';
import { moveCard } from './moveCard.ts';
import { recolourDomain } from './recolourDomain.ts';
import { recordCheckin } from './recordCheckin.ts';
import { removeDomain } from './removeDomain.ts';
import { removeItem } from './removeItem.ts';
import { renameDomain } from './renameDomain.ts';
import { renamePeriod } from './renamePeriod.ts';
import { renamePhase } from './renamePhase.ts';
import { reorderCard } from './reorderCard.ts';
import { reorderDomain } from './reorderDomain.ts';
import { restoreCard } from './restoreCard.ts';
import { setAnnotationsSchema } from './setAnnotationsSchema.ts';
import { updateBoard } from './updateBoard.ts';
import { updateCard } from './updateCard.ts';
import { updateItem } from './updateItem.ts';

const ME = 'me';

describe('phase and period commands', () => {
  it('adds and renames phases and periods, ordered by start date', () => {
    const doc = fromJSON(smallRoadmap());
    addPhase(
      doc,
      { id: 'p0', label: { fr: 'Phase 0', en: 'Phase 0' }, start: '2015-01-01', end: '2016-09-30' },
      ME,
    );
    addPeriod(
      doc,
      {
        id: 'q0',
        phaseId: 'p0',
        label: { fr: 'P0', en: 'P0' },
        start: '2015-01-01',
        end: '2015-12-31',
      },
      ME,
    );
    renamePhase(doc, { id: 'p0', label: { fr: 'Phase préparatoire' } }, ME);
    renamePeriod(doc, { id: 'q1', label: { en: 'First period' } }, ME);
    const { phases } = toJSON(doc);
    expect(phases.map((p) => p.id)).toEqual(['p0', 'p1', 'p2']);
    expect(phases[0]?.label).toEqual({ fr: 'Phase préparatoire', en: 'Phase 0' });
    expect(phases[0]?.periods.map((p) => p.id)).toEqual(['q0']);
    expect(phases[1]?.periods[0]?.label).toEqual({ fr: 'Période 1', en: 'First period' });
  });

  it('rejects periods outside their phase, inverted dates and impossible dates', () => {
    const doc = fromJSON(smallRoadmap());
    const outside = catchModelError(() =>
      addPeriod(
        doc,
        { phaseId: 'p1', label: { fr: 'x', en: 'x' }, start: '2016-01-01', end: '2016-12-31' },
        ME,
      ),
    );
    expect(outside.messages.fr).toMatch(/dans la phase/);
    const inverted = catchModelError(() =>
      addPhase(doc, { label: { fr: 'x', en: 'x' }, start: '2020-01-01', end: '2019-01-01' }, ME),
    );
    expect(inverted.messages.en).toMatch(/end comes before the start/);
    const bad = catchModelError(() =>
      addPhase(doc, { label: { fr: 'x', en: 'x' }, start: '2017-02-30', end: null }, ME),
    );
    expect(bad.details.path).toBe('input.start');
    expect(
      catchModelError(() => renamePeriod(doc, { id: 'zz', label: { fr: 'x' } }, ME)).code,
    ).toBe('not-found');
  });
});

describe('recordCheckin', () => {
  it('appends to the history; the latest by time is the card status', () => {
    const doc = fromJSON(smallRoadmap());
    recordCheckin(
      doc,
      {
        id: 'k2',
        cardId: 'c1',
        status: 'at-risk',
        progress: 40,
        summary: { fr: 'Retard', en: 'Late' },
        nextMilestone: { label: { fr: 'Ébauche', en: 'Draft' }, targetDate: '2017-06-30' },
        risks: { fr: 'Ressources', en: 'Resources' },
        author: 'Alice',
        at: '2017-05-01T12:00:00Z',
      },
      ME,
    );
    recordCheckin(
      doc,
      { id: 'k1', cardId: 'c1', status: 'on-track', author: 'Bob', at: '2017-04-01T12:00:00Z' },
      ME,
    );
    const card = toJSON(doc).cards.find((c) => c.id === 'c1');
    expect(card?.checkins.map((k) => k.id)).toEqual(['k1', 'k2']);
    expect(card?.latestStatus).toMatchObject({
      checkinId: 'k2',
      status: 'at-risk',
      progress: 40,
      author: 'Alice',
    });
  });

  it('is idempotent for the same check-in and rejects a reused id, bad progress or archived cards', () => {
    const doc = fromJSON(smallRoadmap());
    const input = {
      id: 'k1',
      cardId: 'c1',
      status: 'done',
      author: 'A',
      at: '2017-04-01T00:00:00Z',
    } as const;
    recordCheckin(doc, input, ME);
    recordCheckin(doc, input, ME);
    expect(toJSON(doc).cards.find((c) => c.id === 'c1')?.checkins).toHaveLength(1);
    expect(
      catchModelError(() => recordCheckin(doc, { ...input, status: 'blocked' }, ME)).code,
    ).toBe('duplicate-id');
    expect(
      catchModelError(() => recordCheckin(doc, { ...input, id: 'k2', progress: 101 }, ME)).details
        .path,
    ).toBe('input.progress');
    expect(
      catchModelError(() => recordCheckin(doc, { ...input, id: 'k3', at: '2017-04-01' }, ME)).code,
    ).toBe('invalid-input');
    archiveCard(doc, { id: 'c2' }, ME);
    expect(
      catchModelError(() => recordCheckin(doc, { ...input, id: 'k4', cardId: 'c2' }, ME)).code,
    ).toBe('archived');
  });
});

describe('item commands', () => {
  it('creates, moves and removes roadmap items', () => {
    const doc = fromJSON(smallRoadmap());
    createItem(
      doc,
      {
        id: 'i2',
        label: { fr: 'A2', en: 'A2' },
        role: 'Int',
        kind: 'ongoing',
        domainId: 'd1',
        startPeriodId: 'q1',
        endPeriodId: 'q1',
        position: { before: 'i1' },
      },
      ME,
    );
    expect(toJSON(doc).items.map((i) => i.id)).toEqual(['i2', 'i1']);
    updateItem(
      doc,
      { id: 'i2', domainId: 'd3', endPeriodId: 'q2', label: { en: 'Activity 2' } },
      ME,
    );
    expect(toJSON(doc).items.find((i) => i.id === 'i2')).toMatchObject({
      domainId: 'd3',
      endPeriodId: 'q2',
      label: { fr: 'A2', en: 'Activity 2' },
    });
    expect(
      catchModelError(() =>
        updateItem(doc, { id: 'i2', startPeriodId: 'q2', endPeriodId: 'q1' }, ME),
      ).code,
    ).toBe('invalid-input');
    removeItem(doc, { id: 'i2' }, ME);
    expect(toJSON(doc).items.map((i) => i.id)).toEqual(['i1']);
    expect(catchModelError(() => removeItem(doc, { id: 'i2' }, ME)).code).toBe('not-found');
  });

  it('names the cards that deliver an item: known cards only, no duplicates, a bounded list', () => {
    const doc = fromJSON(smallRoadmap());
    const base = {
      label: { fr: 'A', en: 'A' },
      role: 'In' as const,
      kind: 'new' as const,
      domainId: 'd2',
      startPeriodId: 'q1',
      endPeriodId: 'q2',
    };
    createItem(doc, { ...base, id: 'i2', cardIds: ['c3', 'c4'] }, ME);
    createItem(doc, { ...base, id: 'i3' }, ME);
    const items = () => new Map(toJSON(doc).items.map((i) => [i.id, i.cardIds]));
    expect(items().get('i2')).toEqual(['c3', 'c4']);
    expect(items().get('i3')).toEqual([]);
    updateItem(doc, { id: 'i2', cardIds: ['c4'] }, ME);
    expect(items().get('i2')).toEqual(['c4']);
    expect(catchModelError(() => updateItem(doc, { id: 'i2', cardIds: ['nope'] }, ME)).code).toBe(
      'not-found',
    );
    expect(
      catchModelError(() => updateItem(doc, { id: 'i2', cardIds: ['c1', 'c1'] }, ME)).details.path,
    ).toBe('input.cardIds');
    const many = Array.from({ length: ITEM_CARDS_MAX + 1 }, (_, n) => `m${n}`);
    for (const id of many) {
      createCard(
        doc,
        { id, title: { fr: id, en: id }, role: 'In', domainId: 'd1', phaseId: 'p1' },
        ME,
      );
    }
    expect(
      catchModelError(() => updateItem(doc, { id: 'i2', cardIds: many }, ME)).details.path,
    ).toBe('input.cardIds');
    updateItem(doc, { id: 'i2', cardIds: many.slice(0, ITEM_CARDS_MAX) }, ME);
    expect(items().get('i2')).toHaveLength(ITEM_CARDS_MAX);
    // A card whose creation is undone (deleted) no longer appears in the items naming it.
    doc.getMap('cards').delete('m0');
    expect(items().get('i2')).toHaveLength(ITEM_CARDS_MAX - 1);
    expect(items().get('i2')).not.toContain('m0');
  });
});

describe('updateBoard', () => {
  it('changes the title and settings, validating them', () => {
    const doc = fromJSON(smallRoadmap());
    updateBoard(doc, { title: { en: 'Roadmap' }, settings: { staleAfterDays: 30 } }, ME);
    expect(toJSON(doc).board).toMatchObject({
      title: { fr: 'Petit tableau', en: 'Roadmap' },
      settings: { staleAfterDays: 30, defaultLocale: 'fr' },
    });
    expect(
      catchModelError(() => updateBoard(doc, { settings: { staleAfterDays: 0 } }, ME)).code,
    ).toBe('invalid-input');
  });
});

describe('every command', () => {
  const commands: [string, (doc: Y.Doc, origin: unknown) => unknown][] = [
    [
      'createCard',
      (d, o) =>
        createCard(
          d,
          { title: { fr: 'x', en: 'x' }, role: 'In', domainId: 'd1', phaseId: 'p1' },
          o,
        ),
    ],
    ['updateCard', (d, o) => updateCard(d, { id: 'c1', title: { fr: 'y' }, members: ['m'] }, o)],
    ['moveCard', (d, o) => moveCard(d, { id: 'c1', domainId: 'd3', phaseId: 'p2' }, o)],
    ['reorderCard', (d, o) => reorderCard(d, { id: 'c2', position: { index: 0 } }, o)],
    ['archiveCard', (d, o) => archiveCard(d, { id: 'c1' }, o)],
    [
      'restoreCard',
      (d, o) => {
        archiveCard(d, { id: 'c1' }, 'setup');
        restoreCard(d, { id: 'c1' }, o);
      },
    ],
    ['addDomain', (d, o) => addDomain(d, { label: { fr: 'x', en: 'x' }, colour: '#000000' }, o)],
    ['renameDomain', (d, o) => renameDomain(d, { id: 'd1', label: { fr: 'x', en: 'y' } }, o)],
    ['recolourDomain', (d, o) => recolourDomain(d, { id: 'd1', colour: '#000000' }, o)],
    ['reorderDomain', (d, o) => reorderDomain(d, { id: 'd1', position: { index: 2 } }, o)],
    ['removeDomain', (d, o) => removeDomain(d, { id: 'd1', moveTo: 'd2' }, o)],
    [
      'addPhase',
      (d, o) => addPhase(d, { label: { fr: 'x', en: 'x' }, start: '2020-01-01', end: null }, o),
    ],
    ['renamePhase', (d, o) => renamePhase(d, { id: 'p1', label: { fr: 'x' } }, o)],
    [
      'addPeriod',
      (d, o) =>
        addPeriod(
          d,
          { phaseId: 'p2', label: { fr: 'x', en: 'x' }, start: '2018-04-01', end: '2018-09-30' },
          o,
        ),
    ],
    ['renamePeriod', (d, o) => renamePeriod(d, { id: 'q1', label: { fr: 'x' } }, o)],
    [
      'recordCheckin',
      (d, o) => recordCheckin(d, { cardId: 'c1', status: 'on-track', author: 'a' }, o),
    ],
    [
      'createItem',
      (d, o) =>
        createItem(
          d,
          {
            label: { fr: 'x', en: 'x' },
            role: 'In',
            kind: 'new',
            domainId: 'd2',
            startPeriodId: 'q1',
            endPeriodId: 'q2',
          },
          o,
        ),
    ],
    ['updateItem', (d, o) => updateItem(d, { id: 'i1', kind: 'ongoing', domainId: 'd3' }, o)],
    ['removeItem', (d, o) => removeItem(d, { id: 'i1' }, o)],
    ['setAnnotationsSchema', (d, o) => setAnnotationsSchema(d, { schemaVersion: 2 }, o)],
    [
      'updateBoard',
      (d, o) => updateBoard(d, { title: { fr: 'x' }, settings: { defaultLocale: 'en' } }, o),
    ],
  ];

  it.each(commands)('%s writes exactly one transaction, with the caller origin', (_name, run) => {
    const doc = fromJSON(smallRoadmap());
    const before = toJSON(doc);
    const origin = { user: 'alice' };
    const seen: unknown[] = [];
    doc.on('update', (_update: Uint8Array, updateOrigin: unknown) => {
      if (updateOrigin !== 'setup') seen.push(updateOrigin);
    });
    run(doc, origin);
    expect(seen).toEqual([origin]);
    expect(toJSON(doc)).not.toEqual(before);
  });

  it('refuses to write to a doc of another schema version', () => {
    const doc = new Y.Doc();
    expect(
      catchModelError(() =>
        addPhase(doc, { label: { fr: 'x', en: 'x' }, start: '2020-01-01', end: null }, ME),
      ).code,
    ).toBe('schema-outdated');
    doc.getMap('meta').set('schemaVersion', 99);
    expect(catchModelError(() => toJSON(doc)).code).toBe('schema-too-new');
  });
});
