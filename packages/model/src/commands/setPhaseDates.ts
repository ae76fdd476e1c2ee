import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { ModelError } from '../ModelError.ts';
import { expectDate } from '../records/expect.ts';
import { readState, recordId, requirePhase, writeRecord } from './commandSupport.ts';

export type SetPhaseDatesInput = {
  readonly id: string;
  /** `YYYY-MM-DD`. */
  readonly start: string;
  /** Inclusive; null for an open-ended phase. */
  readonly end: string | null;
};

/** Re-dates a phase (a column). Its periods must still lie within it: re-date them first. */
export function setPhaseDates(doc: Y.Doc, input: SetPhaseDatesInput, origin: unknown): void {
  const phase = requirePhase(readState(doc), recordId(input.id));
  const start = expectDate(input.start, 'start');
  const end = input.end === null ? null : expectDate(input.end, 'end');
  if (end !== null && end <= start) {
    throw new ModelError(
      'invalid-input',
      { fr: 'La phase doit finir après son début.', en: 'The phase must end after it starts.' },
      { path: 'end' },
    );
  }
  const outside = phase.periods.find(
    (period) => period.start < start || (end !== null && period.end > end),
  );
  if (outside !== undefined) {
    throw new ModelError(
      'invalid-input',
      {
        fr: `La période « ${outside.label.fr || outside.label.en} » (${outside.start} – ${outside.end}) sortirait de la phase; changez d'abord ses dates.`,
        en: `Period "${outside.label.en || outside.label.fr}" (${outside.start} – ${outside.end}) would fall outside the phase; change its dates first.`,
      },
      { path: 'start', id: outside.id },
    );
  }
  writeRecord(doc, origin, { root: 'phases', id: phase.id }, (map) => {
    setField(map, 'start', start);
    setField(map, 'end', end);
  });
}
