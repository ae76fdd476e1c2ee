import { ModelError } from '../ModelError.ts';
import type { Localized } from './localized.ts';

/*
 * Hand-written validators: each takes `unknown` and either returns the typed value or throws a
 * ModelError('invalid-input') naming the path, in both languages. They are shared by commands
 * (input from the UI/REST) and fromJSON (input from files), so both reject the same things.
 */

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

export function invalid(path: string, fr: string, en: string): never {
  throw new ModelError(
    'invalid-input',
    { fr: `${path || 'valeur'} : ${fr}`, en: `${path || 'value'}: ${en}` },
    { path },
  );
}

export function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(path, 'un objet est attendu.', 'an object is expected.');
  }
  return value as Record<string, unknown>;
}

export function expectArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) invalid(path, 'une liste est attendue.', 'a list is expected.');
  return value;
}

export type StringRules = { readonly min?: number; readonly max?: number };

export function expectString(value: unknown, path: string, rules: StringRules = {}): string {
  if (typeof value !== 'string') {
    invalid(path, 'une chaîne de caractères est attendue.', 'a string is expected.');
  }
  const min = rules.min ?? 0;
  const max = rules.max ?? 10_000;
  if (value.length < min) {
    invalid(path, `au moins ${min} caractère(s) requis.`, `at least ${min} character(s) required.`);
  }
  if (value.length > max) {
    invalid(path, `au plus ${max} caractères permis.`, `at most ${max} characters allowed.`);
  }
  return value;
}

export function expectBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean')
    invalid(path, 'un booléen est attendu.', 'a boolean is expected.');
  return value;
}

export function expectInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    invalid(
      path,
      `un entier entre ${min} et ${max} est attendu.`,
      `an integer between ${min} and ${max} is expected.`,
    );
  }
  return value;
}

export function expectOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const list = allowed.join(', ');
    invalid(path, `valeur permise : ${list}.`, `allowed values: ${list}.`);
  }
  return value as T;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

/** Ids end up in canvas shape ids and URLs, so they are kept to a conservative alphabet. */
export function expectId(value: unknown, path: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    invalid(
      path,
      'identifiant invalide (lettres, chiffres, « - » et « _ », 80 caractères au plus).',
      'invalid id (letters, digits, "-" and "_", at most 80 characters).',
    );
  }
  return value;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar date `YYYY-MM-DD`; rejects 2017-02-30, which a regex alone would accept. */
export function expectDate(value: unknown, path: string): string {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  if (match !== null) {
    const [, y, m, d] = match;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (date.toISOString().slice(0, 10) === value) return value as string;
  }
  return invalid(
    path,
    'date attendue au format AAAA-MM-JJ.',
    'a date in the YYYY-MM-DD format is expected.',
  );
}

const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** UTC timestamps only, so that string order is time order on every peer. */
export function expectDateTime(value: unknown, path: string): string {
  if (typeof value !== 'string' || !DATE_TIME_PATTERN.test(value)) {
    invalid(
      path,
      'horodatage UTC attendu (AAAA-MM-JJTHH:MM:SSZ).',
      'a UTC timestamp is expected (YYYY-MM-DDTHH:MM:SSZ).',
    );
  }
  if (Number.isNaN(Date.parse(value))) invalid(path, 'horodatage invalide.', 'invalid timestamp.');
  return value;
}

export type LocalizedRules = StringRules & {
  /** At least one language must be filled (readers fall back to the other one). */
  readonly required?: boolean;
};

export function expectLocalized(
  value: unknown,
  path: string,
  rules: LocalizedRules = {},
): Localized {
  const object = expectObject(value, path);
  const fr = expectString(object.fr, `${path}.fr`, { max: rules.max ?? 2_000 });
  const en = expectString(object.en, `${path}.en`, { max: rules.max ?? 2_000 });
  if (rules.required === true && fr.trim() === '' && en.trim() === '') {
    invalid(
      path,
      'un texte est requis en français ou en anglais.',
      'a text is required in French or English.',
    );
  }
  return { fr, en };
}

export function expectColour(value: unknown, path: string): string {
  if (typeof value !== 'string' || !/^#[0-9a-f]{6}$/.test(value)) {
    invalid(
      path,
      'couleur attendue au format #rrggbb (minuscules).',
      'a colour in the #rrggbb format (lower case) is expected.',
    );
  }
  return value;
}

/** Annotations are opaque tldraw records; we only guarantee they survive JSON and Yjs. */
export function expectJson(value: unknown, path: string, depth = 0): JsonValue {
  if (depth > 64) invalid(path, 'structure trop profonde.', 'structure too deep.');
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) invalid(path, 'nombre non fini.', 'non-finite number.');
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((entry, index) => expectJson(entry, `${path}[${index}]`, depth + 1));
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (entry === undefined) continue;
      out[key] = expectJson(entry, `${path}.${key}`, depth + 1);
    }
    return out;
  }
  return invalid(path, 'valeur JSON attendue.', 'a JSON value is expected.');
}

/** Rejects keys we do not know, so a typo in an import file is not silently dropped. */
export function expectOnlyKeys(
  object: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      invalid(`${path}.${key}`, 'champ inconnu.', 'unknown field.');
    }
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
