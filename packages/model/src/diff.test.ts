import { describe, expect, it } from 'vitest';
import { addDomain } from './commands/addDomain.ts';
import { addPeriod } from './commands/addPeriod.ts';
import { addPhase } from './commands/addPhase.ts';
import { archiveCard } from './commands/archiveCard.ts';
import { createCard } from './commands/createCard.ts';
import { createItem } from './commands/createItem.ts';
import { moveCard } from './commands/moveCard.ts';
import { recolourDomain } from './commands/recolourDomain.ts';
import { recordCheckin } from './commands/recordCheckin.ts';
import { removeDomain } from './commands/removeDomain.ts';
import { removeItem } from './commands/removeItem.ts';
import { renameDomain } from './commands/renameDomain.ts';
import { renamePeriod } from './commands/renamePeriod.ts';
import { renamePhase } from './commands/renamePhase.ts';
import { reorderCard } from './commands/reorderCard.ts';
import { reorderDomain } from './commands/reorderDomain.ts';
import { restoreCard } from './commands/restoreCard.ts';
import { updateBoard } from './commands/updateBoard.ts';
import { updateCard } from './commands/updateCard.ts';
import { updateItem } from './commands/updateItem.ts';
import { diff } from './diff.ts';
import { fromJSON } from './doc/fromJSON.ts';
import { toJSON } from './doc/toJSON.ts';
import type { Roadmap } from './roadmap.ts';
import { templateRoadmap } from './template/templateRoadmap.ts';
import { smallRoadmap } from './test/smallRoadmap.ts';

const ME = 'me';

