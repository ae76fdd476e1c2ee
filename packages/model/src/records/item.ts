import { ITEM_LABEL_MAX } from '../limits.ts';
import { expectId, expectLocalized, expectObject, expectOneOf, expectOnlyKeys } from './expect.ts';
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
] as const;

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
  };
}
