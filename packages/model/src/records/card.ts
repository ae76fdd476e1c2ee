import { CARD_TITLE_MAX, NAME_MAX } from '../limits.ts';
import {
  expectArray,
  expectBoolean,
  expectDateTime,
  expectId,
  expectLocalized,
  expectObject,
  expectOneOf,
  expectOnlyKeys,
  expectString,
  invalid,
} from './expect.ts';
import { expectOrderKey } from './expectOrderKey.ts';
import type { Localized } from './localized.ts';
import { ROLES, type Role } from './role.ts';

export const CARD_STATES = ['existing-modified', 'new', 'external-identity'] as const;

export type CardState = (typeof CARD_STATES)[number];

export const CARD_STATE_LABELS: Readonly<Record<CardState, Localized>> = {
  'existing-modified': {
    fr: "Existe / modification d'éléments existants",
    en: 'Existing / modified',
  },
  new: { fr: 'Nouveau', en: 'New' },
  'external-identity': { fr: 'Identité externe', en: 'External identity' },
};

/** A task team (équipe spéciale): one card on the board. */
export type CardRecord = {
  /** Stable: canvas shape ids and arrow bindings are derived from it. */
  readonly id: string;
  readonly title: Localized;
  readonly role: Role;
  readonly state: CardState;
  readonly domainId: string;
  readonly phaseId: string;
  /** Periods of the card's phase it is active in; empty means "the whole phase". */
  readonly periodIds: readonly string[];
  /** Fractional index within its (domain, phase) cell; ties broken by id. */
  readonly order: string;
  readonly mandate: Localized;
  readonly deliverables: Localized;
  /** Free text such as "Ontario" or "Ville de Montréal": municipalities make a code list moot. */
  readonly leadJurisdiction: string | null;
  readonly members: readonly string[];
  /** Current-state working groups or subcommittees this team grows out of. */
  readonly formedFrom: readonly Localized[];
  readonly archived: boolean;
  /**
   * When the card came onto the board (UTC); null on cards from before it was recorded. A card
   * that has not checked in yet is overdue counting from here, never from nothing.
   */
  readonly createdAt: string | null;
};

export const CARD_FIELDS = [
  'id',
  'title',
  'role',
  'state',
  'domainId',
  'phaseId',
  'periodIds',
  'order',
  'mandate',
  'deliverables',
  'leadJurisdiction',
  'members',
  'formedFrom',
  'archived',
  'createdAt',
] as const;

export function validateMembers(value: unknown, path: string): string[] {
  const members = expectArray(value, path).map((member, index) =>
    expectString(member, `${path}[${index}]`, { min: 1, max: NAME_MAX }),
  );
  if (members.length > 500) invalid(path, 'trop de membres (500 au plus).', 'too many members.');
  return members;
}

export function validateIdList(value: unknown, path: string): string[] {
  const ids = expectArray(value, path).map((id, index) => expectId(id, `${path}[${index}]`));
  if (new Set(ids).size !== ids.length) {
    invalid(path, 'identifiant en double.', 'duplicate id.');
  }
  return ids;
}

export function validateFormedFrom(value: unknown, path: string): Localized[] {
  return expectArray(value, path).map((group, index) =>
    expectLocalized(group, `${path}[${index}]`, { required: true, max: 300 }),
  );
}

export function validateLeadJurisdiction(value: unknown, path: string): string | null {
  return value === null ? null : expectString(value, path, { min: 1, max: NAME_MAX });
}

/** Validates the stored fields of a card (the JSON card adds its check-in history). */
export function validateCard(value: unknown, path = 'card'): CardRecord {
  const object = expectObject(value, path);
  return {
    id: expectId(object.id, `${path}.id`),
    title: expectLocalized(object.title, `${path}.title`, { required: true, max: CARD_TITLE_MAX }),
    role: expectOneOf(object.role, ROLES, `${path}.role`),
    state: expectOneOf(object.state, CARD_STATES, `${path}.state`),
    domainId: expectId(object.domainId, `${path}.domainId`),
    phaseId: expectId(object.phaseId, `${path}.phaseId`),
    periodIds: validateIdList(object.periodIds, `${path}.periodIds`),
    order: expectOrderKey(object.order, `${path}.order`),
    mandate: expectLocalized(object.mandate, `${path}.mandate`, { max: 10_000 }),
    deliverables: expectLocalized(object.deliverables, `${path}.deliverables`, { max: 10_000 }),
    leadJurisdiction: validateLeadJurisdiction(object.leadJurisdiction, `${path}.leadJurisdiction`),
    members: validateMembers(object.members, `${path}.members`),
    formedFrom: validateFormedFrom(object.formedFrom, `${path}.formedFrom`),
    archived: expectBoolean(object.archived, `${path}.archived`),
    // Absent in files exported before it was recorded: unknown, as on the boards they came from.
    createdAt:
      object.createdAt === undefined || object.createdAt === null
        ? null
        : expectDateTime(object.createdAt, `${path}.createdAt`),
  };
}

export function checkNoExtraCardKeys(
  object: Record<string, unknown>,
  extra: readonly string[],
  path: string,
): void {
  expectOnlyKeys(object, [...CARD_FIELDS, ...extra], path);
}
