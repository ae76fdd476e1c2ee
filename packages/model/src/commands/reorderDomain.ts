import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import {
  docRoots,
  KIND,
  notFound,
  readState,
  recordId,
  recordMap,
  write,
} from './commandSupport.ts';
import { type Position, placeAmong } from './Position.ts';
import { writeRekeys } from './writeRekeys.ts';

export type ReorderDomainInput = { readonly id: string; readonly position: Position };

/** Moves a swimlane up or down. */
export function reorderDomain(doc: Y.Doc, input: ReorderDomainInput, origin: unknown): void {
  const state = readState(doc);
  const id = recordId(input.id);
  if (!state.domains.some((d) => d.id === id)) notFound(KIND.domain, id);
  const roots = docRoots(doc);
  const placement = placeAmong(
    state.domains.filter((d) => d.id !== id),
    input.position,
  );
  const map = recordMap(roots.domains, id, KIND.domain);
  write(doc, origin, () => {
    setField(map, 'order', placement.key);
    writeRekeys(roots.domains, placement.rekeyed);
  });
}
