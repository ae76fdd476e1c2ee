import { createTemplateDoc, toJSON } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { itemDraftOf, itemPatch } from './itemDraft.ts';

describe('item draft', () => {
  const item = toJSON(createTemplateDoc()).items.find(
    (i) => i.id === 'item-service-design-handbook',
  )!;

  it('writes only what changed, each language of the label on its own', () => {
    const initial = itemDraftOf(item);
    expect(itemPatch(initial, initial)).toEqual({});
    expect(itemPatch(initial, { ...initial, labelEn: ' Handbook ' })).toEqual({
      label: { en: 'Handbook' },
    });
    expect(
      itemPatch(initial, {
        ...initial,
        kind: 'new',
        domainId: 'domain-digital-skills',
        endPeriodId: 'period-2',
      }),
    ).toEqual({ kind: 'new', domainId: 'domain-digital-skills', endPeriodId: 'period-2' });
    const teams = { ...initial, cardIds: ['card-a', 'card-b'] };
    expect(itemPatch(teams, { ...teams, cardIds: ['card-b', 'card-a'] })).toEqual({});
    expect(itemPatch(teams, { ...teams, cardIds: ['card-b'] })).toEqual({ cardIds: ['card-b'] });
  });
});
