import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { expectColour } from '../records/expect.ts';
import {
  docRoots,
  KIND,
  notFound,
  readState,
  recordId,
  recordMap,
  write,
} from './commandSupport.ts';

export type RecolourDomainInput = { readonly id: string; readonly colour: string };

export function recolourDomain(doc: Y.Doc, input: RecolourDomainInput, origin: unknown): void {
  const state = readState(doc);
  const id = recordId(input.id);
  if (!state.domains.some((d) => d.id === id)) notFound(KIND.domain, id);
  const colour = expectColour(input.colour, 'colour');
  const map = recordMap(docRoots(doc).domains, id, KIND.domain);
  write(doc, origin, () => setField(map, 'colour', colour));
}
