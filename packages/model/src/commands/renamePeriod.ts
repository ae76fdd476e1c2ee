import type * as Y from 'yjs';
import { setText } from '../doc/fields.ts';
import type { Localized } from '../records/localized.ts';
import {
  docRoots,
  KIND,
  mergeText,
  notFound,
  readState,
  recordId,
  recordMap,
  write,
} from './commandSupport.ts';

export type RenamePeriodInput = { readonly id: string; readonly label: Partial<Localized> };

export function renamePeriod(doc: Y.Doc, input: RenamePeriodInput, origin: unknown): void {
  const id = recordId(input.id);
  const period =
    readState(doc)
      .phases.flatMap((phase) => phase.periods)
      .find((p) => p.id === id) ?? notFound(KIND.period, id);
  const label = mergeText(period.label, input.label, 'label', true);
  const map = recordMap(docRoots(doc).periods, id, KIND.period);
  write(doc, origin, () => setText(map, 'label', label));
}
