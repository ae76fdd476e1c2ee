import { ModelError } from '../ModelError.ts';
import { type BoardRecord, DEFAULT_BOARD_SETTINGS, validateBoard } from '../records/board.ts';
import { CARD_FIELDS, type CardRecord, validateCard } from '../records/card.ts';
import {
  type CheckinRecord,
  compareCheckins,
  latestStatus,
  validateCheckin,
} from '../records/checkin.ts';
import { type DomainRecord, validateDomain } from '../records/domain.ts';
import { expectJson, type JsonValue } from '../records/expect.ts';
import { ITEM_FIELDS, type ItemRecord, validateItem, withItemDefaults } from '../records/item.ts';
import type { Localized } from '../records/localized.ts';
import {
  type PeriodRecord,
  type PhaseRecord,
  validatePeriod,
  validatePhase,
} from '../records/phase.ts';
import {
  ROADMAP_FORMAT,
  ROADMAP_JSON_VERSION,
  type Roadmap,
  type RoadmapAnnotations,
  type RoadmapCard,
} from '../roadmap.ts';
import type { RecordKind, RecordProblem } from './RecordProblem.ts';
import {
  BOARD_REPAIRS,
  cardRepairs,
  domainRepairs,
  FALLBACK_BOARD_TITLE,
  itemRepairs,
  periodRepairs,
  phaseRepairs,
} from './recordRepairs.ts';
import { type FieldRepairs, type RawRecord, repairRecord } from './repairRecord.ts';

export type TolerantRoadmap = {
  /** Valid by `validateRoadmap`, whatever the input held. */
  readonly roadmap: Roadmap;
  /** The records that were repaired or left out, in board order. */
  readonly problems: readonly RecordProblem[];
};

/*
 * What is done per kind of record, and why:
 * - A field the validator refuses is repaired (see recordRepairs.ts): the rest of the record is
 *   good and people need to see it (a lane with a bad colour is still the lane its cards are in).
 * - A record whose id is invalid, or whose dates are, is left out: nothing sensible can be shown.
 * - A card or item whose domain is unknown goes to the first lane, and a card whose phase is
 *   unknown to the first phase, the way toJSON resolves references; an item whose periods are
 *   unknown is left out (its span cannot be drawn). Without any lane or phase, cards are left out.
 *   Card ids an item names that are not cards of the roadmap are dropped from its `cardIds`.
 * - A check-in that does not validate is left out of its card's history: the history is what the
 *   secretariat reports from, and a doctored entry must not be taken for a real one.
 * - Annotations are opaque to the model: only non-JSON values and bad ids are left out.
 * A second record with an id already seen is left out.
 */

function object(value: unknown): RawRecord | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as RawRecord)
    : null;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function pick(raw: RawRecord, keys: readonly string[]): RawRecord {
  const out: RawRecord = {};
  for (const key of keys) out[key] = raw[key];
  return out;
}

function idOf(raw: RawRecord | null, index: number): string {
  return typeof raw?.id === 'string' ? raw.id.slice(0, 100) : `#${index}`;
}

const unknownReference = (path: string, id: unknown): Localized => ({
  fr: `${path} : « ${String(id)} » ne désigne aucun élément existant.`,
  en: `${path}: "${String(id)}" does not refer to an existing record.`,
});

const notAnObject = (path: string): Localized => ({
  fr: `${path} : un objet est attendu.`,
  en: `${path}: an object is expected.`,
});

const duplicate = (path: string, id: string): Localized => ({
  fr: `${path} : identifiant « ${id} » en double.`,
  en: `${path}: duplicate id "${id}".`,
});

/**
 * A tolerant `validateRoadmap`: every record the model's validators accept is kept as is; a bad
 * one is repaired or left out (rules above) and reported, instead of the whole roadmap being
 * refused. Only a value that is not a roadmap at all (wrong format or version) still throws.
 */
export function repairRoadmap(value: unknown): TolerantRoadmap {
  const root = object(value);
  if (root === null || root.format !== ROADMAP_FORMAT || root.version !== ROADMAP_JSON_VERSION) {
    throw new ModelError(
      'invalid-document',
      {
        fr: `Ce n'est pas une feuille de route lisible (format « ${ROADMAP_FORMAT} », version ${ROADMAP_JSON_VERSION}).`,
        en: `This is not a readable roadmap (format "${ROADMAP_FORMAT}", version ${ROADMAP_JSON_VERSION}).`,
      },
      { path: 'format' },
    );
  }
  const reader = new Reader();
  const board = readBoard(root.board, reader.problems);
  const domains = reader.all(root.domains, (entry, index) => reader.domain(entry, index));
  const phases = reader.all(root.phases, (entry, index) => reader.phase(entry, index));
  const cards = reader.all(root.cards, (entry, index) => reader.card(entry, index));
  const items = reader.all(root.items, (entry, index) => reader.item(entry, index));
  return {
    roadmap: {
      format: ROADMAP_FORMAT,
      version: ROADMAP_JSON_VERSION,
      board,
      domains,
      phases,
      cards,
      items,
      annotations: readAnnotations(root.annotations, reader.problems),
    },
    problems: reader.problems,
  };
}

