import { describe, expect, it } from 'vitest';
import { tableStrings } from './tableStrings.ts';

describe('table, export and meeting pack strings', () => {
  it('exist in both languages with the same keys and the same placeholders, none empty', () => {
    const fr: Record<string, string> = tableStrings.fr;
    const en: Record<string, string> = tableStrings.en;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(fr)) {
      expect(fr[key]!.trim(), key).not.toBe('');
      expect(en[key]!.trim(), key).not.toBe('');
      expect(placeholders(fr[key]!), key).toEqual(placeholders(en[key]!));
    }
  });

  it('are translated, not copied (except words that are the same in both)', () => {
    const fr: Record<string, string> = tableStrings.fr;
    const en: Record<string, string> = tableStrings.en;
    const same = Object.keys(fr).filter((key) => fr[key] === en[key]);
    expect(same.sort()).toEqual(['cell', 'colActions', 'colPhase', 'filterPhase', 'importAction']);
  });
});
