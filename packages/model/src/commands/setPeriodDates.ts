import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { expectDate } from '../records/expect.ts';
import { checkPeriodFits } from './checkPeriodFits.ts';
import { KIND, notFound, readState, recordId, writeRecord } from './commandSupport.ts';

export type SetPeriodDatesInput = {
  readonly id: string;
  /** `YYYY-MM-DD`, inclusive both. */
  readonly start: string;
  readonly end: string;
};

/** Re-dates a period, within its phase and clear of the phase's other periods. */
export function setPeriodDates(doc: Y.Doc, input: SetPeriodDatesInput, origin: unknown): void {
  const id = recordId(input.id);
  const phase =
    readState(doc).phases.find((p) => p.periods.some((period) => period.id === id)) ??
    notFound(KIND.period, id);
  const period = { id, start: expectDate(input.start, 'start'), end: expectDate(input.end, 'end') };
  checkPeriodFits(phase, period);
  writeRecord(doc, origin, { root: 'periods', id }, (map) => {
    setField(map, 'start', period.start);
    setField(map, 'end', period.end);
  });
}
