import { describe, expect, it } from 'vitest';
import { checkinStrings } from './checkinStrings.ts';
import { format, formatDate, formatDateTime, formatTime } from './format.ts';
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

describe('times in a sentence', () => {
  // 15:03 on a fixed day, read in the test's own time zone so the hour is known.
  const afternoon = new Date(2026, 11, 4, 15, 3);

  it('ends an English sentence on "p.m." with one full stop, never two', () => {
    const time = formatTime(afternoon, 'en');
    // "3:03 p.m.", the hour without a leading zero, as English Canadian text writes it.
    expect(time).toMatch(/^3:03\sp\.m\.$/);
    const sentence = format(checkinStrings.en.posted, { card: 'Digital identity', time });
    expect(sentence).toBe(`Check-in recorded for “Digital identity” at ${time}`);
    expect(sentence).not.toMatch(/\.\.$/);
    expect(format('Produced on {date}.', { date: formatDateTime(afternoon, 'en') })).toMatch(
      /p\.m\.$/,
    );
  });

  it('writes French times as "15 h 03" and keeps the sentence’s full stop', () => {
    const time = formatTime(afternoon, 'fr');
    expect(time).toBe('15 h 03');
    expect(format(checkinStrings.fr.posted, { card: 'Identité numérique', time })).toBe(
      'Bilan enregistré pour « Identité numérique » à 15 h 03.',
    );
  });

  it('keeps a full stop after any value that does not end in one', () => {
    expect(format('{a}. {b}.', { a: 'x', b: 'y.' })).toBe('x. y.');
  });
});
