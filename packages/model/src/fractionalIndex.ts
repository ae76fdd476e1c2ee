import { ModelError } from './ModelError.ts';

/*
 * Fractional indices: an order key is the digit string of a number in (0, 1) written in base 62,
 * e.g. 'V' ≈ 0.5. The digits are in ASCII order, so comparing keys as plain strings compares the
 * numbers. A key never ends in '0' (0.5 and 0.50 would be the same number with two spellings),
 * which guarantees there is always room for a key between two different keys.
 *
 * Two peers inserting at the same place at the same time compute the same key; readers break
 * that tie with the record id (see compareByOrder), so the order is still total and identical
 * on every peer.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const MAX_KEY_LENGTH = 256;
const KEY_PATTERN = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

export function isOrderKey(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_KEY_LENGTH && KEY_PATTERN.test(value);
}

function digitValue(char: string | undefined): number {
  return char === undefined ? 0 : DIGITS.indexOf(char);
}

function digit(value: number): string {
  return DIGITS.charAt(value);
}

/** Precondition: low < high (high === null means 1.0); neither ends in '0'. */
function midpoint(low: string, high: string | null): string {
  if (high !== null) {
    let shared = 0;
    while (shared < high.length && (low[shared] ?? '0') === high[shared]) shared++;
    if (shared > 0) {
      return high.slice(0, shared) + midpoint(low.slice(shared), high.slice(shared));
    }
  }
  const lo = low === '' ? 0 : digitValue(low[0]);
  const hi = high === null ? BASE : digitValue(high[0]);
  if (hi - lo > 1) return digit(Math.round((lo + hi) / 2));
  // Adjacent first digits: a shorter key may fit below `high`, otherwise go one digit deeper.
  if (high !== null && high.length > 1) return high.charAt(0);
  return digit(lo) + midpoint(low.slice(1), null);
}

/** A key strictly between `low` and `high`; null means "before everything" / "after everything". */
export function keyBetween(low: string | null, high: string | null): string {
  if (low !== null && !isOrderKey(low)) throw badKey(low);
  if (high !== null && !isOrderKey(high)) throw badKey(high);
  if (low !== null && high !== null && low >= high) {
    throw new ModelError('invalid-position', {
      fr: `Aucune position possible entre « ${low} » et « ${high} ».`,
      en: `No position exists between "${low}" and "${high}".`,
    });
  }
  return midpoint(low ?? '', high);
}

/** `count` increasing keys spread between low and high, kept short by bisecting. */
export function keysBetween(low: string | null, high: string | null, count: number): string[] {
  if (count <= 0) return [];
  const middle = keyBetween(low, high);
  const before = Math.floor((count - 1) / 2);
  return [
    ...keysBetween(low, middle, before),
    middle,
    ...keysBetween(middle, high, count - 1 - before),
  ];
}

/**
 * Total order used everywhere records are ordered. Plain `<` compares UTF-16 code units, the
 * same on every peer; localeCompare would depend on the reader's locale.
 */
export function compareByOrder(
  a: { readonly order: string; readonly id: string },
  b: { readonly order: string; readonly id: string },
): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

function badKey(key: string): ModelError {
  return new ModelError('invalid-position', {
    fr: `Clé d'ordre invalide : « ${key} ».`,
    en: `Invalid order key: "${key}".`,
  });
}
