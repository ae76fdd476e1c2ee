import type { Localized } from '../records/localized.ts';
import type { PhaseRecord } from '../records/phase.ts';

/*
 * The time frame a new board starts with: the month its first phase starts, and how many
 * periods of how many months that phase holds (the councils meet twice a year, hence six-month
 * periods by default). The second phase follows the first, open-ended, as in the 2016 draft.
 */

export type BoardStructure = {
  /** `YYYY-MM`: the first month of Phase 1. */
  readonly start: string;
  readonly periodCount: number;
  readonly periodMonths: number;
};

/** Bounds of a new board's time frame, named so that the server's errors and the form agree. */
export const BOARD_STRUCTURE_LIMITS = {
  yearMin: 2000,
  yearMax: 2100,
  periodCountMin: 1,
  periodCountMax: 12,
  periodMonthsMin: 1,
  periodMonthsMax: 24,
} as const;

export const DEFAULT_PERIOD_COUNT = 3;
export const DEFAULT_PERIOD_MONTHS = 6;

export type StructureError = {
  readonly field: 'start' | 'periodCount' | 'periodMonths' | 'structure';
  readonly messages: Localized;
};

const MONTH = /^(\d{4})-(\d{2})$/;

/** Checks what a person or a client sent; returns the structure or the first problem. */
export function parseBoardStructure(
  value: unknown,
): { ok: true; structure: BoardStructure } | { ok: false; error: StructureError } {
  const L = BOARD_STRUCTURE_LIMITS;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(
      'structure',
      'structure doit être un objet { start, periodCount, periodMonths }',
      'structure must be an object { start, periodCount, periodMonths }',
    );
  }
  const raw = value as Record<string, unknown>;
  const match = typeof raw.start === 'string' ? MONTH.exec(raw.start) : null;
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (match === null || month < 1 || month > 12 || year < L.yearMin || year > L.yearMax) {
    return fail(
      'start',
      `start : un mois AAAA-MM entre ${L.yearMin}-01 et ${L.yearMax}-12 est attendu`,
      `start: a month YYYY-MM between ${L.yearMin}-01 and ${L.yearMax}-12 is expected`,
    );
  }
  const periodCount = raw.periodCount ?? DEFAULT_PERIOD_COUNT;
  if (!isIntegerIn(periodCount, L.periodCountMin, L.periodCountMax)) {
    return fail(
      'periodCount',
      `periodCount : un nombre entier de périodes entre ${L.periodCountMin} et ${L.periodCountMax} est attendu`,
      `periodCount: a whole number of periods between ${L.periodCountMin} and ${L.periodCountMax} is expected`,
    );
  }
  const periodMonths = raw.periodMonths ?? DEFAULT_PERIOD_MONTHS;
  if (!isIntegerIn(periodMonths, L.periodMonthsMin, L.periodMonthsMax)) {
    return fail(
      'periodMonths',
      `periodMonths : une durée en mois entre ${L.periodMonthsMin} et ${L.periodMonthsMax} est attendue`,
      `periodMonths: a length in months between ${L.periodMonthsMin} and ${L.periodMonthsMax} is expected`,
    );
  }
  return { ok: true, structure: { start: raw.start as string, periodCount, periodMonths } };
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function fail(field: StructureError['field'], fr: string, en: string) {
  return { ok: false as const, error: { field, messages: { fr, en } } };
}

/** `YYYY-MM-01` of the month `offset` months after `start` (`YYYY-MM`). */
function monthStart(start: string, offset: number): string {
  const [year = 0, month = 1] = start.split('-').map(Number);
  const index = year * 12 + (month - 1) + offset;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The day before `date` (`YYYY-MM-DD`), in UTC. */
function dayBefore(date: string): string {
  const time = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Phase 1 with its periods, each `periodMonths` long from `start`, and an open-ended Phase 2
 * that follows it. Ids are the template's (`phase-1`, `period-1`…): each board is its own doc.
 */
export function datedPhases(structure: BoardStructure): PhaseRecord[] {
  const periods = Array.from({ length: structure.periodCount }, (_, index) => ({
    id: `period-${index + 1}`,
    label: { fr: `Période ${index + 1}`, en: `Period ${index + 1}` },
    start: monthStart(structure.start, index * structure.periodMonths),
    end: dayBefore(monthStart(structure.start, (index + 1) * structure.periodMonths)),
  }));
  const phase2Start = monthStart(structure.start, structure.periodCount * structure.periodMonths);
  return [
    {
      id: 'phase-1',
      label: { fr: 'Phase 1', en: 'Phase 1' },
      start: monthStart(structure.start, 0),
      end: dayBefore(phase2Start),
      periods,
    },
    {
      id: 'phase-2',
      label: { fr: 'Phase 2', en: 'Phase 2' },
      start: phase2Start,
      end: null,
      periods: [],
    },
  ];
}
