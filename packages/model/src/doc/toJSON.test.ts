import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createCard } from '../commands/createCard.ts';
import { moveCard } from '../commands/moveCard.ts';
import { recordCheckin } from '../commands/recordCheckin.ts';
import { removeDomain } from '../commands/removeDomain.ts';
import { replicas, syncAll } from '../test/peers.ts';
import { smallRoadmap } from '../test/smallRoadmap.ts';
import { toJSON } from './toJSON.ts';

const ME = 'me';
const cellOf = (doc: Y.Doc, id: string) => {
  const card = toJSON(doc).cards.find((c) => c.id === id);
  return card && [card.domainId, card.phaseId];
};

describe('toJSON resolves concurrent removals', () => {
  it('a card moved into a lane removed at the same time lands in the removal target', () => {
    const [a, b] = replicas(smallRoadmap(), 2) as [Y.Doc, Y.Doc];
    removeDomain(a, { id: 'd3', moveTo: 'd2' }, ME);
    moveCard(b, { id: 'c1', domainId: 'd3', phaseId: 'p2' }, ME);
    createCard(
      b,
      { id: 'late', title: { fr: 'x', en: 'x' }, role: 'In', domainId: 'd3', phaseId: 'p1' },
      ME,
    );
    syncAll([a, b]);
    expect(toJSON(a)).toEqual(toJSON(b));
    expect(cellOf(a, 'c1')).toEqual(['d2', 'p2']);
    expect(cellOf(a, 'late')).toEqual(['d2', 'p1']);
    expect(toJSON(a).domains.map((d) => d.id)).toEqual(['d1', 'd2']);
  });

  it('follows chains of removals, and falls back to the first lane on a cycle', () => {
    const [a, b, c] = replicas(smallRoadmap(), 3) as [Y.Doc, Y.Doc, Y.Doc];
    // a: d1 → d2 ; b: d2 → d1 (concurrent, a cycle) ; c untouched: d3 stays live.
    removeDomain(a, { id: 'd1', moveTo: 'd2' }, ME);
    removeDomain(b, { id: 'd2', moveTo: 'd1' }, ME);
    syncAll([a, b, c]);
    const state = toJSON(c);
    expect(state.domains.map((d) => d.id)).toEqual(['d3']);
    expect(new Set(state.cards.map((card) => card.domainId))).toEqual(new Set(['d3']));
    expect(toJSON(a)).toEqual(state);
    expect(toJSON(b)).toEqual(state);
  });

  it('keeps one lane when concurrent removals would leave none', () => {
    const [a, b] = replicas(smallRoadmap(), 2) as [Y.Doc, Y.Doc];
    removeDomain(a, { id: 'd3' }, ME);
    removeDomain(b, { id: 'd3' }, ME);
    removeDomain(a, { id: 'd1', moveTo: 'd2' }, ME);
    removeDomain(b, { id: 'd2', moveTo: 'd1' }, ME);
    syncAll([a, b]);
    const state = toJSON(a);
    expect(state.domains.map((d) => d.id)).toEqual(['d1']);
    expect(state.cards.every((card) => card.domainId === 'd1')).toBe(true);
    expect(toJSON(b)).toEqual(state);
  });

  it('hides a check-in until its card has arrived', () => {
    const [a, b] = replicas(smallRoadmap(), 2) as [Y.Doc, Y.Doc];
    createCard(
      a,
      { id: 'fresh', title: { fr: 'x', en: 'x' }, role: 'In', domainId: 'd1', phaseId: 'p1' },
      ME,
    );
    recordCheckin(
      a,
      { id: 'k', cardId: 'fresh', status: 'on-track', author: 'a', at: '2017-01-01T00:00:00Z' },
      ME,
    );
    // Deliver only the check-in log entries to b (another client's write could arrive like that).
    b.getMap('checkinLog').set('k', a.getMap('checkinLog').get('k'));
    expect(toJSON(b).cards.some((card) => card.id === 'fresh')).toBe(false);
    expect(toJSON(b).cards.flatMap((card) => card.checkins)).toEqual([]);
  });

  it('does not crash on malformed values written by a buggy client', () => {
    const [doc] = replicas(smallRoadmap(), 1) as [Y.Doc];
    const card = doc.getMap('cards').get('c1') as Y.Map<unknown>;
    card.set('cell', 'garbage');
    card.set('members', [1, 'ok', null]);
    card.set('role', 'Boss');
    doc.getMap('checkinLog').set('bad', { id: 'bad', status: 'weird' });
    doc.getMap('cards').set('not-a-map', 5 as unknown as Y.Map<unknown>);
    const state = toJSON(doc);
    const c1 = state.cards.find((c) => c.id === 'c1');
    expect(c1).toMatchObject({ domainId: 'd1', phaseId: 'p1', members: ['ok'], role: 'CE' });
    expect(state.cards.map((c) => c.id)).not.toContain('not-a-map');
  });
});
