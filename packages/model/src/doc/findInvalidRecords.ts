import type * as Y from 'yjs';
import { isModelError } from '../ModelError.ts';
import { validateBoard } from '../records/board.ts';
import { type CardRecord, validateCard } from '../records/card.ts';
import { validateCheckin } from '../records/checkin.ts';
import { validateDomain } from '../records/domain.ts';
import { expectJson } from '../records/expect.ts';
import { validateItem } from '../records/item.ts';
import type { Localized } from '../records/localized.ts';
import { validatePeriod, validatePhase } from '../records/phase.ts';
import type { RecordKind } from '../repair/RecordProblem.ts';
import {
  BOARD_REPAIRS,
  cardRepairs,
  domainRepairs,
  itemRepairs,
  periodRepairs,
  phaseRepairs,
} from '../repair/recordRepairs.ts';
import { type FieldRepairs, type RawRecord, repairRecord } from '../repair/repairRecord.ts';
import { type DocRoots, docRoots, isRecordMap, META, SCHEMA_VERSION } from './layout.ts';
import { resolveDomains } from './toJSON.ts';

/** A record of a doc: `board` is the `meta` map (its id is ignored). */
export type RecordRef = { readonly kind: RecordKind; readonly id: string };

/** One field of a stored record that the model refuses, and how to make it valid. */
export type StoredFix = {
  /** Field name as the validator names it (`colour`, `title`, `cell`…); null: the record. */
  readonly field: string | null;
  readonly message: Localized;
  /** The keys the field is stored under in the record's map (`title.fr`, `title.en`…). */
  readonly keys: readonly string[];
  /**
   * Valid values for those keys, the ones the tolerant reader shows (`undefined`: delete the
   * key); null when the record cannot be kept at all (bad id, dates, a check-in, annotation).
   */
  readonly repaired: Readonly<Record<string, unknown>> | null;
};

export type InvalidRecord = RecordRef & { readonly fixes: readonly StoredFix[] };

/** Where each kind of record lives in the doc. */
export const RECORD_ROOTS: Readonly<Record<Exclude<RecordKind, 'board'>, keyof DocRoots>> = {
  domain: 'domains',
  phase: 'phases',
  period: 'periods',
  card: 'cards',
  item: 'items',
  checkin: 'checkinLog',
  annotation: 'annotations',
};

/**
 * The records among `refs` that the model's validators refuse as stored, each with the fixes
 * that make it valid. Meant for the records one transaction touched: the work is a few
 * validations per record, whatever the size of the board. A missing record is not invalid
 * (deleting is allowed: undoing a creation does it). References must name a record that exists;
 * which of them are live is the readers' business (concurrent removals are legitimate).
 */
export function findInvalidRecords(doc: Y.Doc, refs: Iterable<RecordRef>): InvalidRecord[] {
  const roots = docRoots(doc);
  const out: InvalidRecord[] = [];
  for (const ref of refs) {
    const fixes = checkRecord(roots, ref);
    if (fixes.length > 0) out.push({ ...ref, fixes });
  }
  return out;
}

function checkRecord(roots: DocRoots, ref: RecordRef): StoredFix[] {
  if (ref.kind === 'board') return checkMeta(roots);
  const value = roots[RECORD_ROOTS[ref.kind]].get(ref.id);
  if (value === undefined) return [];
  if (ref.kind === 'checkin') return checkCheckin(roots, ref.id, value);
  if (ref.kind === 'annotation') return checkAnnotation(ref.id, value);
  if (!isRecordMap(value)) {
    return [
      whole(ref.kind, {
        fr: 'un enregistrement Y.Map est attendu.',
        en: 'a Y.Map record is expected.',
      }),
    ];
  }
  switch (ref.kind) {
    case 'domain':
      return checkDomain(roots, ref.id, value);
    case 'phase':
      return checkFields(value, STORED.phase, ref, validatePhase, phaseRepairs(ref.id), {
        periods: [],
      });
    case 'period':
      return checkPeriod(roots, ref.id, value);
    case 'card':
      return checkCard(roots, ref.id, value);
    case 'item':
      return checkItem(roots, ref.id, value);
  }
}

