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

export type RenameDomainInput = { readonly id: string; readonly label: Partial<Localized> };

export function renameDomain(doc: Y.Doc, input: RenameDomainInput, origin: unknown): void {
  const state = readState(doc);
  const id = recordId(input.id);
  const domain = state.domains.find((d) => d.id === id) ?? notFound(KIND.domain, id);
  const label = mergeText(domain.label, input.label, 'label', true);
  const map = recordMap(docRoots(doc).domains, id, KIND.domain);
  write(doc, origin, () => setText(map, 'label', label));
}
