import { createTemplateDoc, toJSON } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { missingTitle, rowDraftOf, rowPatch } from './rowDraft.ts';

const card = () => toJSON(createTemplateDoc()).cards.find((c) => c.id === 'card-security')!;

describe('row editing', () => {
  it('writes only the fields, and languages, that changed', () => {
    const initial = rowDraftOf(card());
    expect(rowPatch(initial, { ...initial })).toEqual({});
    const draft = {
      ...initial,
      titleEn: ' Security and trust ',
      role: 'Int' as const,
      members: 'Alice\n\n Bob ',
      formedFromFr: 'GT A',
      formedFromEn: 'WG A',
      periodIds: ['period-1'],
    };
    expect(rowPatch(initial, draft)).toEqual({
      title: { en: 'Security and trust' },
      role: 'Int',
      members: ['Alice', 'Bob'],
      formedFrom: [{ fr: 'GT A', en: 'WG A' }],
      periodIds: ['period-1'],
    });
  });

  it('clears the lead jurisdiction when emptied, and ignores whitespace-only edits', () => {
    const initial = { ...rowDraftOf(card()), lead: 'Ontario' };
    expect(rowPatch(initial, { ...initial, lead: '  ' })).toEqual({ leadJurisdiction: null });
    expect(rowPatch(initial, { ...initial, mandateFr: `${initial.mandateFr}  ` })).toEqual({});
  });

  it('needs a title in one language at least', () => {
    const initial = rowDraftOf(card());
    expect(missingTitle({ ...initial, titleFr: '', titleEn: ' ' })).toBe(true);
    expect(missingTitle({ ...initial, titleFr: '' })).toBe(false);
  });
});
