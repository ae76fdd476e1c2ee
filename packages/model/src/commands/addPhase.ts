import type * as Y from 'yjs';
import { writePhase } from '../doc/recordCodec.ts';
import type { Localized } from '../records/localized.ts';
import { validatePhase } from '../records/phase.ts';
import { newRecordId, readState, writeRecord } from './commandSupport.ts';

export type AddPhaseInput = {
  readonly id?: string;
  readonly label: Localized;
  /** `YYYY-MM-DD`; phases are ordered by start date. */
  readonly start: string;
  /** Inclusive; null for an open-ended phase. */
  readonly end: string | null;
};

/** Adds a phase (a column); returns its id. */
export function addPhase(doc: Y.Doc, input: AddPhaseInput, origin: unknown): string {
  readState(doc);
  const id = newRecordId(doc, input.id, 'phases', 'periods');
  const phase = validatePhase(
    { id, label: input.label, start: input.start, end: input.end, periods: [] },
    'input',
  );
  writeRecord(doc, origin, { root: 'phases', id: id, isNew: true }, (map) =>
    writePhase(map, phase),
  );
  return id;
}
