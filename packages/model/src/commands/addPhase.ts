import type * as Y from 'yjs';
import { writePhase } from '../doc/recordCodec.ts';
import { newId } from '../ids.ts';
import type { Localized } from '../records/localized.ts';
import { validatePhase } from '../records/phase.ts';
import {
  docRoots,
  duplicate,
  KIND,
  newRecordMap,
  readState,
  recordId,
  write,
} from './commandSupport.ts';

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
  const roots = docRoots(doc);
  const id = input.id === undefined ? newId() : recordId(input.id);
  if (roots.phases.has(id) || roots.periods.has(id)) duplicate(KIND.phase, id);
  const phase = validatePhase(
    { id, label: input.label, start: input.start, end: input.end, periods: [] },
    'input',
  );
  write(doc, origin, () => {
    const map = newRecordMap();
    roots.phases.set(id, map);
    writePhase(map, phase);
  });
  return id;
}