describe('diff', () => {
  it('finds no change between equal states', () => {
    expect(diff(smallRoadmap(), smallRoadmap())).toEqual([]);
    expect(diff(templateRoadmap(), toJSON(fromJSON(templateRoadmap())))).toEqual([]);
  });

  it('reports card additions, renames, moves, archiving, field and status changes', () => {
    const before = smallRoadmap();
    const doc = fromJSON(before);
    createCard(
      doc,
      { id: 'c9', title: { fr: 'Neuf', en: 'Nine' }, role: 'Pr', domainId: 'd3', phaseId: 'p2' },
      ME,
    );
    updateCard(doc, { id: 'c1', title: { en: 'Card one' }, role: 'CE', members: ['A'] }, ME);
    moveCard(doc, { id: 'c3', domainId: 'd1', phaseId: 'p2' }, ME);
    archiveCard(doc, { id: 'c4' }, ME);
    recordCheckin(
      doc,
      { id: 'k1', cardId: 'c2', status: 'at-risk', author: 'A', at: '2017-01-01T00:00:00Z' },
      ME,
    );
    expect(diff(before, doc)).toEqual([
      {
        kind: 'card-renamed',
        cardId: 'c1',
        from: { fr: 'Carte c1', en: 'Card c1' },
        to: { fr: 'Carte c1', en: 'Card one' },
      },
      {
        kind: 'card-fields-changed',
        cardId: 'c1',
        title: { fr: 'Carte c1', en: 'Card one' },
        fields: ['role', 'members'],
      },
      {
        kind: 'card-status-changed',
        cardId: 'c2',
        title: { fr: 'Carte c2', en: 'Card c2' },
        from: null,
        to: 'at-risk',
      },
      {
        kind: 'card-checked-in',
        cardId: 'c2',
        title: { fr: 'Carte c2', en: 'Card c2' },
        checkinIds: ['k1'],
      },
      {
        kind: 'card-moved',
        cardId: 'c3',
        title: { fr: 'Carte c3', en: 'Card c3' },
        from: {
          domainId: 'd2',
          phaseId: 'p1',
          domain: { fr: 'Domaine 2', en: 'Domain 2' },
          phase: { fr: 'Phase 1', en: 'Phase 1' },
        },
        to: {
          domainId: 'd1',
          phaseId: 'p2',
          domain: { fr: 'Domaine 1', en: 'Domain 1' },
          phase: { fr: 'Phase 2', en: 'Phase 2' },
        },
      },
      { kind: 'card-archived', cardId: 'c4', title: { fr: 'Carte c4', en: 'Card c4' } },
      {
        kind: 'card-added',
        cardId: 'c9',
        title: { fr: 'Neuf', en: 'Nine' },
        to: {
          domainId: 'd3',
          phaseId: 'p2',
          domain: { fr: 'Domaine 3', en: 'Domain 3' },
          phase: { fr: 'Phase 2', en: 'Phase 2' },
        },
      },
    ]);
  });

  it('reports a removed card (absent from b) and a restored one', () => {
    const before = smallRoadmap();
    const after: Roadmap = { ...before, cards: before.cards.filter((c) => c.id !== 'c2') };
    expect(diff(before, after).map((c) => [c.kind, 'cardId' in c ? c.cardId : ''])).toEqual([
      ['card-removed', 'c2'],
    ]);
    const doc = fromJSON(before);
    archiveCard(doc, { id: 'c1' }, ME);
    const archived = toJSON(doc);
    restoreCard(doc, { id: 'c1' }, ME);
    expect(diff(archived, doc).map((c) => c.kind)).toEqual(['card-restored']);
  });

  it('reports only the card that moved within its cell, not its neighbours', () => {
    const before = smallRoadmap();
    const doc = fromJSON(before);
    createCard(
      doc,
      { id: 'c5', title: { fr: 'x', en: 'x' }, role: 'In', domainId: 'd1', phaseId: 'p1' },
      ME,
    );
    const three = toJSON(doc);
    reorderCard(doc, { id: 'c5', position: { index: 0 } }, ME);
    expect(diff(three, doc).map((c) => [c.kind, 'cardId' in c ? c.cardId : ''])).toEqual([
      ['card-reordered', 'c5'],
    ]);
  });

  it('reports lane, phase and period changes', () => {
    const before = smallRoadmap();
    const doc = fromJSON(before);
    addDomain(doc, { id: 'd4', label: { fr: 'Quatre', en: 'Four' }, colour: '#455a64' }, ME);
    renameDomain(doc, { id: 'd2', label: { fr: 'Deux' } }, ME);
    recolourDomain(doc, { id: 'd2', colour: '#000000' }, ME);
    reorderDomain(doc, { id: 'd1', position: { after: 'd3' } }, ME);
    removeDomain(doc, { id: 'd3' }, ME);
    addPhase(
      doc,
      { id: 'p3', label: { fr: 'Phase 3', en: 'Phase 3' }, start: '2020-01-01', end: null },
      ME,
    );
    renamePhase(doc, { id: 'p2', label: { en: 'Second phase' } }, ME);
    addPeriod(
      doc,
      {
        id: 'q3',
        phaseId: 'p2',
        label: { fr: 'P3', en: 'P3' },
        start: '2018-04-01',
        end: '2018-09-30',
      },
      ME,
    );
    renamePeriod(doc, { id: 'q1', label: { fr: 'Première' } }, ME);
    updateBoard(doc, { title: { fr: 'Titre' }, settings: { staleAfterDays: 90 } }, ME);
    expect(diff(before, doc).map((c) => c.kind)).toEqual([
      'board-renamed',
      'board-settings-changed',
      'domain-renamed',
      // d1 and d2 swapped places: one of the two is reported, always the same one.
      'domain-reordered',
      'domain-recoloured',
      'domain-added',
      'domain-removed',
      'phase-renamed',
      'phase-added',
      'period-renamed',
      'period-added',
    ]);
    const removed = diff(before, doc).find((c) => c.kind === 'domain-removed');
    expect(removed).toEqual({
      kind: 'domain-removed',
      domainId: 'd3',
      label: { fr: 'Domaine 3', en: 'Domain 3' },
    });
  });

  it('reports item and annotation changes, and accepts docs as well as JSON', () => {
    const before = smallRoadmap();
    const doc = fromJSON(before);
    createItem(
      doc,
      {
        id: 'i2',
        label: { fr: 'x', en: 'x' },
        role: 'In',
        kind: 'new',
        domainId: 'd2',
        startPeriodId: 'q1',
        endPeriodId: 'q1',
      },
      ME,
    );
    updateItem(doc, { id: 'i1', kind: 'ongoing', endPeriodId: 'q1', cardIds: ['c2', 'c1'] }, ME);
    doc.getMap('annotations').set('shape:1', { id: 'shape:1' });
    const middle = toJSON(doc);
    expect(diff(fromJSON(before), doc)).toEqual([
      {
        kind: 'item-changed',
        itemId: 'i1',
        label: { fr: 'Activité 1', en: 'Activity 1' },
        fields: ['kind', 'endPeriodId', 'cardIds'],
      },
      { kind: 'item-added', itemId: 'i2', label: { fr: 'x', en: 'x' } },
      { kind: 'annotations-changed', added: 1, removed: 0, changed: 0, schemaChanged: false },
    ]);
    removeItem(doc, { id: 'i2' }, ME);
    doc.getMap('annotations').delete('shape:1');
    expect(diff(middle, doc).map((c) => c.kind)).toEqual(['item-removed', 'annotations-changed']);
  });

  it('is stable: the same inputs always give the same list', () => {
    const before = templateRoadmap();
    const doc = fromJSON(before);
    moveCard(
      doc,
      { id: 'card-security', domainId: 'domain-digital-skills', phaseId: 'phase-2' },
      ME,
    );
    removeDomain(doc, { id: 'domain-client-engagement', moveTo: 'domain-client-experience' }, ME);
    const first = diff(before, doc);
    expect(diff(before, toJSON(doc))).toEqual(first);
    expect(first.map((c) => c.kind)).toEqual([
      'domain-removed',
      'card-moved',
      'card-moved',
      'card-moved',
    ]);
  });
});
