import { isOrderKey } from '../fractionalIndex.ts';
import { ITEM_CARDS_MAX } from '../limits.ts';
import { DEFAULT_BOARD_SETTINGS } from '../records/board.ts';
import { CARD_STATES } from '../records/card.ts';
import { FALLBACK_DOMAIN_COLOUR } from '../records/domain.ts';
import { ITEM_KINDS } from '../records/item.ts';
import type { Localized } from '../records/localized.ts';
import { ROLES } from '../records/role.ts';
import type { FieldRepairs, RawRecord } from './repairRecord.ts';

/*
 * What a reader shows instead of a field the model's validator refuses. The rule is to keep as
 * much of the record as can be trusted: texts are cut to their limit (a title that is only too
 * long is still the right title), a missing required label falls back to the record's id, a bad
 * colour to dark grey, an unknown role or state to the first one, list entries that are not
 * valid are left out. Ids, dates and check-ins have no repair: a record with one of those wrong is
 * dropped, since a guessed id or date would mislead (see repairRoadmap for references).
 */

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cut(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Both languages cut to `max`; when `fallback` is given, an empty pair reads as the fallback. */
export function repairText(value: unknown, max: number, fallback?: Localized): Localized {
  const object = isObject(value) ? value : {};
  const text = { fr: cut(object.fr, max), en: cut(object.en, max) };
  if (fallback !== undefined && text.fr.trim() === '' && text.en.trim() === '') {
    return { fr: fallback.fr.slice(0, max), en: fallback.en.slice(0, max) };
  }
  return text;
}

export function repairColour(value: unknown): string {
  return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)
    ? value.toLowerCase()
    : FALLBACK_DOMAIN_COLOUR;
}

export function repairOrder(value: unknown): string {
  return isOrderKey(value) ? value : 'V';
}

function oneOf(allowed: readonly string[]) {
  return (value: unknown) =>
    typeof value === 'string' && allowed.includes(value) ? value : allowed[0];
}

function idList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [
    ...new Set(value.filter((id): id is string => typeof id === 'string' && ID_PATTERN.test(id))),
  ];
}

function members(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((member): member is string => typeof member === 'string' && member !== '')
    .map((member) => member.slice(0, 200))
    .slice(0, 500);
}

function formedFrom(value: unknown): Localized[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((group) => repairText(group, 300))
    .filter((group) => group.fr.trim() !== '' || group.en.trim() !== '');
}

function leadJurisdiction(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value.slice(0, 200) : null;
}

function field(name: string, repair: (value: unknown) => unknown) {
  return (record: RawRecord): RawRecord => ({ ...record, [name]: repair(record[name]) });
}

function label(name: string, max: number, id: string) {
  return field(name, (value) => repairText(value, max, { fr: id, en: id }));
}

/** Concurrent edits of both ends (or an old bug) can leave a range inverted: read it swapped. */
function swapDates(record: RawRecord): RawRecord {
  if (record.end === null) return record;
  return { ...record, start: record.end, end: record.start };
}

export function domainRepairs(id: string): FieldRepairs {
  return {
    label: label('label', 200, id),
    colour: field('colour', repairColour),
    order: field('order', repairOrder),
  };
}

export function phaseRepairs(id: string): FieldRepairs {
  return { label: label('label', 200, id), '': swapDates };
}

export const periodRepairs = phaseRepairs;

export function cardRepairs(id: string): FieldRepairs {
  return {
    title: label('title', 300, id),
    role: field('role', oneOf(ROLES)),
    state: field('state', oneOf(CARD_STATES)),
    periodIds: field('periodIds', idList),
    order: field('order', repairOrder),
    mandate: field('mandate', (value) => repairText(value, 10_000)),
    deliverables: field('deliverables', (value) => repairText(value, 10_000)),
    leadJurisdiction: field('leadJurisdiction', leadJurisdiction),
    members: field('members', members),
    formedFrom: field('formedFrom', formedFrom),
    archived: field('archived', (value) => value === true),
  };
}

export function itemRepairs(id: string): FieldRepairs {
  return {
    label: label('label', 500, id),
    role: field('role', oneOf(ROLES)),
    kind: field('kind', oneOf(ITEM_KINDS)),
    order: field('order', repairOrder),
    cardIds: field('cardIds', (value) => idList(value).slice(0, ITEM_CARDS_MAX)),
  };
}

export const FALLBACK_BOARD_TITLE: Localized = { fr: 'Feuille de route', en: 'Roadmap' };

export const BOARD_REPAIRS: FieldRepairs = {
  id: field('id', () => 'board'),
  title: field('title', (value) => repairText(value, 200, FALLBACK_BOARD_TITLE)),
  settings: field('settings', (value) => {
    const settings = isObject(value) ? value : {};
    const days = settings.staleAfterDays;
    return {
      staleAfterDays:
        typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 3650
          ? days
          : DEFAULT_BOARD_SETTINGS.staleAfterDays,
      defaultLocale:
        settings.defaultLocale === 'en' || settings.defaultLocale === 'fr'
          ? settings.defaultLocale
          : DEFAULT_BOARD_SETTINGS.defaultLocale,
    };
  }),
};