function whole(kind: RecordKind, message: Localized, field: string | null = null): StoredFix {
  return {
    field,
    message: { fr: `${kind} : ${message.fr}`, en: `${kind}: ${message.en}` },
    keys: [],
    repaired: null,
  };
}

/** A record's fields as stored: plain keys, or one key per language for texts. */
type StoredLayout = {
  readonly plain: readonly string[];
  readonly texts: readonly string[];
  /** Other keys a stored record may hold (checked separately). */
  readonly extra: readonly string[];
};

const STORED = {
  domain: { plain: ['colour', 'order'], texts: ['label'], extra: ['removed', 'removedInto'] },
  phase: { plain: ['start', 'end'], texts: ['label'], extra: [] },
  period: { plain: ['start', 'end'], texts: ['label'], extra: ['phaseId'] },
  card: {
    plain: ['role', 'state', 'periodIds', 'leadJurisdiction', 'members', 'formedFrom', 'archived'],
    texts: ['title', 'mandate', 'deliverables'],
    extra: ['cell'],
  },
  item: {
    plain: ['role', 'kind', 'domainId', 'startPeriodId', 'endPeriodId', 'order', 'cardIds'],
    texts: ['label'],
    extra: [],
  },
} as const satisfies Record<string, StoredLayout>;

function keysOf(layout: StoredLayout, field: string): string[] {
  if (layout.texts.includes(field)) return [`${field}.fr`, `${field}.en`];
  if (field === '') return [...layout.plain];
  return [field];
}

function rawOf(map: Y.Map<unknown>, layout: StoredLayout): RawRecord {
  const raw: RawRecord = {};
  for (const key of layout.plain) raw[key] = map.get(key);
  for (const text of layout.texts)
    raw[text] = { fr: map.get(`${text}.fr`), en: map.get(`${text}.en`) };
  return raw;
}

/** Keys no layout knows: a reader ignores them, but they are not the model's, so they go. */
function unknownKeys(map: Y.Map<unknown>, layout: StoredLayout): StoredFix[] {
  const known = new Set([
    ...layout.plain,
    ...layout.extra,
    ...layout.texts.flatMap((t) => [`${t}.fr`, `${t}.en`]),
  ]);
  const fixes: StoredFix[] = [];
  for (const key of map.keys()) {
    if (!known.has(key)) fixes.push(unknownField(key));
  }
  return fixes;
}

/**
 * Runs the record's validator (repairRecord) over its stored fields and turns each field it had
 * to repair into a fix of the stored keys. `fieldKeys` maps a validator field onto stored keys
 * when the layout alone does not say (a card's cell).
 */
function checkFields<T>(
  map: Y.Map<unknown>,
  layout: StoredLayout,
  ref: RecordRef,
  validate: (value: unknown, path: string) => T,
  repairs: FieldRepairs,
  extra: RawRecord = {},
  toStored: (
    field: string,
    value: T,
  ) => { keys: string[]; values: Record<string, unknown> } | null = () => null,
): StoredFix[] {
  const raw = { id: ref.id, ...rawOf(map, layout), ...extra };
  const result = repairRecord(ref.kind, ref.id, raw, ref.kind, validate, repairs);
  const fixes: StoredFix[] = [];
  for (const problem of result.problems) {
    const field = problem.field ?? '';
    if (result.value === null && problem.outcome === 'dropped') {
      fixes.push({ field: problem.field, message: problem.message, keys: [], repaired: null });
      continue;
    }
    if (result.value === null) continue;
    const mapped = toStored(field, result.value);
    const keys = mapped?.keys ?? keysOf(layout, field);
    const value = result.value as Record<string, unknown>;
    const values: Record<string, unknown> = mapped?.values ?? {};
    if (mapped === null) {
      for (const key of keys) {
        const [name, lang] = key.split('.') as [string, string | undefined];
        values[key] =
          lang === undefined ? value[name] : (value[name] as Record<string, unknown>)[lang];
      }
    }
    fixes.push({ field: problem.field, message: problem.message, keys, repaired: values });
  }
  if (result.value === null) return fixes.filter((fix) => fix.repaired === null);
  return [...fixes, ...unknownKeys(map, layout)];
}

