import { isOrderKey } from '../fractionalIndex.ts';
import type { Localized } from '../records/localized.ts';
import type { RecordMap } from './layout.ts';

/*
 * Field access for record Y.Maps. Writers skip values that did not change, so a command that
 * "updates" a card with its current title creates no CRDT item and cannot win a last-writer-wins
 * race against a real concurrent edit. Readers never trust the stored type: a doc may have been
 * written by a buggy or older client, and a reader must not crash on it.
 */

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function setField(map: RecordMap, key: string, value: unknown): void {
  if (map.has(key) && sameValue(map.get(key), value)) return;
  map.set(key, value);
}

export function setText(map: RecordMap, name: string, text: Localized): void {
  setField(map, `${name}.fr`, text.fr);
  setField(map, `${name}.en`, text.en);
}

export function readString(map: RecordMap, key: string, fallback = ''): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : fallback;
}

export function readStringOrNull(map: RecordMap, key: string): string | null {
  const value = map.get(key);
  return typeof value === 'string' ? value : null;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A UTC timestamp as the validators accept it, else null (unknown). */
export function readDateTime(map: RecordMap, key: string): string | null {
  const value = map.get(key);
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
    ? value
    : null;
}

export function readBoolean(map: RecordMap, key: string): boolean {
  return map.get(key) === true;
}

export function readText(map: RecordMap, name: string): Localized {
  return { fr: readString(map, `${name}.fr`), en: readString(map, `${name}.en`) };
}

export function readOneOf<T extends string>(map: RecordMap, key: string, allowed: readonly T[]): T {
  const value = map.get(key);
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : (allowed[0] as T);
}

export function readOrder(map: RecordMap, key = 'order'): string {
  const value = map.get(key);
  return isOrderKey(value) ? value : 'V';
}

export function readStringList(map: RecordMap, key: string): string[] {
  const value = map.get(key);
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is string => typeof entry === 'string');
}

export function readTextList(map: RecordMap, key: string): Localized[] {
  const value = map.get(key);
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (entry): entry is Localized =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as Localized).fr === 'string' &&
        typeof (entry as Localized).en === 'string',
    )
    .map((entry) => ({ fr: entry.fr, en: entry.en }));
}
