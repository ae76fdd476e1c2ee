import { describe, expect, it } from 'vitest';
import { accountStrings } from './accountStrings.ts';

describe('account strings', () => {
  it('exist in both languages with the same keys and the same placeholders', () => {
    const fr: Record<string, string> = accountStrings.fr;
    const en: Record<string, string> = accountStrings.en;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(fr)) {
      expect(fr[key]!.trim(), key).not.toBe('');
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(fr[key]!), key).toEqual(placeholders(en[key]!));
    }
  });
});
