import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { fromJSON } from '../doc/fromJSON.ts';
import { toJSON } from '../doc/toJSON.ts';
import { catchModelError } from '../test/catchModelError.ts';
import { smallRoadmap } from '../test/smallRoadmap.ts';
import { addDomain } from './addDomain.ts';
import { archiveCard } from './archiveCard.ts';
import { recolourDomain } from './recolourDomain.ts';
import { removeDomain } from './removeDomain.ts';
import { renameDomain } from './renameDomain.ts';
import { reorderDomain } from './reorderDomain.ts';

const ME = 'me';
const lanes = (doc: Y.Doc) => toJSON(doc).domains.map((d) => d.id);

describe('domain commands', () => {
  it('adds, renames, recolours and reorders lanes', () => {
    const doc = fromJSON(smallRoadmap());
    addDomain(
      doc,
      { id: 'd0', label: { fr: 'Nouveau', en: 'New' }, colour: '#ad1457', position: { index: 0 } },
      ME,
    );
    expect(lanes(doc)).toEqual(['d0', 'd1', 'd2', 'd3']);
    renameDomain(doc, { id: 'd0', label: { en: 'Newer' } }, ME);
    recolourDomain(doc, { id: 'd0', colour: '#2e7d32' }, ME);
    expect(toJSON(doc).domains[0]).toMatchObject({
      label: { fr: 'Nouveau', en: 'Newer' },
      colour: '#2e7d32',
    });
    reorderDomain(doc, { id: 'd0', position: { after: 'd3' } }, ME);
    expect(lanes(doc)).toEqual(['d1', 'd2', 'd3', 'd0']);
    reorderDomain(doc, { id: 'd3', position: { before: 'd1' } }, ME);
    expect(lanes(doc)).toEqual(['d3', 'd1', 'd2', 'd0']);
  });

  it('validates domain input', () => {
    const doc = fromJSON(smallRoadmap());
    expect(
      catchModelError(() =>
        addDomain(doc, { id: 'd1', label: { fr: 'x', en: 'x' }, colour: '#000000' }, ME),
      ).code,
    ).toBe('duplicate-id');
    const colour = catchModelError(() =>
      addDomain(doc, { label: { fr: 'x', en: 'x' }, colour: 'red' }, ME),
    );
    expect(colour.details.path).toBe('input.colour');
    expect(
      catchModelError(() => renameDomain(doc, { id: 'd1', label: { fr: '', en: '' } }, ME)).code,
    ).toBe('invalid-input');
    expect(
      catchModelError(() => recolourDomain(doc, { id: 'zz', colour: '#000000' }, ME)).code,
    ).toBe('not-found');
  });

  it('requires a target to remove a lane that holds cards or items, and moves them in order', () => {
    const doc = fromJSON(smallRoadmap());
    const error = catchModelError(() => removeDomain(doc, { id: 'd1' }, ME));
    expect(error.code).toBe('domain-not-empty');
    expect(error.messages.fr).toMatch(/2 carte\(s\) et 1 élément\(s\)/);
    expect(catchModelError(() => removeDomain(doc, { id: 'd1', moveTo: 'd1' }, ME)).code).toBe(
      'invalid-input',
    );
    archiveCard(doc, { id: 'c2' }, ME);
    removeDomain(doc, { id: 'd1', moveTo: 'd2' }, ME);
    const state = toJSON(doc);
    expect(state.domains.map((d) => d.id)).toEqual(['d2', 'd3']);
    const d2p1 = state.cards
      .filter((c) => c.domainId === 'd2' && c.phaseId === 'p1')
      .map((c) => c.id);
    expect(d2p1).toEqual(['c3', 'c1', 'c2']);
    expect(state.cards.find((c) => c.id === 'c2')?.archived).toBe(true);
    expect(state.items[0]?.domainId).toBe('d2');
  });

  it('removes an empty lane without a target, but never the last one', () => {
    const doc = fromJSON(smallRoadmap());
    removeDomain(doc, { id: 'd3' }, ME);
    expect(lanes(doc)).toEqual(['d1', 'd2']);
    removeDomain(doc, { id: 'd2', moveTo: 'd1' }, ME);
    const last = catchModelError(() => removeDomain(doc, { id: 'd1' }, ME));
    expect(last.code).toBe('last-domain');
    expect(catchModelError(() => removeDomain(doc, { id: 'd3' }, ME)).code).toBe('not-found');
    expect(
      catchModelError(() =>
        addDomain(doc, { id: 'd3', label: { fr: 'x', en: 'x' }, colour: '#000000' }, ME),
      ).code,
    ).toBe('duplicate-id');
  });
});
