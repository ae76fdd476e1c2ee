import { describe, expect, it } from 'vitest';
import { format, formatDate } from './format.ts';
import { strings } from './strings.ts';

describe('format', () => {
  it('fills markers and leaves unknown ones visible', () => {
    expect(format('Suivre {name}', { name: 'Aïcha' })).toBe('Suivre Aïcha');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('finds the same markers in both languages of every string', () => {
    const markers = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(strings.fr) as (keyof typeof strings.fr)[]) {
      expect(markers(strings.en[key]), key).toEqual(markers(strings.fr[key]));
    }
  });
});

describe('formatDate', () => {
  it('writes a calendar date the same day in every time zone, in each language', () => {
    expect(formatDate('2017-04-01', 'en')).toMatch(/Apr/);
    expect(formatDate('2017-04-01', 'en')).toMatch(/\b1\b/);
    expect(formatDate('2017-04-01', 'fr')).toMatch(/avr/);
  });

  it('gives back what it cannot read', () => {
    expect(formatDate('soon', 'fr')).toBe('soon');
  });
});
