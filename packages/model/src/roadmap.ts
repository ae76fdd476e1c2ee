import { ModelError } from './ModelError.ts';
import { type BoardRecord, validateBoard } from './records/board.ts';
import { type CardRecord, checkNoExtraCardKeys, validateCard } from './records/card.ts';
import {
  type CheckinRecord,
  latestStatus,
  type StatusSummary,
  validateCheckin,
} from './records/checkin.ts';
import { type DomainRecord, validateDomain } from './records/domain.ts';
import {
  expectArray,
  expectJson,
  expectObject,
  expectOnlyKeys,
  invalid,
  type JsonValue,
} from './records/expect.ts';
import { type ItemRecord, validateItem, withItemDefaults } from './records/item.ts';
import { type PhaseRecord, validatePhase } from './records/phase.ts';

export const ROADMAP_FORMAT = 'fdr.roadmap';

/**
 * Version of this JSON exchange format (files, REST, snapshots). Independent from the Y.Doc
 * schema version: the doc layout can change without changing what exports look like.
 */
export const ROADMAP_JSON_VERSION = 1;

export type RoadmapCard = CardRecord & {
  /** Append-only history, ordered by (at, id). */
  readonly checkins: readonly CheckinRecord[];
  /** Derived from `checkins`; present for readers' convenience, checked on import. */
  readonly latestStatus: StatusSummary | null;
};

/** Free-form canvas content: tldraw records the model stores but never interprets. */
export type RoadmapAnnotations = {
  /** The serialized tldraw store schema the records were written with. */
  readonly schema: JsonValue | null;
  readonly records: { readonly [id: string]: JsonValue };
};

/**
 * The plain, versioned roadmap document: what toJSON produces and fromJSON accepts. Arrays are
 * in board order (domains by order key, phases and periods by start date, cards by lane, column,
 * then order key), so two equal boards serialize identically.
 */
export type Roadmap = {
  readonly format: typeof ROADMAP_FORMAT;
  readonly version: typeof ROADMAP_JSON_VERSION;
  readonly board: BoardRecord;
  readonly domains: readonly DomainRecord[];
  readonly phases: readonly PhaseRecord[];
  readonly cards: readonly RoadmapCard[];
  readonly items: readonly ItemRecord[];
  readonly annotations: RoadmapAnnotations;
};

function unique(ids: Set<string>, id: string, path: string): void {
  if (ids.has(id)) {
    throw new ModelError(
      'duplicate-id',
      { fr: `${path} : identifiant « ${id} » en double.`, en: `${path}: duplicate id "${id}".` },
      { path, id },
    );
  }
  ids.add(id);
}

function dangling(path: string, id: string): never {
  throw new ModelError(
    'invalid-document',
    {
      fr: `${path} : « ${id} » ne désigne aucun élément existant.`,
      en: `${path}: "${id}" does not refer to an existing record.`,
    },
    { path, id },
  );
}

function validateAnnotations(value: unknown, path: string): RoadmapAnnotations {
  const object = expectObject(value, path);
  expectOnlyKeys(object, ['schema', 'records'], path);
  const records: Record<string, JsonValue> = {};
  for (const [id, record] of Object.entries(expectObject(object.records, `${path}.records`))) {
    if (id.length === 0 || id.length > 200) {
      invalid(`${path}.records`, 'identifiant invalide.', 'invalid record id.');
    }
    records[id] = expectJson(record, `${path}.records.${id}`);
  }
  return { schema: expectJson(object.schema ?? null, `${path}.schema`), records };
}

/**
 * Validates a roadmap document: shapes, unique ids and that every reference resolves. Throws a
 * ModelError naming the first problem.
 */
