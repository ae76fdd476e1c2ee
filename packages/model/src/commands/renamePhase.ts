import type * as Y from 'yjs';
import { setText } from '../doc/fields.ts';
import type { Localized } from '../records/localized.ts';
import {
  docRoots,
  KIND,
  mergeText,
  readState,
  recordId,
  recordMap,
  requirePhase,
  write,
} from './commandSupport.ts';

export type RenamePhaseInput = { readonly id: string; readonly label: Partial<Localized> };

export function renamePhase(doc: Y.Doc, input: RenamePhaseInput, origin: unknown): void {
  const phase = requirePhase(readState(doc), recordId(input.id));
  const label = mergeText(phase.label, input.label, 'label', true);
  const map = recordMap(docRoots(doc).phases, phase.id, KIND.phase);
  write(doc, origin, () => setText(map, 'label', label));
}
