import type * as Y from 'yjs';
import { writePeriod } from '../doc/recordCodec.ts';
import type { Localized } from '../records/localized.ts';
import { validatePeriod } from '../records/phase.ts';
import { checkPeriodFits } from './checkPeriodFits.ts';
import { newRecordId, readState, requirePhase, writeRecord } from './commandSupport.ts';

export type AddPeriodInput = {
  readonly id?: string;
  readonly phaseId: string;
  readonly label: Localized;
  readonly start: string;
  readonly end: string;
};

/** Adds a period to a phase, within its dates and clear of its other periods. Returns its id. */
export function addPeriod(doc: Y.Doc, input: AddPeriodInput, origin: unknown): string {
  const state = readState(doc);
  const id = newRecordId(doc, input.id, 'periods', 'phases');
  const phase = requirePhase(state, input.phaseId);
  const period = validatePeriod(
    { id, label: input.label, start: input.start, end: input.end },
    'input',
  );
  checkPeriodFits(phase, period);
  writeRecord(doc, origin, { root: 'periods', id: id, isNew: true }, (map) =>
    writePeriod(map, { ...period, phaseId: phase.id }),
  );
  return id;
}
