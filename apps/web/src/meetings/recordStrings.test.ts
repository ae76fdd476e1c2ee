import { describe, expect, it } from 'vitest';
import { expectBilingual } from '../i18n/expectBilingual.ts';
import { format } from '../i18n/format.ts';
import { recordStrings } from './recordStrings.ts';

describe('record strings', () => {
  it('exist in both languages with the same keys and placeholders, and are translated', () => {
    expectBilingual(recordStrings);
    const fr: Record<string, string> = recordStrings.fr;
    const en: Record<string, string> = recordStrings.en;
    expect(Object.keys(fr).filter((key) => fr[key] === en[key])).toEqual([]);
  });

  it('name buttons and links with their visible text inside (WCAG 2.5.3)', () => {
    for (const lang of ['fr', 'en'] as const) {
      const t = recordStrings[lang];
      expect(format(t.markDoneLabel, { title: 'Budget' })).toContain(t.markDone);
      expect(format(t.reopenLabel, { title: 'Budget' })).toContain(t.reopen);
      expect(format(t.openTargetLabel, { name: 'Security' })).toContain(t.openTarget);
    }
  });

  it('say the button of the contract in each language', () => {
    expect(recordStrings.en.markDone).toBe('Mark done');
    expect(recordStrings.fr.markDone).toBe('Marquer comme faite');
    expect(recordStrings.en.myActionsTitle).toBe('My actions');
    expect(recordStrings.fr.myActionsTitle).toBe('Mes actions');
  });
});
