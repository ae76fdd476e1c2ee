import type * as Y from 'yjs';
import { setText } from '../doc/fields.ts';
import type { Localized } from '../records/localized.ts';
import { mergeText, readState, recordId, requirePhase, writeRecord } from './commandSupport.ts';

export type RenamePhaseInput = { readonly id: string; readonly label: Partial<Localized> };

export function renamePhase(doc: Y.Doc, input: RenamePhaseInput, origin: unknown): void {
  const phase = requirePhase(readState(doc), recordId(input.id));
  const label = mergeText(phase.label, input.label, 'label', true);
  writeRecord(doc, origin, { root: 'phases', id: phase.id }, (map) => setText(map, 'label', label));
}
