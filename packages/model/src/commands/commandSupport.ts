import * as Y from 'yjs';
import { docRoots, isRecordMap, type RecordMap, requireCurrentSchema } from '../doc/layout.ts';
import { toJSON } from '../doc/toJSON.ts';
import { compareByOrder } from '../fractionalIndex.ts';
import { newId } from '../ids.ts';
import { ModelError } from '../ModelError.ts';
import type { DomainRecord } from '../records/domain.ts';
import { expectId, expectLocalized, expectObject } from '../records/expect.ts';
import type { ItemRecord } from '../records/item.ts';
import type { Localized } from '../records/localized.ts';
import type { PeriodRecord } from '../records/phase.ts';
import type { Roadmap, RoadmapCard } from '../roadmap.ts';

/*
 * Shared plumbing of the commands. Every command validates everything first and only then opens
 * its single transaction: Yjs has no rollback, so a throw halfway through a transaction would
 * still publish the writes made before it.
 */

/** The resolved state commands validate against (what every reader sees). */
export function readState(doc: Y.Doc): Roadmap {
  requireCurrentSchema(doc);
  return toJSON(doc);
}

export function write(doc: Y.Doc, origin: unknown, body: () => void): void {
  doc.transact(body, origin);
}

export function notFound(kind: Localized, id: string): never {
  throw new ModelError(
    'not-found',
    { fr: `${kind.fr} « ${id} » introuvable.`, en: `${kind.en} "${id}" not found.` },
    { id },
  );
}

export function duplicate(kind: Localized, id: string): never {
  throw new ModelError(
    'duplicate-id',
    { fr: `${kind.fr} « ${id} » existe déjà.`, en: `${kind.en} "${id}" already exists.` },
    { id },
  );
}

export const KIND = {
  card: { fr: 'Carte', en: 'Card' },
  domain: { fr: "Domaine d'intérêt", en: 'Domain of interest' },
  phase: { fr: 'Phase', en: 'Phase' },
  period: { fr: 'Période', en: 'Period' },
  item: { fr: 'Élément de la feuille de route', en: 'Roadmap item' },
  checkin: { fr: 'Bilan', en: 'Check-in' },
} as const satisfies Record<string, Localized>;

export function inputObject(input: unknown): Record<string, unknown> {
  return expectObject(input, 'input');
}

export function recordId(value: unknown, path = 'id'): string {
  return expectId(value, path);
}

/** A partial text patch: `{ fr: '…' }` changes only the French and leaves a concurrent English edit. */
export function mergeText(
  current: Localized,
  patch: unknown,
  path: string,
  required = false,
): Localized {
  if (patch === undefined) return current;
  const object = expectObject(patch, path);
  return expectLocalized({ fr: object.fr ?? current.fr, en: object.en ?? current.en }, path, {
    required,
    max: 10_000,
  });
}

export function cardOf(state: Roadmap, id: string): RoadmapCard {
  return state.cards.find((card) => card.id === id) ?? notFound(KIND.card, id);
}

/** Visible (non-archived) cards of a cell in order, optionally without one card. */
export function cellCards(
  state: Roadmap,
  domainId: string,
  phaseId: string,
  without?: string,
): RoadmapCard[] {
  return state.cards
    .filter(
      (card) =>
        card.domainId === domainId &&
        card.phaseId === phaseId &&
        !card.archived &&
        card.id !== without,
    )
    .sort(compareByOrder);
}

/** A domain that is not removed. */
export function domainOf(state: Roadmap, id: string): DomainRecord {
  return state.domains.find((domain) => domain.id === id) ?? notFound(KIND.domain, id);
}

export function requireLiveDomain(state: Roadmap, id: string): void {
  domainOf(state, id);
}

export function periodOf(state: Roadmap, id: string): PeriodRecord {
  for (const phase of state.phases) {
    const period = phase.periods.find((p) => p.id === id);
    if (period) return period;
  }
  return notFound(KIND.period, id);
}

export function itemOf(state: Roadmap, id: string): ItemRecord {
  return state.items.find((item) => item.id === id) ?? notFound(KIND.item, id);
}

export function requirePhase(state: Roadmap, id: string): Roadmap['phases'][number] {
  return state.phases.find((phase) => phase.id === id) ?? notFound(KIND.phase, id);
}

export function recordMap(map: Y.Map<RecordMap>, id: string, kind: Localized): RecordMap {
  const record = map.get(id);
  return isRecordMap(record) ? record : notFound(kind, id);
}

/** The roots that hold one record per key, and the kind of record each holds. */
const RECORD_ROOTS = {
  domains: KIND.domain,
  phases: KIND.phase,
  periods: KIND.period,
  cards: KIND.card,
  items: KIND.item,
} as const;

type RecordRoot = keyof typeof RECORD_ROOTS;

/**
 * The command's single transaction, writing one record (`map`): an existing one, or one it adds
 * (`isNew`). `records` is the record's root, for commands that also re-key its siblings.
 */
export function writeRecord(
  doc: Y.Doc,
  origin: unknown,
  target: { root: RecordRoot; id: string; isNew?: boolean },
  body: (map: RecordMap, records: Y.Map<RecordMap>) => void,
): void {
  const records = docRoots(doc)[target.root];
  const existing = target.isNew ? null : recordMap(records, target.id, RECORD_ROOTS[target.root]);
  write(doc, origin, () => {
    const map = existing ?? newRecordMap();
    if (!existing) records.set(target.id, map);
    body(map, records);
  });
}

/**
 * The id of a record to create: the one given (checked), or a new one. Refused when a record of
 * any of `roots` holds it already (removed domains too: their tombstones keep their ids).
 */
export function newRecordId(
  doc: Y.Doc,
  given: string | undefined,
  root: RecordRoot,
  ...alsoIn: RecordRoot[]
): string {
  const id = given === undefined ? newId() : recordId(given);
  const roots = docRoots(doc);
  if ([root, ...alsoIn].some((name) => roots[name].has(id))) duplicate(RECORD_ROOTS[root], id);
  return id;
}

export function newRecordMap(): RecordMap {
  return new Y.Map<unknown>();
}

export { docRoots };