function reference(field: string, id: unknown): Localized {
  return {
    fr: `${field} : « ${String(id).slice(0, 80)} » ne désigne aucun élément existant.`,
    en: `${field}: "${String(id).slice(0, 80)}" does not refer to an existing record.`,
  };
}

function checkDomain(roots: DocRoots, id: string, map: Y.Map<unknown>): StoredFix[] {
  const fixes = checkFields(
    map,
    STORED.domain,
    { kind: 'domain', id },
    validateDomain,
    domainRepairs(id),
  );
  if (fixes.some((fix) => fix.repaired === null)) return fixes;
  const removed = map.get('removed');
  if (removed !== undefined && typeof removed !== 'boolean') {
    fixes.push({
      field: 'removed',
      message: { fr: 'removed : un booléen est attendu.', en: 'removed: a boolean is expected.' },
      keys: ['removed'],
      repaired: { removed: false },
    });
  }
  const into = map.get('removedInto');
  if (
    into !== undefined &&
    into !== null &&
    !(typeof into === 'string' && isRecordMap(roots.domains.get(into)))
  ) {
    fixes.push({
      field: 'removedInto',
      message: reference('removedInto', into),
      keys: ['removedInto'],
      repaired: { removedInto: null },
    });
  }
  return fixes;
}

function checkPeriod(roots: DocRoots, id: string, map: Y.Map<unknown>): StoredFix[] {
  const fixes = checkFields(
    map,
    STORED.period,
    { kind: 'period', id },
    validatePeriod,
    periodRepairs(id),
  );
  if (fixes.some((fix) => fix.repaired === null)) return fixes;
  const phaseId = map.get('phaseId');
  if (typeof phaseId !== 'string' || !isRecordMap(roots.phases.get(phaseId))) {
    // A period without its phase cannot be placed in any column.
    return [
      {
        field: 'phaseId',
        message: reference('phaseId', phaseId),
        keys: ['phaseId'],
        repaired: null,
      },
    ];
  }
  return fixes;
}

function checkCard(roots: DocRoots, id: string, map: Y.Map<unknown>): StoredFix[] {
  const stored = map.get('cell');
  const cell: RawRecord =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? (stored as RawRecord)
      : {};
  // Problems of the cell the validator cannot see: references, and the shape of the value.
  const cellProblems: Localized[] = [];
  let { domainId, phaseId } = cell;
  if (typeof domainId !== 'string' || !isRecordMap(roots.domains.get(domainId))) {
    const live = resolveDomains(roots).live[0]?.id;
    if (live === undefined) return [whole('card', reference('domainId', domainId), 'cell')];
    cellProblems.push(reference('domainId', domainId));
    domainId = live;
  }
  if (typeof phaseId !== 'string' || !isRecordMap(roots.phases.get(phaseId))) {
    const first = firstPhaseId(roots);
    if (first === undefined) return [whole('card', reference('phaseId', phaseId), 'cell')];
    cellProblems.push(reference('phaseId', phaseId));
    phaseId = first;
  }
  if (Object.keys(cell).sort().join() !== 'domainId,order,phaseId') {
    cellProblems.push({
      fr: 'cell : { domainId, phaseId, order } attendu.',
      en: 'cell: { domainId, phaseId, order } expected.',
    });
  }
  const extra: RawRecord = { domainId, phaseId, order: cell.order };
  const fixes: StoredFix[] = [];
  const periodIds = map.get('periodIds');
  const exists = (p: unknown) => typeof p === 'string' && isRecordMap(roots.periods.get(p));
  if (Array.isArray(periodIds) && !periodIds.every(exists)) {
    const known = periodIds.filter(exists);
    const unknown = periodIds.filter((p) => !exists(p)).join(', ');
    fixes.push({
      field: 'periodIds',
      message: reference('periodIds', unknown),
      keys: ['periodIds'],
      repaired: { periodIds: known },
    });
    extra.periodIds = known;
  }
  const fields = checkFields(
    map,
    STORED.card,
    { kind: 'card', id },
    validateCard,
    cardRepairs(id),
    extra,
    (field, card) =>
      field === 'domainId' || field === 'phaseId' || field === 'order' ? cellOf(card) : null,
  );
  if (fields.some((fix) => fix.repaired === null)) return fields;
  // The validator's repair of the cell (if any) already holds the resolved references.
  const repairedCell = fields.find((fix) => fix.keys.includes('cell'))?.repaired ?? {
    cell: { domainId, phaseId, order: cell.order },
  };
  for (const message of cellProblems) {
    fixes.push({ field: 'cell', message, keys: ['cell'], repaired: repairedCell });
  }
  return [...fixes, ...fields];
}

