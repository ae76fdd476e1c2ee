import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { expectColour } from '../records/expect.ts';
import { domainOf, readState, recordId, writeRecord } from './commandSupport.ts';

export type RecolourDomainInput = { readonly id: string; readonly colour: string };

export function recolourDomain(doc: Y.Doc, input: RecolourDomainInput, origin: unknown): void {
  const domain = domainOf(readState(doc), recordId(input.id));
  const colour = expectColour(input.colour, 'colour');
  writeRecord(doc, origin, { root: 'domains', id: domain.id }, (map) =>
    setField(map, 'colour', colour),
  );
}
