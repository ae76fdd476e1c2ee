import { describe, expect, it } from 'vitest';
import { expectBilingual } from './expectBilingual.ts';
import { strings } from './strings.ts';

describe('UI strings', () => {
  it('exist in French and English, with the same keys and placeholders, none empty', () => {
    expectBilingual(strings);
  });

  it('are translated, not copied', () => {
    const fr: Record<string, string> = strings.fr;
    const en: Record<string, string> = strings.en;
    const same = Object.keys(fr).filter((k) => fr[k] === en[k]);
    expect(same).toEqual([]);
  });
});
