import type * as Y from 'yjs';
import { writePeriod } from '../doc/recordCodec.ts';
import { ModelError } from '../ModelError.ts';
import type { Localized } from '../records/localized.ts';
import { validatePeriod } from '../records/phase.ts';
import { newRecordId, readState, requirePhase, writeRecord } from './commandSupport.ts';

export type AddPeriodInput = {
  readonly id?: string;
  readonly phaseId: string;
  readonly label: Localized;
  readonly start: string;
  readonly end: string;
};

/** Adds a period to a phase; it must lie within the phase's dates. Returns its id. */
export function addPeriod(doc: Y.Doc, input: AddPeriodInput, origin: unknown): string {
  const state = readState(doc);
  const id = newRecordId(doc, input.id, 'periods', 'phases');
  const phase = requirePhase(state, input.phaseId);
  const period = validatePeriod(
    { id, label: input.label, start: input.start, end: input.end },
    'input',
  );
  if (period.start < phase.start || (phase.end !== null && period.end > phase.end)) {
    throw new ModelError(
      'invalid-input',
      {
        fr: `La période doit se situer dans la phase « ${phase.label.fr} » (${phase.start} – ${phase.end ?? '…'}).`,
        en: `The period must lie within phase "${phase.label.en}" (${phase.start} – ${phase.end ?? '…'}).`,
      },
      { path: 'start' },
    );
  }
  writeRecord(doc, origin, { root: 'periods', id: id, isNew: true }, (map) =>
    writePeriod(map, { ...period, phaseId: phase.id }),
  );
  return id;
}
