import * as Y from 'yjs';
import { ModelError } from '../ModelError.ts';

/*
 * Y.Doc layout, schema version 3 (mirrored in packages/model/CONTEXT.md; keep both in sync).
 *
 *   Y.Map 'meta'        schemaVersion: number, boardId: string,
 *                       'title.fr', 'title.en': string,
 *                       'settings.staleAfterDays': number, 'settings.defaultLocale': 'fr'|'en',
 *                       annotationsSchema: JSON | null   (tldraw store schema of 'annotations')
 *   Y.Map 'domains'     domainId → Y.Map { 'label.fr', 'label.en', colour, order,
 *                                          removed: boolean, removedInto: domainId | null }
 *   Y.Map 'phases'      phaseId  → Y.Map { 'label.fr', 'label.en', start, end }
 *   Y.Map 'periods'     periodId → Y.Map { phaseId, 'label.fr', 'label.en', start, end }
 *   Y.Map 'cards'       cardId   → Y.Map { 'title.fr', 'title.en', role, state,
 *                                          cell: { domainId, phaseId, order },
 *                                          periodIds: string[], 'mandate.fr', 'mandate.en',
 *                                          'deliverables.fr', 'deliverables.en', leadJurisdiction,
 *                                          members: string[], formedFrom: Localized[], archived }
 *   Y.Map 'items'       itemId   → Y.Map { 'label.fr', 'label.en', role, kind, domainId,
 *                                          startPeriodId, endPeriodId, order,
 *                                          cardIds: string[] }
 *   Y.Map 'checkinLog'  checkinId → plain CheckinRecord object (immutable, never deleted)
 *   Y.Map 'annotations' tldraw record id → plain tldraw record (opaque to the model)
 *
 * Why this shape:
 * - One nested Y.Map per record, one key per field and per language, so two people editing the
 *   French and the English title of the same card at the same time both keep their edit. Lists
 *   (members, periodIds, formedFrom, an item's cardIds) are a single last-writer-wins value. A card's cell (domain,
 *   phase and order key) is also one value, so concurrent moves of one card pick one whole move.
 * - Nothing is ever deleted except items: cards are archived, domains are tombstoned
 *   (removed + removedInto), so a concurrent edit never lands on a record that vanished.
 * - Check-ins live in one flat map keyed by check-in id rather than one Y.Array per card: a
 *   per-card array has to be created lazily, and two peers creating it at once would each set a
 *   new array under the same key; Yjs keeps only one and silently loses the other's check-in.
 *   Keyed by id, concurrent check-ins are both kept and a retried request is idempotent.
 * - Order within a lane list and within a cell is a fractional-index string plus the record id
 *   as tie-break; phases and periods are ordered by start date.
 * - Readers resolve a card or item whose domain is removed by following removedInto, else to the
 *   first live domain; if concurrent removals left no live domain, the first removed domain (by
 *   order) is read as live. A card whose phase is unknown goes to the first phase. See toJSON.
 */

export const SCHEMA_VERSION = 3;

export const ROOT = {
  meta: 'meta',
  domains: 'domains',
  phases: 'phases',
  periods: 'periods',
  cards: 'cards',
  items: 'items',
  checkinLog: 'checkinLog',
  annotations: 'annotations',
} as const;

export const META = {
  schemaVersion: 'schemaVersion',
  boardId: 'boardId',
  title: 'title',
  staleAfterDays: 'settings.staleAfterDays',
  defaultLocale: 'settings.defaultLocale',
  annotationsSchema: 'annotationsSchema',
} as const;

export type RecordMap = Y.Map<unknown>;

export type DocRoots = {
  readonly meta: Y.Map<unknown>;
  readonly domains: Y.Map<RecordMap>;
  readonly phases: Y.Map<RecordMap>;
  readonly periods: Y.Map<RecordMap>;
  readonly cards: Y.Map<RecordMap>;
  readonly items: Y.Map<RecordMap>;
  readonly checkinLog: Y.Map<unknown>;
  readonly annotations: Y.Map<unknown>;
};

/** Top-level types are named, so getting them never races between peers. */
export function docRoots(doc: Y.Doc): DocRoots {
  return {
    meta: doc.getMap(ROOT.meta),
    domains: doc.getMap(ROOT.domains),
    phases: doc.getMap(ROOT.phases),
    periods: doc.getMap(ROOT.periods),
    cards: doc.getMap(ROOT.cards),
    items: doc.getMap(ROOT.items),
    checkinLog: doc.getMap(ROOT.checkinLog),
    annotations: doc.getMap(ROOT.annotations),
  };
}

/** 0 means "no model metadata yet" (see migrations). */
export function readSchemaVersion(doc: Y.Doc): number {
  const version = doc.getMap(ROOT.meta).get(META.schemaVersion);
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 0;
}

/** Readers and commands only understand the current layout; migrate first (server on load). */
export function requireCurrentSchema(doc: Y.Doc): void {
  const version = readSchemaVersion(doc);
  if (version === SCHEMA_VERSION) return;
  if (version > SCHEMA_VERSION) {
    throw new ModelError('schema-too-new', {
      fr: `Ce tableau utilise une version plus récente du modèle (${version} > ${SCHEMA_VERSION}). Mettez l'application à jour.`,
      en: `This board uses a newer model version (${version} > ${SCHEMA_VERSION}). Update the application.`,
    });
  }
  throw new ModelError('schema-outdated', {
    fr: `Ce tableau utilise la version ${version} du modèle; il doit être migré vers la version ${SCHEMA_VERSION}.`,
    en: `This board uses model version ${version}; it must be migrated to version ${SCHEMA_VERSION}.`,
  });
}

export function isRecordMap(value: unknown): value is RecordMap {
  return value instanceof Y.Map;
}
