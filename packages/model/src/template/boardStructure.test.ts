import { describe, expect, it } from 'vitest';
import { validatePhase } from '../records/phase.ts';
import { BOARD_STRUCTURE_LIMITS, datedPhases, parseBoardStructure } from './boardStructure.ts';

describe('datedPhases', () => {
  it('dates Phase 1 and its six-month periods from the chosen month, Phase 2 after it', () => {
    const [phase1, phase2] = datedPhases({ start: '2027-04', periodCount: 3, periodMonths: 6 });
    expect([phase1?.start, phase1?.end]).toEqual(['2027-04-01', '2028-09-30']);
    expect(phase1?.periods.map((p) => [p.label.en, p.label.fr, p.start, p.end])).toEqual([
      ['Period 1', 'Période 1', '2027-04-01', '2027-09-30'],
      ['Period 2', 'Période 2', '2027-10-01', '2028-03-31'],
      ['Period 3', 'Période 3', '2028-04-01', '2028-09-30'],
    ]);
    expect(phase2).toMatchObject({ start: '2028-10-01', end: null, periods: [] });
    for (const phase of [phase1, phase2]) expect(validatePhase(phase)).toEqual(phase);
  });

  it('handles leap years and periods that cross a year end', () => {
    const [phase] = datedPhases({ start: '2027-12', periodCount: 2, periodMonths: 3 });
    expect(phase?.periods.map((p) => [p.start, p.end])).toEqual([
      ['2027-12-01', '2028-02-29'],
      ['2028-03-01', '2028-05-31'],
    ]);
  });
});

describe('parseBoardStructure', () => {
  it('takes a month and defaults to three six-month periods', () => {
    expect(parseBoardStructure({ start: '2027-04' })).toEqual({
      ok: true,
      structure: { start: '2027-04', periodCount: 3, periodMonths: 6 },
    });
  });

  it.each([
    [{ start: '2027-13' }, 'start'],
    [{ start: '2027-04-01' }, 'start'],
    [{ start: `${BOARD_STRUCTURE_LIMITS.yearMax + 1}-01` }, 'start'],
    [{ start: '2027-04', periodCount: 0 }, 'periodCount'],
    [{ start: '2027-04', periodCount: BOARD_STRUCTURE_LIMITS.periodCountMax + 1 }, 'periodCount'],
    [{ start: '2027-04', periodCount: 2.5 }, 'periodCount'],
    [{ start: '2027-04', periodMonths: '6' }, 'periodMonths'],
    [{ start: '2027-04', periodMonths: 25 }, 'periodMonths'],
    [[], 'structure'],
  ])('refuses %j, naming %s and its limits in both languages', (input, field) => {
    const parsed = parseBoardStructure(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.field).toBe(field);
    expect(parsed.error.messages.en).toContain(field);
    expect(parsed.error.messages.fr).toContain(field);
    expect(parsed.error.messages.fr).not.toBe(parsed.error.messages.en);
  });
});
