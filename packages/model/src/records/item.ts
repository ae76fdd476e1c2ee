import { ITEM_CARDS_MAX, ITEM_LABEL_MAX } from '../limits.ts';
import { validateIdList } from './card.ts';
import {
  expectId,
  expectLocalized,
  expectObject,
  expectOneOf,
  expectOnlyKeys,
  invalid,
} from './expect.ts';
import { expectOrderKey } from './expectOrderKey.ts';
import type { Localized } from './localized.ts';
import { ROLES, type Role } from './role.ts';

export const ITEM_KINDS = ['new', 'ongoing'] as const;

export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_KIND_LABELS: Readonly<Record<ItemKind, Localized>> = {
  new: { fr: 'Nouvelle activité', en: 'New activity' },
  ongoing: { fr: 'Activité en cours', en: 'Ongoing activity' },
};

/** A roadmap item: an activity of a domain spanning one or more consecutive periods. */
export type ItemRecord = {
  readonly id: string;
  readonly label: Localized;
  readonly role: Role;
  readonly kind: ItemKind;
  readonly domainId: string;
  /** Inclusive span; readers swap the ends if concurrent edits inverted them. */
  readonly startPeriodId: string;
  readonly endPeriodId: string;
  /** Fractional index among the items of its domain; ties broken by id. */
  readonly order: string;
  /**
   * The task-team cards that deliver the item, in the order people listed them. Readers leave
   * out ids of cards that are not (or no longer) on the board: undoing a card's creation
   * deletes it, and an item naming it must not break.
   */
  readonly cardIds: readonly string[];
};

export const ITEM_FIELDS = [
  'id',
  'label',
  'role',
  'kind',
  'domainId',
  'startPeriodId',
  'endPeriodId',
  'order',
  'cardIds',
] as const;

/**
 * Items exported before they could name cards have no `cardIds`: they read as naming none, so
 * older roadmap files still import.
 */
export function withItemDefaults(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return 'cardIds' in value ? value : { ...value, cardIds: [] };
}

export function validateItemCardIds(value: unknown, path: string): string[] {
  const ids = validateIdList(value, path);
  if (ids.length > ITEM_CARDS_MAX) {
    invalid(
      path,
      `trop d'équipes (${ITEM_CARDS_MAX} au plus).`,
      `too many task teams (${ITEM_CARDS_MAX} at most).`,
    );
  }
  return ids;
}

export function validateItem(value: unknown, path = 'item'): ItemRecord {
  const object = expectObject(value, path);
  expectOnlyKeys(object, ITEM_FIELDS, path);
  return {
    id: expectId(object.id, `${path}.id`),
    label: expectLocalized(object.label, `${path}.label`, { required: true, max: ITEM_LABEL_MAX }),
    role: expectOneOf(object.role, ROLES, `${path}.role`),
    kind: expectOneOf(object.kind, ITEM_KINDS, `${path}.kind`),
    domainId: expectId(object.domainId, `${path}.domainId`),
    startPeriodId: expectId(object.startPeriodId, `${path}.startPeriodId`),
    endPeriodId: expectId(object.endPeriodId, `${path}.endPeriodId`),
    order: expectOrderKey(object.order, `${path}.order`),
    cardIds: validateItemCardIds(object.cardIds, `${path}.cardIds`),
  };
}
