import {
  archiveCard,
  createTemplateDoc,
  moveCard,
  recordCheckin,
  toJSON,
  updateCard,
} from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { cellKey, computeLayout } from '../board/layout.ts';
import { editTemplate } from '../test/editTemplate.ts';
import {
  compareHighlights,
  ghostSlot,
  itemHighlights,
  layoutWithGhosts,
} from './compareHighlights.ts';

describe('comparison highlights', () => {
  const template = toJSON(createTemplateDoc());
  const moved = template.cards[0]!;
  const archived = template.cards[1]!;
  const target = template.domains.find((d) => d.id !== moved.domainId)!;
  const {
    before: from,
    after: to,
    changes,
  } = editTemplate((doc) => {
    moveCard(doc, { id: moved.id, domainId: target.id, phaseId: moved.phaseId }, 't');
    recordCheckin(doc, { cardId: moved.id, status: 'blocked', author: 'A' }, 't');
    updateCard(doc, { id: template.cards[2]!.id, mandate: { fr: 'Nouveau', en: 'New' } }, 't');
    archiveCard(doc, { id: archived.id }, 't');
  });
  const highlights = compareHighlights(changes, from);

  it('labels each changed card once per kind of change', () => {
    expect(highlights.badges.get(moved.id)).toEqual(['moved', 'status', 'checkin']);
    expect(highlights.badges.get(from.cards[2]!.id)).toEqual(['edited']);
    expect(highlights.badges.has(from.cards[3]!.id)).toBe(false);
  });

  it('leaves a ghost where a moved or archived card was', () => {
    const ghosts = highlights.ghosts.map((g) => `${g.kind}:${g.cardId}`).sort();
    expect(ghosts).toEqual([`archived:${archived.id}`, `moved:${moved.id}`].sort());
  });

  it('makes room for the ghosts in their old cells, at their old place', () => {
    const layout = layoutWithGhosts(to, from, highlights.ghosts);
    const slot = layout.cards.get(ghostSlot(moved.id))!;
    expect([slot.domainId, slot.phaseId]).toEqual([moved.domainId, moved.phaseId]);
    // Its old neighbours keep their order around it.
    const oldCell = from.cards
      .filter((c) => c.domainId === moved.domainId && c.phaseId === moved.phaseId && !c.archived)
      .map((c) => c.id);
    const cell = layout.cells.get(cellKey(moved.domainId, moved.phaseId))!;
    expect(cell.indexOf(ghostSlot(moved.id))).toBe(oldCell.indexOf(moved.id));
    // The real card is in its new cell, and nothing overlaps.
    expect(layout.cards.get(moved.id)?.domainId).toBe(target.id);
    const boxes = [...layout.cards.values()].map((c) => `${c.x},${c.y}`);
    expect(new Set(boxes).size).toBe(boxes.length);
    // Without ghosts it is the board's own layout.
    expect(layoutWithGhosts(to, from, [])).toEqual(computeLayout(to));
  });

  it('labels items added, moved to another domain, re-spanned or edited', () => {
    const label = { fr: 'x', en: 'x' };
    const ref = { periodId: 'p', label, phaseId: 'ph', phase: label } as never;
    const place = { domainId: 'd', domain: label, start: ref, end: ref };
    const badges = itemHighlights([
      { kind: 'item-added', itemId: 'a', label, to: place },
      { kind: 'item-moved', itemId: 'b', label, from: place, to: place },
      { kind: 'item-respanned', itemId: 'c', label, from: place, to: place },
      { kind: 'item-renamed', itemId: 'c', from: label, to: { fr: 'y', en: 'y' } },
      { kind: 'item-changed', itemId: 'c', label, fields: ['role'] },
      { kind: 'item-removed', itemId: 'd', label, from: place },
    ]);
    expect([...badges]).toEqual([
      ['a', ['added']],
      ['b', ['moved']],
      ['c', ['respanned', 'edited']],
    ]);
  });
});
