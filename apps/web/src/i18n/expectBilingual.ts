import { expect } from 'vitest';

/**
 * Test support: a table of UI strings has the same keys in French and English, none empty, and
 * the same `{placeholders}` in both languages of each string.
 */
export function expectBilingual(table: {
  fr: Readonly<Record<string, string>>;
  en: Readonly<Record<string, string>>;
}): void {
  const { fr, en } = table;
  expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
  for (const key of Object.keys(fr)) {
    expect(fr[key]!.trim(), key).not.toBe('');
    expect(en[key]!.trim(), key).not.toBe('');
    expect(placeholders(fr[key]!), key).toEqual(placeholders(en[key]!));
  }
}
