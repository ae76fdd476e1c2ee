import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { domainOf, readState, recordId, writeRecord } from './commandSupport.ts';
import { type Position, placeAmong } from './Position.ts';
import { writeRekeys } from './writeRekeys.ts';

export type ReorderDomainInput = { readonly id: string; readonly position: Position };

/** Moves a swimlane up or down. */
export function reorderDomain(doc: Y.Doc, input: ReorderDomainInput, origin: unknown): void {
  const state = readState(doc);
  const id = domainOf(state, recordId(input.id)).id;
  const placement = placeAmong(
    state.domains.filter((d) => d.id !== id),
    input.position,
  );
  writeRecord(doc, origin, { root: 'domains', id: id }, (map, domains) => {
    setField(map, 'order', placement.key);
    writeRekeys(domains, placement.rekeyed);
  });
}
