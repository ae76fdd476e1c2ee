import { describe, expect, it } from 'vitest';
import { expectBilingual } from '../i18n/expectBilingual.ts';
import { itemStrings } from './itemStrings.ts';

describe('roadmap item strings', () => {
  it('exist in both languages with the same keys and placeholders, and are translated', () => {
    expectBilingual(itemStrings);
    const fr: Record<string, string> = itemStrings.fr;
    const en: Record<string, string> = itemStrings.en;
    expect(Object.keys(fr).filter((key) => fr[key] === en[key])).toEqual([]);
  });
});