/** One pass over a roadmap: what was kept so far (for references and duplicates), and problems. */
class Reader {
  readonly problems: RecordProblem[] = [];
  private readonly domainIds: string[] = [];
  private readonly phaseIds: string[] = [];
  private readonly periodPhase = new Map<string, string>();
  private readonly cardIds = new Set<string>();
  private readonly itemIds = new Set<string>();
  private readonly checkinIds = new Set<string>();

  all<T>(value: unknown, read: (entry: unknown, index: number) => T | null): T[] {
    const out: T[] = [];
    list(value).forEach((entry, index) => {
      const record = read(entry, index);
      if (record !== null) out.push(record);
    });
    return out;
  }

  private drop(kind: RecordKind, id: string, field: string | null, message: Localized): null {
    this.problems.push({ kind, id, field, outcome: 'dropped', message });
    return null;
  }

  private repaired(kind: RecordKind, id: string, field: string, message: Localized): void {
    this.problems.push({ kind, id, field, outcome: 'repaired', message });
  }

  private check<T>(
    kind: RecordKind,
    id: string,
    raw: RawRecord,
    path: string,
    validate: (value: unknown, path: string) => T,
    repairs: FieldRepairs,
  ): T | null {
    const result = repairRecord(kind, id, raw, path, validate, repairs);
    this.problems.push(...result.problems);
    return result.value;
  }

  domain(entry: unknown, index: number): DomainRecord | null {
    const path = `domains[${index}]`;
    const raw = object(entry);
    const id = idOf(raw, index);
    if (raw === null) return this.drop('domain', id, null, notAnObject(path));
    const fields = pick(raw, ['id', 'label', 'colour', 'order']);
    const domain = this.check('domain', id, fields, path, validateDomain, domainRepairs(id));
    if (domain === null) return null;
    if (this.domainIds.includes(id)) return this.drop('domain', id, 'id', duplicate(path, id));
    this.domainIds.push(id);
    return domain;
  }

  phase(entry: unknown, index: number): PhaseRecord | null {
    const path = `phases[${index}]`;
    const raw = object(entry);
    const id = idOf(raw, index);
    if (raw === null) return this.drop('phase', id, null, notAnObject(path));
    const fields = { ...pick(raw, ['id', 'label', 'start', 'end']), periods: [] };
    const phase = this.check('phase', id, fields, path, validatePhase, phaseRepairs(id));
    if (phase === null) return null;
    if (this.phaseIds.includes(id)) return this.drop('phase', id, 'id', duplicate(path, id));
    this.phaseIds.push(id);
    const periods = this.all(raw.periods, (period, p) =>
      this.period(period, `${path}.periods[${p}]`, p, id),
    );
    return { ...phase, periods };
  }

  private period(
    entry: unknown,
    path: string,
    index: number,
    phaseId: string,
  ): PeriodRecord | null {
    const raw = object(entry);
    const id = idOf(raw, index);
    if (raw === null) return this.drop('period', id, null, notAnObject(path));
    const fields = pick(raw, ['id', 'label', 'start', 'end']);
    const period = this.check('period', id, fields, path, validatePeriod, periodRepairs(id));
    if (period === null) return null;
    if (this.periodPhase.has(id)) return this.drop('period', id, 'id', duplicate(path, id));
    this.periodPhase.set(id, phaseId);
    return period;
  }

  /** A reference to a lane that is not there: the first lane, as toJSON reads it. */
  private laneOf(kind: RecordKind, id: string, fields: RawRecord, path: string): boolean {
    if (this.domainIds.includes(fields.domainId as string)) return true;
    const message = unknownReference(`${path}.domainId`, fields.domainId);
    const first = this.domainIds[0];
    if (first === undefined) return this.drop(kind, id, 'domainId', message) ?? false;
    this.repaired(kind, id, 'domainId', message);
    fields.domainId = first;
    return true;
  }

