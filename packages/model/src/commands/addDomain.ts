import type * as Y from 'yjs';
import { writeDomain } from '../doc/recordCodec.ts';
import { newId } from '../ids.ts';
import { validateDomain } from '../records/domain.ts';
import type { Localized } from '../records/localized.ts';
import {
  docRoots,
  duplicate,
  KIND,
  newRecordMap,
  readState,
  recordId,
  write,
} from './commandSupport.ts';
import { type Position, placeAmong } from './Position.ts';
import { writeRekeys } from './writeRekeys.ts';

export type AddDomainInput = {
  readonly id?: string;
  readonly label: Localized;
  /** `#rrggbb`, lower case. */
  readonly colour: string;
  readonly position?: Position;
};

/** Adds a domain of interest (a swimlane); returns its id. */
export function addDomain(doc: Y.Doc, input: AddDomainInput, origin: unknown): string {
  const state = readState(doc);
  const roots = docRoots(doc);
  const id = input.id === undefined ? newId() : recordId(input.id);
  // Removed domains stay as tombstones, so their ids are taken too.
  if (roots.domains.has(id)) duplicate(KIND.domain, id);
  const placement = placeAmong(state.domains, input.position);
  const domain = validateDomain(
    { id, label: input.label, colour: input.colour, order: placement.key },
    'input',
  );
  write(doc, origin, () => {
    const map = newRecordMap();
    roots.domains.set(id, map);
    writeDomain(map, domain);
    writeRekeys(roots.domains, placement.rekeyed);
  });
  return id;
}
