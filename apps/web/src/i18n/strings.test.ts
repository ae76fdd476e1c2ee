import { describe, expect, it } from 'vitest';
import { strings } from './strings.ts';

describe('UI strings', () => {
  it('exist in French and English, with the same keys, none empty', () => {
    expect(Object.keys(strings.fr).sort()).toEqual(Object.keys(strings.en).sort());
    for (const lang of ['fr', 'en'] as const) {
      for (const [key, value] of Object.entries(strings[lang])) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('are translated, not copied', () => {
    const fr: Record<string, string> = strings.fr;
    const en: Record<string, string> = strings.en;
    const same = Object.keys(fr).filter((k) => fr[k] === en[k]);
    expect(same).toEqual([]);
  });
});
