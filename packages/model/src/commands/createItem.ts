import type * as Y from 'yjs';
import { writeItem } from '../doc/recordCodec.ts';
import { compareByOrder } from '../fractionalIndex.ts';
import { type ItemKind, validateItem } from '../records/item.ts';
import type { Localized } from '../records/localized.ts';
import type { Role } from '../records/role.ts';
import { checkItemSpan } from './checkItemSpan.ts';
import {
  cardOf,
  newRecordId,
  readState,
  requireLiveDomain,
  writeRecord,
} from './commandSupport.ts';
import { type Position, placeAmong } from './Position.ts';
import { writeRekeys } from './writeRekeys.ts';

export type CreateItemInput = {
  readonly id?: string;
  readonly label: Localized;
  readonly role: Role;
  readonly kind: ItemKind;
  readonly domainId: string;
  readonly startPeriodId: string;
  readonly endPeriodId: string;
  /** The task-team cards that deliver the item (none by default). */
  readonly cardIds?: readonly string[];
  readonly position?: Position;
};

/** Adds a roadmap item (an activity over a span of periods) to a domain; returns its id. */
export function createItem(doc: Y.Doc, input: CreateItemInput, origin: unknown): string {
  const state = readState(doc);
  const id = newRecordId(doc, input.id, 'items');
  requireLiveDomain(state, input.domainId);
  checkItemSpan(state, input.startPeriodId, input.endPeriodId);
  for (const cardId of input.cardIds ?? []) cardOf(state, cardId);
  const siblings = state.items
    .filter((item) => item.domainId === input.domainId)
    .sort(compareByOrder);
  const placement = placeAmong(siblings, input.position);
  const item = validateItem(
    {
      id,
      label: input.label,
      role: input.role,
      kind: input.kind,
      domainId: input.domainId,
      startPeriodId: input.startPeriodId,
      endPeriodId: input.endPeriodId,
      order: placement.key,
      cardIds: input.cardIds ?? [],
    },
    'input',
  );
  writeRecord(doc, origin, { root: 'items', id: id, isNew: true }, (map, items) => {
    writeItem(map, item);
    writeRekeys(items, placement.rekeyed);
  });
  return id;
}