function cellOf(card: CardRecord) {
  return {
    keys: ['cell'],
    values: { cell: { domainId: card.domainId, phaseId: card.phaseId, order: card.order } },
  };
}

function firstPhaseId(roots: DocRoots): string | undefined {
  let first: { id: string; start: string } | undefined;
  for (const [id, map] of roots.phases.entries()) {
    if (!isRecordMap(map)) continue;
    const start = typeof map.get('start') === 'string' ? (map.get('start') as string) : '';
    if (first === undefined || start < first.start || (start === first.start && id < first.id))
      first = { id, start };
  }
  return first?.id;
}

function checkItem(roots: DocRoots, id: string, map: Y.Map<unknown>): StoredFix[] {
  for (const end of ['startPeriodId', 'endPeriodId']) {
    const periodId = map.get(end);
    if (typeof periodId !== 'string' || !isRecordMap(roots.periods.get(periodId))) {
      return [{ field: end, message: reference(end, periodId), keys: [end], repaired: null }];
    }
  }
  const fixes: StoredFix[] = [];
  const domainId = map.get('domainId');
  const extra: RawRecord = {};
  if (typeof domainId !== 'string' || !isRecordMap(roots.domains.get(domainId))) {
    const live = resolveDomains(roots).live[0]?.id;
    if (live === undefined) return [whole('item', reference('domainId', domainId), 'domainId')];
    fixes.push({
      field: 'domainId',
      message: reference('domainId', domainId),
      keys: ['domainId'],
      repaired: { domainId: live },
    });
    extra.domainId = live;
  }
  const cardIds = map.get('cardIds');
  const isCard = (c: unknown) => typeof c === 'string' && isRecordMap(roots.cards.get(c));
  if (Array.isArray(cardIds) && !cardIds.every(isCard)) {
    const known = cardIds.filter(isCard);
    fixes.push({
      field: 'cardIds',
      message: reference('cardIds', cardIds.filter((c) => !isCard(c)).join(', ')),
      keys: ['cardIds'],
      repaired: { cardIds: known },
    });
    extra.cardIds = known;
  }
  return [
    ...fixes,
    ...checkFields(map, STORED.item, { kind: 'item', id }, validateItem, itemRepairs(id), extra),
  ];
}

