import { describe, expect, it } from 'vitest';
import { expectBilingual } from '../i18n/expectBilingual.ts';
import { mailStrings } from './mailStrings.ts';

describe('mail strings', () => {
  it('exist in both languages with the same keys and placeholders, and are translated', () => {
    expectBilingual(mailStrings);
    const fr: Record<string, string> = mailStrings.fr;
    const en: Record<string, string> = mailStrings.en;
    // The same word in both languages.
    const same = new Set(['kindInvite', 'kindMentionShort']);
    expect(Object.keys(fr).filter((key) => fr[key] === en[key] && !same.has(key))).toEqual([]);
  });
});
