import { describe, expect, it } from 'vitest';
import { formatMonth } from '../i18n/format.ts';
import { addMonths, firstDay, isMonth, lastDay, monthOf } from './months.ts';

describe('months', () => {
  it('turns months into the first and last days the model stores', () => {
    expect(firstDay('2027-04')).toBe('2027-04-01');
    expect(lastDay('2027-09')).toBe('2027-09-30');
    expect(lastDay('2028-02')).toBe('2028-02-29');
    expect(lastDay('2027-12')).toBe('2027-12-31');
    expect(monthOf('2027-04-01')).toBe('2027-04');
    expect(addMonths('2027-10', 6)).toBe('2028-04');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
  });

  it('recognises a month as typed', () => {
    expect(isMonth('2027-04')).toBe(true);
    expect(isMonth('2027-13')).toBe(false);
    expect(isMonth('2027-4')).toBe(false);
  });

  it('shows a month the way each language abbreviates it', () => {
    expect(formatMonth('2027-04-01', 'en')).toBe('Apr 2027');
    expect(formatMonth('2027-04', 'fr')).toBe('avr. 2027');
    expect(formatMonth('2018-03-31', 'en')).toBe('Mar 2018');
  });
});
