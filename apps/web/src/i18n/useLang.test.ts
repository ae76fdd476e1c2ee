import { describe, expect, it } from 'vitest';
import { initialLang } from './useLang.ts';

describe('initialLang', () => {
  it('prefers the remembered choice', () => {
    expect(initialLang('en', ['fr-CA'])).toBe('en');
    expect(initialLang('fr', ['en-CA'])).toBe('fr');
  });

  it('else follows the first official language the browser prefers', () => {
    expect(initialLang(null, ['de-DE', 'en-CA', 'fr-CA'])).toBe('en');
    expect(initialLang('xx', ['fr-CA'])).toBe('fr');
  });

  it('else speaks French', () => {
    expect(initialLang(null, ['de-DE'])).toBe('fr');
    expect(initialLang(null, undefined)).toBe('fr');
  });
});
