import { describe, expect, it } from 'vitest';
import { parseCheckinInput } from './parseCheckinInput.ts';

describe('parseCheckinInput', () => {
  it('reads a full check-in, and a minimal one with nulls for the optional fields', () => {
    const full = {
      id: 'c1',
      cardId: 'card-1',
      status: 'at-risk',
      progress: 40,
      summary: { fr: 'Résumé', en: 'Summary' },
      nextMilestone: { label: { fr: 'Jalon', en: 'Milestone' }, targetDate: '2017-03-31' },
      asks: { fr: '', en: 'Help' },
      risks: { fr: 'Risque', en: '' },
    };
    expect(parseCheckinInput(full)).toEqual({ ok: true, value: full });
    expect(
      parseCheckinInput({ cardId: 'card-1', status: 'done', progress: null, summary: null }),
    ).toEqual({
      ok: true,
      value: { cardId: 'card-1', status: 'done', progress: null, nextMilestone: null },
    });
  });

  it('lists every problem at once, each with its field, in both languages', () => {
    const result = parseCheckinInput({
      cardId: 'has spaces',
      status: 'dancing',
      progress: 150,
      summary: 'plain text',
      nextMilestone: { label: { fr: '', en: '' }, targetDate: '2018-02-30' },
      colour: 'red',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['cardId', 'colour', 'progress', 'status', 'summary']),
    );
    expect(result.errors.some((e) => e.field.startsWith('nextMilestone.'))).toBe(true);
    for (const error of result.errors) {
      expect(error.messages.en.length).toBeGreaterThan(0);
      expect(error.messages.fr).not.toBe(error.messages.en);
    }
  });

  it('refuses what is not an object, and a missing card or status', () => {
    expect(parseCheckinInput([1])).toMatchObject({ ok: false });
    expect(parseCheckinInput(null)).toMatchObject({ ok: false });
    const missing = parseCheckinInput({});
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors.map((e) => e.field)).toEqual(['cardId', 'status']);
  });
});
