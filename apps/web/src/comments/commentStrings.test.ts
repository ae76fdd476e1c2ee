import { describe, expect, it } from 'vitest';
import { expectBilingual } from '../i18n/expectBilingual.ts';
import { format } from '../i18n/format.ts';
import { commentCountText } from './commentCountText.ts';
import { commentStrings } from './commentStrings.ts';

describe('comment strings', () => {
  it('exist in both languages with the same keys and placeholders, and are translated', () => {
    expectBilingual(commentStrings);
    const fr: Record<string, string> = commentStrings.fr;
    const en: Record<string, string> = commentStrings.en;
    expect(Object.keys(fr).filter((key) => fr[key] === en[key])).toEqual([]);
  });

  it('say a count in words, singular and plural', () => {
    expect(commentCountText(0, 'en')).toBe('No comments');
    expect(commentCountText(1, 'fr')).toBe('1 commentaire');
    expect(commentCountText(3, 'en')).toBe('3 comments');
    expect(commentCountText(3, 'fr')).toBe('3 commentaires');
  });
});

describe('the count button’s name', () => {
  it('contains its visible text (WCAG 2.5.3), in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      const t = commentStrings[lang];
      const visible = format(t.openThread, { count: 2 });
      expect(format(t.openThreadLabel, { count: 2, label: 'Security' })).toContain(visible);
    }
  });
});
