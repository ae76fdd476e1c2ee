import { LABEL_MAX } from '../limits.ts';
import { expectColour, expectId, expectLocalized, expectObject, expectOnlyKeys } from './expect.ts';
import { expectOrderKey } from './expectOrderKey.ts';
import type { Localized } from './localized.ts';

/** A domain of interest: one swimlane (row) of the board. */
export type DomainRecord = {
  readonly id: string;
  readonly label: Localized;
  /** `#rrggbb`, chosen to keep white text readable (WCAG AA) on the lane header. */
  readonly colour: string;
  /** Fractional index; lanes are sorted by (order, id). */
  readonly order: string;
};

/** What a reader shows for a lane whose stored colour is not valid: dark grey, white text. */
export const FALLBACK_DOMAIN_COLOUR = '#4a4a4a';

export function validateDomain(value: unknown, path = 'domain'): DomainRecord {
  const object = expectObject(value, path);
  expectOnlyKeys(object, ['id', 'label', 'colour', 'order'], path);
  return {
    id: expectId(object.id, `${path}.id`),
    label: expectLocalized(object.label, `${path}.label`, { required: true, max: LABEL_MAX }),
    colour: expectColour(object.colour, `${path}.colour`),
    order: expectOrderKey(object.order, `${path}.order`),
  };
}
