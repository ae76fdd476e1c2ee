import { describe, expect, it } from 'vitest';
import { expectBilingual } from '../i18n/expectBilingual.ts';
import { notificationStrings } from './notificationStrings.ts';

describe('notification strings', () => {
  it('exist in both languages with the same keys and placeholders, and are translated', () => {
    expectBilingual(notificationStrings);
    const fr: Record<string, string> = notificationStrings.fr;
    const en: Record<string, string> = notificationStrings.en;
    // "Notifications" is the same word in both languages.
    const same = new Set(['bell', 'heading']);
    expect(Object.keys(fr).filter((key) => fr[key] === en[key] && !same.has(key))).toEqual([]);
  });
});
