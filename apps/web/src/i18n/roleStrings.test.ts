import { describe, expect, it } from 'vitest';
import { roleStrings } from './roleStrings.ts';

describe('role strings', () => {
  it('exist in both languages with the same keys and the same placeholders, translated', () => {
    const fr: Record<string, string> = roleStrings.fr;
    const en: Record<string, string> = roleStrings.en;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(fr)) {
      expect(fr[key]!.trim(), key).not.toBe('');
      expect(fr[key], key).not.toBe(en[key]);
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(fr[key]!), key).toEqual(placeholders(en[key]!));
    }
  });
});
