import type * as Y from 'yjs';
import { setText } from '../doc/fields.ts';
import type { Localized } from '../records/localized.ts';
import { mergeText, periodOf, readState, recordId, writeRecord } from './commandSupport.ts';

export type RenamePeriodInput = { readonly id: string; readonly label: Partial<Localized> };

export function renamePeriod(doc: Y.Doc, input: RenamePeriodInput, origin: unknown): void {
  const period = periodOf(readState(doc), recordId(input.id));
  const label = mergeText(period.label, input.label, 'label', true);
  writeRecord(doc, origin, { root: 'periods', id: period.id }, (map) =>
    setText(map, 'label', label),
  );
}