  card(entry: unknown, index: number): RoadmapCard | null {
    const path = `cards[${index}]`;
    const raw = object(entry);
    const id = idOf(raw, index);
    if (raw === null) return this.drop('card', id, null, notAnObject(path));
    const fields = pick(raw, CARD_FIELDS);
    if (!this.laneOf('card', id, fields, path)) return null;
    if (!this.phaseIds.includes(fields.phaseId as string)) {
      const message = unknownReference(`${path}.phaseId`, fields.phaseId);
      const first = this.phaseIds[0];
      if (first === undefined) return this.drop('card', id, 'phaseId', message);
      this.repaired('card', id, 'phaseId', message);
      fields.phaseId = first;
    }
    if (Array.isArray(fields.periodIds)) {
      const inPhase = fields.periodIds.filter((p) => this.periodPhase.get(p) === fields.phaseId);
      if (inPhase.length !== fields.periodIds.length) {
        const others = fields.periodIds.filter((p) => !inPhase.includes(p));
        this.repaired('card', id, 'periodIds', unknownReference(`${path}.periodIds`, others));
        fields.periodIds = inPhase;
      }
    }
    const card = this.check('card', id, fields, path, validateCard, cardRepairs(id));
    if (card === null) return null;
    if (this.cardIds.has(id)) return this.drop('card', id, 'id', duplicate(path, id));
    this.cardIds.add(id);
    const checkins = this.all(raw.checkins, (checkin, c) =>
      this.checkin(checkin, `${path}.checkins[${c}]`, c, card),
    ).sort(compareCheckins);
    return { ...card, checkins, latestStatus: latestStatus(checkins) };
  }

  private checkin(
    entry: unknown,
    path: string,
    index: number,
    card: CardRecord,
  ): CheckinRecord | null {
    const id = idOf(object(entry), index);
    const checkin = this.check('checkin', id, object(entry) ?? {}, path, validateCheckin, {});
    if (checkin === null) return null;
    if (checkin.cardId !== card.id) {
      return this.drop('checkin', id, 'cardId', unknownReference(`${path}.cardId`, checkin.cardId));
    }
    if (this.checkinIds.has(id)) return this.drop('checkin', id, 'id', duplicate(path, id));
    this.checkinIds.add(id);
    return checkin;
  }

  item(entry: unknown, index: number): ItemRecord | null {
    const path = `items[${index}]`;
    const raw = object(entry);
    const id = idOf(raw, index);
    if (raw === null) return this.drop('item', id, null, notAnObject(path));
    const fields = pick(withItemDefaults(raw) as RawRecord, ITEM_FIELDS);
    if (Array.isArray(fields.cardIds)) {
      const known = fields.cardIds.filter((c) => this.cardIds.has(c as string));
      if (known.length !== fields.cardIds.length) {
        const others = fields.cardIds.filter((c) => !known.includes(c));
        this.repaired('item', id, 'cardIds', unknownReference(`${path}.cardIds`, others));
        fields.cardIds = known;
      }
    }
    for (const end of ['startPeriodId', 'endPeriodId']) {
      if (!this.periodPhase.has(fields[end] as string)) {
        return this.drop('item', id, end, unknownReference(`${path}.${end}`, fields[end]));
      }
    }
    if (!this.laneOf('item', id, fields, path)) return null;
    const item = this.check('item', id, fields, path, validateItem, itemRepairs(id));
    if (item === null) return null;
    if (this.itemIds.has(id)) return this.drop('item', id, 'id', duplicate(path, id));
    this.itemIds.add(id);
    return item;
  }
}

function readBoard(value: unknown, problems: RecordProblem[]): BoardRecord {
  const raw = object(value);
  const fallback: BoardRecord = {
    id: 'board',
    title: FALLBACK_BOARD_TITLE,
    settings: DEFAULT_BOARD_SETTINGS,
  };
  if (raw === null) {
    problems.push({
      kind: 'board',
      id: 'board',
      field: null,
      outcome: 'repaired',
      message: notAnObject('board'),
    });
    return fallback;
  }
  const id = idOf(raw, 0);
  const result = repairRecord(
    'board',
    id,
    pick(raw, ['id', 'title', 'settings']),
    'board',
    validateBoard,
    BOARD_REPAIRS,
  );
  problems.push(...result.problems);
  return result.value ?? fallback;
}

function readAnnotations(value: unknown, problems: RecordProblem[]): RoadmapAnnotations {
  const raw = object(value) ?? {};
  let schema: JsonValue = null;
  try {
    schema = expectJson(raw.schema ?? null, 'annotations.schema');
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    problems.push({
      kind: 'annotation',
      id: 'schema',
      field: null,
      outcome: 'dropped',
      message: error.messages,
    });
  }
  const records: Record<string, JsonValue> = {};
  for (const [id, record] of Object.entries(object(raw.records) ?? {})) {
    const path = `annotations.records.${id.slice(0, 100)}`;
    if (id.length === 0 || id.length > 200) {
      problems.push({
        kind: 'annotation',
        id: id.slice(0, 100),
        field: 'id',
        outcome: 'dropped',
        message: { fr: `${path} : identifiant invalide.`, en: `${path}: invalid record id.` },
      });
      continue;
    }
    try {
      records[id] = expectJson(record, path);
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      problems.push({
        kind: 'annotation',
        id,
        field: null,
        outcome: 'dropped',
        message: error.messages,
      });
    }
  }
  return { schema, records };
}
