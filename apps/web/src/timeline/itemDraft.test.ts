import { createItem, fromJSON, templateRoadmap, toJSON, updateItem } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { emptyItemDraft, itemDraftOf, itemPatch, newItemInput, withEnd } from './itemDraft.ts';

const roadmap = templateRoadmap();

describe('item drafts', () => {
  it('starts a new item in the chosen lane, over the first period of the board', () => {
    expect(emptyItemDraft(roadmap, 'domain-digital-skills')).toMatchObject({
      domainId: 'domain-digital-skills',
      startPeriodId: 'period-1',
      endPeriodId: 'period-1',
      cardIds: [],
    });
    expect(emptyItemDraft(roadmap).domainId).toBe(roadmap.domains[0]!.id);
  });

  it('keeps the span forwards when one end crosses the other', () => {
    const draft = {
      ...emptyItemDraft(roadmap),
      startPeriodId: 'period-2',
      endPeriodId: 'period-2',
    };
    expect(withEnd(draft, roadmap, 'end', 'period-3')).toMatchObject({
      startPeriodId: 'period-2',
      endPeriodId: 'period-3',
    });
    expect(withEnd(draft, roadmap, 'end', 'period-1')).toMatchObject({
      startPeriodId: 'period-1',
      endPeriodId: 'period-1',
    });
    expect(withEnd(draft, roadmap, 'start', 'period-3')).toMatchObject({
      startPeriodId: 'period-3',
      endPeriodId: 'period-3',
    });
  });

  it('creates through the model and patches only what changed', () => {
    const doc = fromJSON(roadmap);
    const draft = {
      ...emptyItemDraft(roadmap, 'domain-digital-skills'),
      labelFr: ' Essai ',
      labelEn: 'Trial',
      endPeriodId: 'period-2',
      cardIds: [roadmap.cards[0]!.id],
    };
    const id = createItem(doc, newItemInput(draft), 'me');
    const created = toJSON(doc).items.find((i) => i.id === id)!;
    expect(created).toMatchObject({
      label: { fr: 'Essai', en: 'Trial' },
      startPeriodId: 'period-1',
      endPeriodId: 'period-2',
      cardIds: [roadmap.cards[0]!.id],
    });
    const initial = itemDraftOf(created);
    expect(itemPatch(initial, initial)).toEqual({});
    const patch = itemPatch(initial, {
      ...initial,
      labelEn: 'Pilot',
      endPeriodId: 'period-3',
      cardIds: [],
    });
    expect(patch).toEqual({ label: { en: 'Pilot' }, endPeriodId: 'period-3', cardIds: [] });
    updateItem(doc, { id, ...patch }, 'me');
    expect(toJSON(doc).items.find((i) => i.id === id)).toMatchObject({
      label: { fr: 'Essai', en: 'Pilot' },
      endPeriodId: 'period-3',
      cardIds: [],
    });
  });
});