export function validateRoadmap(value: unknown): Roadmap {
  const root = expectObject(value, '');
  expectOnlyKeys(
    root,
    ['format', 'version', 'board', 'domains', 'phases', 'cards', 'items', 'annotations'],
    '',
  );
  if (root.format !== ROADMAP_FORMAT) {
    throw new ModelError(
      'invalid-document',
      {
        fr: `Ce fichier n'est pas une feuille de route (format « ${ROADMAP_FORMAT} » attendu).`,
        en: `This file is not a roadmap (format "${ROADMAP_FORMAT}" expected).`,
      },
      { path: 'format' },
    );
  }
  if (root.version !== ROADMAP_JSON_VERSION) {
    throw new ModelError(
      typeof root.version === 'number' && root.version > ROADMAP_JSON_VERSION
        ? 'schema-too-new'
        : 'invalid-document',
      {
        fr: `Version de format non prise en charge : ${String(root.version)} (attendue : ${ROADMAP_JSON_VERSION}).`,
        en: `Unsupported format version: ${String(root.version)} (expected: ${ROADMAP_JSON_VERSION}).`,
      },
      { path: 'version' },
    );
  }
  const board = validateBoard(root.board, 'board');

  const domainIds = new Set<string>();
  const domains = expectArray(root.domains, 'domains').map((entry, index) => {
    const domain = validateDomain(entry, `domains[${index}]`);
    unique(domainIds, domain.id, `domains[${index}].id`);
    return domain;
  });

  const phaseIds = new Set<string>();
  const periodIds = new Set<string>();
  const phases = expectArray(root.phases, 'phases').map((entry, index) => {
    const phase = validatePhase(entry, `phases[${index}]`);
    unique(phaseIds, phase.id, `phases[${index}].id`);
    phase.periods.forEach((period, p) => {
      unique(periodIds, period.id, `phases[${index}].periods[${p}].id`);
    });
    return phase;
  });

  const cardIds = new Set<string>();
  const checkinIds = new Set<string>();
  const cards = expectArray(root.cards, 'cards').map((entry, index): RoadmapCard => {
    const path = `cards[${index}]`;
    const object = expectObject(entry, path);
    checkNoExtraCardKeys(object, ['checkins', 'latestStatus'], path);
    const card = validateCard(object, path);
    unique(cardIds, card.id, `${path}.id`);
    if (!domainIds.has(card.domainId)) dangling(`${path}.domainId`, card.domainId);
    const phase = phases.find((p) => p.id === card.phaseId);
    if (phase === undefined) dangling(`${path}.phaseId`, card.phaseId);
    card.periodIds.forEach((periodId, p) => {
      if (!phase.periods.some((period) => period.id === periodId)) {
        dangling(`${path}.periodIds[${p}]`, periodId);
      }
    });
    const checkins = expectArray(object.checkins, `${path}.checkins`).map((raw, c) => {
      const checkin = validateCheckin(raw, `${path}.checkins[${c}]`);
      unique(checkinIds, checkin.id, `${path}.checkins[${c}].id`);
      if (checkin.cardId !== card.id) dangling(`${path}.checkins[${c}].cardId`, checkin.cardId);
      return checkin;
    });
    const derived = latestStatus(checkins);
    if (object.latestStatus !== undefined && !sameJson(object.latestStatus, derived)) {
      invalid(
        `${path}.latestStatus`,
        "ne correspond pas au dernier bilan de l'historique.",
        'does not match the latest check-in of the history.',
      );
    }
    return { ...card, checkins, latestStatus: derived };
  });

  const itemIds = new Set<string>();
  const items = expectArray(root.items, 'items').map((entry, index) => {
    const path = `items[${index}]`;
    const item = validateItem(withItemDefaults(entry), path);
    unique(itemIds, item.id, `${path}.id`);
    item.cardIds.forEach((cardId, c) => {
      if (!cardIds.has(cardId)) dangling(`${path}.cardIds[${c}]`, cardId);
    });
    if (!domainIds.has(item.domainId)) dangling(`${path}.domainId`, item.domainId);
    if (!periodIds.has(item.startPeriodId)) dangling(`${path}.startPeriodId`, item.startPeriodId);
    if (!periodIds.has(item.endPeriodId)) dangling(`${path}.endPeriodId`, item.endPeriodId);
    return item;
  });

  return {
    format: ROADMAP_FORMAT,
    version: ROADMAP_JSON_VERSION,
    board,
    domains,
    phases,
    cards,
    items,
    annotations: validateAnnotations(root.annotations, 'annotations'),
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
