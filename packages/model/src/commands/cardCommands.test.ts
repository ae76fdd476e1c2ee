import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromJSON } from '../doc/fromJSON.ts';
import { toJSON } from '../doc/toJSON.ts';
import { catchModelError } from '../test/catchModelError.ts';
import { smallRoadmap } from '../test/smallRoadmap.ts';
import { archiveCard } from './archiveCard.ts';
import { createCard } from './createCard.ts';
import { moveCard } from './moveCard.ts';
import { reorderCard } from './reorderCard.ts';
import { restoreCard } from './restoreCard.ts';
import { updateCard } from './updateCard.ts';

const ME = 'me';

function cellIds(doc: Y.Doc, domainId: string, phaseId: string): string[] {
  return toJSON(doc)
    .cards.filter((c) => c.domainId === domainId && c.phaseId === phaseId && !c.archived)
    .map((c) => c.id);
}

function card(doc: Y.Doc, id: string) {
  const found = toJSON(doc).cards.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no card ${id}`);
  return found;
}

describe('createCard', () => {
  it('creates a card at the requested position in its cell', () => {
    const doc = fromJSON(smallRoadmap());
    const id = createCard(
      doc,
      {
        id: 'new-card',
        title: { fr: 'Équipe spéciale chargée de la sécurité', en: 'Security' },
        role: 'CE',
        domainId: 'd1',
        phaseId: 'p1',
        periodIds: ['q2'],
        position: { after: 'c1' },
        leadJurisdiction: 'Ontario',
        members: ['Alice', 'Bob'],
      },
      ME,
    );
    expect(id).toBe('new-card');
    expect(cellIds(doc, 'd1', 'p1')).toEqual(['c1', 'new-card', 'c2']);
    // Staleness counts from here: the command records when the card came onto the board.
    const createdAt = Date.parse(card(doc, id).createdAt ?? '');
    expect(Math.abs(Date.now() - createdAt)).toBeLessThan(60_000);
    expect(card(doc, id)).toMatchObject({
      role: 'CE',
      state: 'new',
      periodIds: ['q2'],
      leadJurisdiction: 'Ontario',
      members: ['Alice', 'Bob'],
      archived: false,
      checkins: [],
      latestStatus: null,
    });
  });

  it('generates a random id when none is given', () => {
    const doc = fromJSON(smallRoadmap());
    const a = createCard(
      doc,
      { title: { fr: 'A', en: '' }, role: 'In', domainId: 'd3', phaseId: 'p2' },
      ME,
    );
    const b = createCard(
      doc,
      { title: { fr: 'B', en: '' }, role: 'In', domainId: 'd3', phaseId: 'p2' },
      ME,
    );
    expect(a).not.toBe(b);
    expect(cellIds(doc, 'd3', 'p2')).toEqual([a, b]);
  });

  it('rejects invalid input with a bilingual ModelError and writes nothing', () => {
    const doc = fromJSON(smallRoadmap());
    const before = toJSON(doc);
    const base = {
      title: { fr: 'X', en: 'X' },
      role: 'In',
      domainId: 'd1',
      phaseId: 'p1',
    } as const;
    expect(catchModelError(() => createCard(doc, { ...base, id: 'c1' }, ME)).code).toBe(
      'duplicate-id',
    );
    expect(catchModelError(() => createCard(doc, { ...base, domainId: 'nope' }, ME)).code).toBe(
      'not-found',
    );
    expect(catchModelError(() => createCard(doc, { ...base, phaseId: 'nope' }, ME)).code).toBe(
      'not-found',
    );
    const empty = catchModelError(() =>
      createCard(doc, { ...base, title: { fr: ' ', en: '' } }, ME),
    );
    expect(empty.code).toBe('invalid-input');
    expect(empty.details.path).toBe('input.title');
    expect(empty.messages.fr).toMatch(/texte est requis/);
    expect(empty.messages.en).toMatch(/text is required/);
    const role = catchModelError(() => createCard(doc, { ...base, role: 'Boss' as 'In' }, ME));
    expect(role.details.path).toBe('input.role');
    const period = catchModelError(() =>
      createCard(doc, { ...base, phaseId: 'p2', periodIds: ['q1'] }, ME),
    );
    expect(period.messages.en).toMatch(/does not belong to phase/);
    expect(catchModelError(() => createCard(doc, { ...base, id: 'bad id!' }, ME)).code).toBe(
      'invalid-input',
    );
    expect(toJSON(doc)).toEqual(before);
  });
});

describe('updateCard', () => {
  it('patches one language without touching the other and other fields', () => {
    const doc = fromJSON(smallRoadmap());
    updateCard(
      doc,
      { id: 'c1', title: { en: 'Renamed' }, state: 'external-identity', members: ['Zoé'] },
      ME,
    );
    expect(card(doc, 'c1')).toMatchObject({
      title: { fr: 'Carte c1', en: 'Renamed' },
      state: 'external-identity',
      members: ['Zoé'],
      domainId: 'd1',
      role: 'In',
    });
  });

  it('rejects an unknown card and bad values', () => {
    const doc = fromJSON(smallRoadmap());
    expect(catchModelError(() => updateCard(doc, { id: 'nope' }, ME)).code).toBe('not-found');
    expect(catchModelError(() => updateCard(doc, { id: 'c1', members: [''] }, ME)).code).toBe(
      'invalid-input',
    );
    expect(
      catchModelError(() => updateCard(doc, { id: 'c1', title: { fr: '', en: '' } }, ME)).code,
    ).toBe('invalid-input');
  });

  it('merges concurrent edits of the French and English titles', () => {
    const a = fromJSON(smallRoadmap());
    // b starts as a replica of a (same history), as a second browser tab would.
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateCard(a, { id: 'c1', title: { fr: 'Nouveau' } }, ME);
    updateCard(b, { id: 'c1', title: { en: 'New' } }, ME);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(card(a, 'c1').title).toEqual({ fr: 'Nouveau', en: 'New' });
    expect(toJSON(b)).toEqual(toJSON(a));
  });
});

describe('moveCard and reorderCard', () => {
  it('moves a card to another cell and drops periods of the old phase', () => {
    const doc = fromJSON(smallRoadmap());
    updateCard(doc, { id: 'c1', periodIds: ['q1'] }, ME);
    moveCard(doc, { id: 'c1', domainId: 'd2', phaseId: 'p2', position: { before: 'c4' } }, ME);
    expect(cellIds(doc, 'd2', 'p2')).toEqual(['c1', 'c4']);
    expect(cellIds(doc, 'd1', 'p1')).toEqual(['c2']);
    expect(card(doc, 'c1').periodIds).toEqual([]);
  });

  it('reorders within a cell by index', () => {
    const doc = fromJSON(smallRoadmap());
    reorderCard(doc, { id: 'c2', position: { index: 0 } }, ME);
    expect(cellIds(doc, 'd1', 'p1')).toEqual(['c2', 'c1']);
    reorderCard(doc, { id: 'c2', position: { after: 'c1' } }, ME);
    expect(cellIds(doc, 'd1', 'p1')).toEqual(['c1', 'c2']);
  });

  it('refuses archived cards, unknown cells and references outside the target cell', () => {
    const doc = fromJSON(smallRoadmap());
    expect(
      catchModelError(() =>
        moveCard(doc, { id: 'c1', domainId: 'd2', phaseId: 'p1', position: { after: 'c2' } }, ME),
      ).code,
    ).toBe('invalid-position');
    expect(
      catchModelError(() => moveCard(doc, { id: 'c1', domainId: 'zz', phaseId: 'p1' }, ME)).code,
    ).toBe('not-found');
    archiveCard(doc, { id: 'c1' }, ME);
    expect(
      catchModelError(() => moveCard(doc, { id: 'c1', domainId: 'd2', phaseId: 'p1' }, ME)).code,
    ).toBe('archived');
  });
});

describe('archiveCard and restoreCard', () => {
  it('hides a card and brings it back at the end of its cell', () => {
    const doc = fromJSON(smallRoadmap());
    archiveCard(doc, { id: 'c1' }, ME);
    expect(card(doc, 'c1').archived).toBe(true);
    expect(cellIds(doc, 'd1', 'p1')).toEqual(['c2']);
    archiveCard(doc, { id: 'c1' }, ME);
    restoreCard(doc, { id: 'c1' }, ME);
    expect(card(doc, 'c1').archived).toBe(false);
    expect(cellIds(doc, 'd1', 'p1')).toEqual(['c2', 'c1']);
  });
});
