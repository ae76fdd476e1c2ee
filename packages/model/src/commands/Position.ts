import { keyBetween, keysBetween } from '../fractionalIndex.ts';
import { ModelError } from '../ModelError.ts';

/**
 * Where to put a card (or lane) among its siblings. At most one of the three; none means "at the
 * end". `after`/`before` name a sibling id, which survives concurrent inserts better than an
 * index does; `index` counts siblings other than the record being placed.
 */
export type Position = {
  readonly after?: string;
  readonly before?: string;
  readonly index?: number;
};

type Sibling = { readonly id: string; readonly order: string };

export type Placement = {
  readonly key: string;
  /** Siblings whose equal keys had to be spread out to make room (see placeAmong). */
  readonly rekeyed: readonly (readonly [id: string, key: string])[];
};

function badPosition(fr: string, en: string): never {
  throw new ModelError('invalid-position', { fr, en }, { path: 'position' });
}

/**
 * An order key for a record inserted at `position` among `siblings` (sorted by compareByOrder,
 * the record itself excluded). Two peers that inserted at the same spot concurrently leave two
 * siblings with the same key; inserting between those needs fresh keys for the whole tied run,
 * which are returned in `rekeyed` and written in the same transaction.
 */
export function placeAmong(siblings: readonly Sibling[], position: Position = {}): Placement {
  const given = [position.after, position.before, position.index].filter((v) => v !== undefined);
  if (given.length > 1) {
    badPosition(
      'Indiquez une seule position : after, before ou index.',
      'Give a single position: after, before or index.',
    );
  }
  let at = siblings.length;
  if (position.after !== undefined || position.before !== undefined) {
    const target = position.after ?? position.before;
    const found = siblings.findIndex((sibling) => sibling.id === target);
    if (found < 0) {
      badPosition(
        `L'élément de référence « ${target} » n'est pas dans cette case.`,
        `The reference record "${target}" is not in this cell.`,
      );
    }
    at = position.after !== undefined ? found + 1 : found;
  } else if (position.index !== undefined) {
    if (
      !Number.isInteger(position.index) ||
      position.index < 0 ||
      position.index > siblings.length
    ) {
      badPosition(
        `Index hors limites (0 à ${siblings.length}).`,
        `Index out of range (0 to ${siblings.length}).`,
      );
    }
    at = position.index;
  }
  const placement = placeAt(siblings, at);
  if (placement.key.length <= LONGEST_KEY) return placement;
  // Inserting again and again at one spot lengthens keys; respread the whole list instead.
  const keys = keysBetween(null, null, siblings.length + 1);
  return {
    key: keys[at] ?? '',
    rekeyed: siblings.map((sibling, index) => [
      sibling.id,
      keys[index < at ? index : index + 1] ?? '',
    ]),
  };
}

/** Keys longer than this trigger a respread of the siblings (order keys may reach 256). */
export const LONGEST_KEY = 48;

function placeAt(siblings: readonly Sibling[], at: number): Placement {
  const left = siblings[at - 1];
  const right = siblings[at];
  if (left === undefined || right === undefined || left.order !== right.order) {
    return { key: keyBetween(left?.order ?? null, right?.order ?? null), rekeyed: [] };
  }
  let first = at - 1;
  while (first > 0 && siblings[first - 1]?.order === left.order) first--;
  let last = at;
  while (last < siblings.length - 1 && siblings[last + 1]?.order === left.order) last++;
  const keys = keysBetween(
    siblings[first - 1]?.order ?? null,
    siblings[last + 1]?.order ?? null,
    last - first + 2,
  );
  const rekeyed: (readonly [string, string])[] = [];
  let next = 0;
  let key = '';
  for (let index = first; index <= last + 1; index++) {
    if (index === at) key = keys[next++] ?? '';
    if (index <= last) rekeyed.push([siblings[index]?.id ?? '', keys[next++] ?? '']);
  }
  return { key, rekeyed };
}
