import { LABEL_MAX } from '../limits.ts';
import {
  expectArray,
  expectDate,
  expectId,
  expectLocalized,
  expectObject,
  expectOnlyKeys,
  invalid,
} from './expect.ts';
import type { Localized } from './localized.ts';

/** A six-month slice of a phase (Phase 1 has three). Dates are inclusive. */
export type PeriodRecord = {
  readonly id: string;
  readonly label: Localized;
  readonly start: string;
  readonly end: string;
};

/**
 * A phase is a column of the board. Phases and periods are ordered by start date (then id), so
 * they need no order key. `end: null` means open-ended ("from April 2018").
 */
export type PhaseRecord = {
  readonly id: string;
  readonly label: Localized;
  readonly start: string;
  readonly end: string | null;
  readonly periods: readonly PeriodRecord[];
};

export function checkDateRange(start: string, end: string | null, path: string): void {
  if (end !== null && end < start) {
    invalid(path, 'la fin précède le début.', 'the end comes before the start.');
  }
}

export function validatePeriod(value: unknown, path = 'period'): PeriodRecord {
  const object = expectObject(value, path);
  expectOnlyKeys(object, ['id', 'label', 'start', 'end'], path);
  const period = {
    id: expectId(object.id, `${path}.id`),
    label: expectLocalized(object.label, `${path}.label`, { required: true, max: LABEL_MAX }),
    start: expectDate(object.start, `${path}.start`),
    end: expectDate(object.end, `${path}.end`),
  };
  checkDateRange(period.start, period.end, path);
  return period;
}

export function validatePhase(value: unknown, path = 'phase'): PhaseRecord {
  const object = expectObject(value, path);
  expectOnlyKeys(object, ['id', 'label', 'start', 'end', 'periods'], path);
  const start = expectDate(object.start, `${path}.start`);
  const end = object.end === null ? null : expectDate(object.end, `${path}.end`);
  checkDateRange(start, end, path);
  return {
    id: expectId(object.id, `${path}.id`),
    label: expectLocalized(object.label, `${path}.label`, { required: true, max: LABEL_MAX }),
    start,
    end,
    periods: expectArray(object.periods, `${path}.periods`).map((period, index) =>
      validatePeriod(period, `${path}.periods[${index}]`),
    ),
  };
}

/** Sort key shared by phases and periods. */
export function compareByStart(
  a: { readonly start: string; readonly id: string },
  b: { readonly start: string; readonly id: string },
): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