function checkCheckin(roots: DocRoots, id: string, value: unknown): StoredFix[] {
  try {
    const checkin = validateCheckin(value, `checkin`);
    if (checkin.id !== id)
      return [
        whole(
          'checkin',
          {
            fr: `« ${checkin.id.slice(0, 80)} » ne correspond pas à la clé.`,
            en: `"${checkin.id.slice(0, 80)}" does not match its key.`,
          },
          'id',
        ),
      ];
    if (!isRecordMap(roots.cards.get(checkin.cardId)))
      return [whole('checkin', reference('cardId', checkin.cardId), 'cardId')];
    return [];
  } catch (error) {
    if (!isModelError(error)) throw error;
    return [{ field: null, message: error.messages, keys: [], repaired: null }];
  }
}

function checkAnnotation(id: string, value: unknown): StoredFix[] {
  if (id.length === 0 || id.length > 200) {
    return [whole('annotation', { fr: 'identifiant invalide.', en: 'invalid record id.' }, 'id')];
  }
  try {
    expectJson(value, 'annotation');
    return [];
  } catch (error) {
    if (!isModelError(error)) throw error;
    return [{ field: null, message: error.messages, keys: [], repaired: null }];
  }
}

const META_KEYS: readonly string[] = Object.values(META).flatMap((key) =>
  key === META.title ? [`${key}.fr`, `${key}.en`] : [key],
);

/** The board's own record: its title and settings, the schema version and the canvas schema. */
function checkMeta(roots: DocRoots): StoredFix[] {
  const { meta } = roots;
  // A doc nobody initialized yet (the server migrates it on load) has nothing to check.
  if (meta.size === 0) return [];
  const fixes: StoredFix[] = [];
  if (meta.get(META.schemaVersion) !== SCHEMA_VERSION) {
    fixes.push({
      field: 'schemaVersion',
      message: {
        fr: `schemaVersion : ${SCHEMA_VERSION} attendu.`,
        en: `schemaVersion: ${SCHEMA_VERSION} expected.`,
      },
      keys: [META.schemaVersion],
      repaired: { [META.schemaVersion]: SCHEMA_VERSION },
    });
  }
  const raw = {
    id: meta.get(META.boardId),
    title: { fr: meta.get(`${META.title}.fr`), en: meta.get(`${META.title}.en`) },
    settings: {
      staleAfterDays: meta.get(META.staleAfterDays),
      defaultLocale: meta.get(META.defaultLocale),
    },
  };
  const result = repairRecord('board', 'board', raw, 'board', validateBoard, BOARD_REPAIRS);
  const board = result.value;
  for (const problem of result.problems) {
    if (board === null) break;
    const keys =
      problem.field === 'id'
        ? [META.boardId]
        : problem.field === 'title'
          ? [`${META.title}.fr`, `${META.title}.en`]
          : [META.staleAfterDays, META.defaultLocale];
    const values: Record<string, unknown> =
      problem.field === 'id'
        ? { [META.boardId]: board.id }
        : problem.field === 'title'
          ? { [`${META.title}.fr`]: board.title.fr, [`${META.title}.en`]: board.title.en }
          : {
              [META.staleAfterDays]: board.settings.staleAfterDays,
              [META.defaultLocale]: board.settings.defaultLocale,
            };
    fixes.push({ field: problem.field, message: problem.message, keys, repaired: values });
  }
  try {
    expectJson(meta.get(META.annotationsSchema) ?? null, META.annotationsSchema);
  } catch (error) {
    if (!isModelError(error)) throw error;
    fixes.push({
      field: META.annotationsSchema,
      message: error.messages,
      keys: [META.annotationsSchema],
      repaired: { [META.annotationsSchema]: null },
    });
  }
  for (const key of meta.keys()) {
    if (!META_KEYS.includes(key)) fixes.push(unknownField(key));
  }
  return fixes;
}

/** A field the model does not know: removed (a client may not grow records with its own data). */
function unknownField(key: string): StoredFix {
  return {
    field: key,
    message: {
      fr: `${key.slice(0, 80)} : champ inconnu.`,
      en: `${key.slice(0, 80)}: unknown field.`,
    },
    keys: [key],
    repaired: { [key]: undefined },
  };
}
