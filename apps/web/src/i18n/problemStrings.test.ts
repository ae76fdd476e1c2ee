import { describe, expect, it } from 'vitest';
import { problemStrings } from './problemStrings.ts';

describe('problem strings', () => {
  it('exist in both languages with the same keys and the same placeholders', () => {
    const fr: Record<string, string> = problemStrings.fr;
    const en: Record<string, string> = problemStrings.en;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(fr)) {
      expect(fr[key]!.trim(), key).not.toBe('');
      expect(en[key]!.trim(), key).not.toBe('');
      expect(placeholders(fr[key]!), key).toEqual(placeholders(en[key]!));
    }
  });
});
