import type * as Y from 'yjs';
import { writeDomain } from '../doc/recordCodec.ts';
import { validateDomain } from '../records/domain.ts';
import type { Localized } from '../records/localized.ts';
import { newRecordId, readState, writeRecord } from './commandSupport.ts';
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
  const id = newRecordId(doc, input.id, 'domains');
  const placement = placeAmong(state.domains, input.position);
  const domain = validateDomain(
    { id, label: input.label, colour: input.colour, order: placement.key },
    'input',
  );
  writeRecord(doc, origin, { root: 'domains', id: id, isNew: true }, (map, domains) => {
    writeDomain(map, domain);
    writeRekeys(domains, placement.rekeyed);
  });
  return id;
}
