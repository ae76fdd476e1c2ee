import { describe, expect, it } from 'vitest';
import {
  draftChanges,
  lines,
  pairedLines,
  type SameRules,
  sameIds,
  sameText,
  sameValue,
} from './recordDraft.ts';

/** A roadmap item's form, as another record would use the same rules. */
interface ItemDraft {
  labelFr: string;
  labelEn: string;
  kind: 'new' | 'ongoing';
  periodIds: readonly string[];
}
const ITEM_RULES: SameRules<ItemDraft> = {
  labelFr: sameText,
  labelEn: sameText,
  kind: sameValue,
  periodIds: sameIds,
};

describe('record drafts', () => {
  const initial: ItemDraft = { labelFr: 'Étude', labelEn: 'Study', kind: 'new', periodIds: ['a'] };

  it('reports only the fields and the languages that changed, trimmed', () => {
    const changes = draftChanges(ITEM_RULES, initial, {
      ...initial,
      labelEn: ' Survey ',
      labelFr: 'Étude ',
    });
    expect(changes.text('labelFr', 'labelEn')).toEqual({ en: 'Survey' });
    expect(changes.changed('kind')).toBe(false);
    expect(changes.changed('periodIds')).toBe(false);
  });

  it('sees no change in an untouched draft, and a change in a reordered list', () => {
    const same = draftChanges(ITEM_RULES, initial, { ...initial });
    expect(same.text('labelFr', 'labelEn')).toBeUndefined();
    const changes = draftChanges(
      ITEM_RULES,
      { ...initial, periodIds: ['a', 'b'] },
      {
        ...initial,
        periodIds: ['b', 'a'],
      },
    );
    expect(changes.changed('periodIds')).toBe(true);
  });

  it('reads lists typed one entry a line, the two languages line by line', () => {
    expect(lines(' a \n\n b\n')).toEqual(['a', 'b']);
    expect(pairedLines('A\n\nC', 'X\nY')).toEqual([
      { fr: 'A', en: 'X' },
      { fr: '', en: 'Y' },
      { fr: 'C', en: '' },
    ]);
  });
});
