import type * as Y from 'yjs';
import { writeItem } from '../doc/recordCodec.ts';
import { compareByOrder } from '../fractionalIndex.ts';
import { type ItemKind, validateItem } from '../records/item.ts';
import type { Localized } from '../records/localized.ts';
import type { Role } from '../records/role.ts';
import { checkItemSpan } from './checkItemSpan.ts';
import {
  cardOf,
  itemOf,
  mergeText,
  readState,
  recordId,
  requireLiveDomain,
  writeRecord,
} from './commandSupport.ts';
import { type Position, placeAmong } from './Position.ts';
import { writeRekeys } from './writeRekeys.ts';

export type UpdateItemInput = {
  readonly id: string;
  readonly label?: Partial<Localized>;
  readonly role?: Role;
  readonly kind?: ItemKind;
  readonly startPeriodId?: string;
  readonly endPeriodId?: string;
  /** Moving to another domain; placed at the end unless a position is given. */
  readonly domainId?: string;
  readonly position?: Position;
  /** Replaces the list of delivering task-team cards. */
  readonly cardIds?: readonly string[];
};

export function updateItem(doc: Y.Doc, input: UpdateItemInput, origin: unknown): void {
  const state = readState(doc);
  const id = recordId(input.id);
  const current = itemOf(state, id);
  const domainId = input.domainId ?? current.domainId;
  requireLiveDomain(state, domainId);
  const startPeriodId = input.startPeriodId ?? current.startPeriodId;
  const endPeriodId = input.endPeriodId ?? current.endPeriodId;
  checkItemSpan(state, startPeriodId, endPeriodId);
  for (const cardId of input.cardIds ?? []) cardOf(state, cardId);
  const moving = domainId !== current.domainId || input.position !== undefined;
  const siblings = state.items
    .filter((item) => item.domainId === domainId && item.id !== id)
    .sort(compareByOrder);
  const placement = moving ? placeAmong(siblings, input.position) : null;
  const next = validateItem(
    {
      ...current,
      label: mergeText(current.label, input.label, 'label', true),
      role: input.role ?? current.role,
      kind: input.kind ?? current.kind,
      domainId,
      startPeriodId,
      endPeriodId,
      order: placement?.key ?? current.order,
      cardIds: input.cardIds ?? current.cardIds,
    },
    'input',
  );
  writeRecord(doc, origin, { root: 'items', id: id }, (map, items) => {
    writeItem(map, next);
    if (placement !== null) writeRekeys(items, placement.rekeyed);
  });
}
