import type * as Y from 'yjs';
import { setText } from '../doc/fields.ts';
import type { Localized } from '../records/localized.ts';
import { domainOf, mergeText, readState, recordId, writeRecord } from './commandSupport.ts';

export type RenameDomainInput = { readonly id: string; readonly label: Partial<Localized> };

export function renameDomain(doc: Y.Doc, input: RenameDomainInput, origin: unknown): void {
  const domain = domainOf(readState(doc), recordId(input.id));
  const label = mergeText(domain.label, input.label, 'label', true);
  writeRecord(doc, origin, { root: 'domains', id: domain.id }, (map) =>
    setText(map, 'label', label),
  );
}
