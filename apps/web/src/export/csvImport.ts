import {
  CARD_STATE_LABELS,
  CARD_STATES,
  type CardState,
  type CreateCardInput,
  createCard,
  isModelError,
  type Localized,
  moveCard,
  type PhaseRecord,
  ROLE_LABELS,
  ROLES,
  type Roadmap,
  type Role,
  type UpdateCardInput,
  updateCard,
} from '@fdr/model';
import * as Y from 'yjs';
import { format } from '../i18n/format.ts';
import { strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { fold } from '../table/tableRows.ts';
import { CSV_COLUMNS, type CsvColumn, headerOf } from './cardsCsv.ts';
import { CsvError, parseCsv, unguardCell } from './csv.ts';

/*
 * Importing cards from CSV: read the file, match its columns, turn each row into model commands
 * and try them all on a copy of the board, so every problem is found (per row, in both
 * languages) before anything is written. Applying runs the same commands on the live doc in one
 * transaction, after trying them once more on a fresh copy (others may have edited meanwhile).
 */

export const MAX_IMPORT_BYTES = 2_000_000;
export const MAX_IMPORT_ROWS = 2_000;

type Command = (doc: Y.Doc, origin: unknown) => void;

export type ImportRow =
  | { line: number; kind: 'create'; title: string; command: Command }
  | {
      line: number;
      kind: 'update';
      cardId: string;
      title: string;
      /** Keys of the columns that change the card (`cell` for a move). */
      fields: string[];
      command: Command;
    }
  | { line: number; kind: 'unchanged'; cardId: string; title: string }
  | { line: number; kind: 'error'; title: string; errors: Localized[] };

export interface ImportPlan {
  rows: ImportRow[];
  /** Problems with the whole file; when any, `rows` is empty. */
  fileErrors: Localized[];
  /** Headers that match no column (ignored), and export-only columns (ignored too). */
  ignored: string[];
}

/** A message in both languages from a table string and its values. */
function both(key: StringKey, values: Record<string, string | number> = {}) {
  return { fr: format(tableStrings.fr[key], values), en: format(tableStrings.en[key], values) };
}

const norm = (text: string) => fold(text).replace(/\s+/g, ' ').trim();

function columnOfHeader(header: string): CsvColumn | null {
  const wanted = norm(header);
  return (
    CSV_COLUMNS.find(
      (c) =>
        norm(c.key) === wanted ||
        norm(c.label.fr) === wanted ||
        norm(c.label.en) === wanted ||
        norm(headerOf(c)) === wanted,
    ) ?? null
  );
}

/** A record whose id or label (either language) is `value`; folded, so accents and case do not matter. */
function byLabel<T extends { id: string; label: Localized }>(list: readonly T[], value: string) {
  const wanted = norm(value);
  return (
    list.find(
      (r) => norm(r.id) === wanted || norm(r.label.fr) === wanted || norm(r.label.en) === wanted,
    ) ?? null
  );
}

const ROLE_OPTIONS = ROLES.map((role) => ({ id: role, label: ROLE_LABELS[role] }));
const STATE_OPTIONS = CARD_STATES.map((state) => ({ id: state, label: CARD_STATE_LABELS[state] }));
// The short labels the board shows are accepted too.
const STATE_SHORT: { id: CardState; label: Localized }[] = [
  {
    id: 'existing-modified',
    label: { fr: strings.fr.stateExisting, en: strings.en.stateExisting },
  },
  { id: 'new', label: { fr: strings.fr.stateNew, en: strings.en.stateNew } },
  {
    id: 'external-identity',
    label: { fr: strings.fr.stateExternal, en: strings.en.stateExternal },
  },
];

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

interface RowReader {
  has(key: string): boolean;
  get(key: string): string;
}

/**
 * Resolves a value given in a French and/or an English column (or a code column): both must
 * name the same thing. Returns undefined when no column is present or every cell is empty.
 */
function resolvePair<T>(
  row: RowReader,
  keys: readonly string[],
  resolve: (value: string) => T | null,
  errors: Localized[],
  field: Localized,
): T | undefined | null {
  let found: T | undefined;
  for (const key of keys) {
    if (!row.has(key)) continue;
    const value = row.get(key);
    if (value === '') continue;
    const resolved = resolve(value);
    if (resolved === null) {
      errors.push(about('importUnknownValue', field, { value }));
      return null;
    }
    if (found !== undefined && found !== resolved) {
      errors.push(about('importDisagree', field));
      return null;
    }
    found = resolved;
  }
  return found;
}

type StringKey = keyof (typeof tableStrings)['fr'];

function fieldName(key: StringKey): Localized {
  return { fr: tableStrings.fr[key], en: tableStrings.en[key] };
}

/** A message about a field, the field named in each message's own language. */
function about(key: StringKey, field: Localized, values: Record<string, string | number> = {}) {
  return {
    fr: format(tableStrings.fr[key], { ...values, field: field.fr }),
    en: format(tableStrings.en[key], { ...values, field: field.en }),
  };
}

function resolvePeriods(phase: PhaseRecord, value: string): string[] | null {
  const ids: string[] = [];
  for (const part of value
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const period = byLabel(phase.periods, part);
    if (!period) return null;
    if (!ids.includes(period.id)) ids.push(period.id);
  }
  // In the phase's order, as the canvas and the panel write them.
  return phase.periods.map((p) => p.id).filter((id) => ids.includes(id));
}

function pairedLines(fr: string, en: string): Localized[] {
  const a = fr.split(/\r?\n/).map((l) => l.trim());
  const b = en.split(/\r?\n/).map((l) => l.trim());
  const result: Localized[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const group = { fr: a[i] ?? '', en: b[i] ?? '' };
    if (group.fr !== '' || group.en !== '') result.push(group);
  }
  return result;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Reads one data row into a command, or into its errors. */
function planRow(roadmap: Roadmap, row: RowReader, line: number, seen: Set<string>): ImportRow {
  const errors: Localized[] = [];
  const id = row.has('id') ? row.get('id') : '';
  const existing = id === '' ? undefined : roadmap.cards.find((c) => c.id === id);
  const titleFr = row.has('title_fr') ? row.get('title_fr') : (existing?.title.fr ?? '');
  const titleEn = row.has('title_en') ? row.get('title_en') : (existing?.title.en ?? '');
  const shown = titleFr || titleEn || id;

  if (id !== '') {
    if (seen.has(id)) errors.push(both('importDuplicateId', { id }));
    seen.add(id);
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(id)) errors.push(both('importBadId', { id }));
  }
  if (existing?.archived) errors.push(both('importArchived'));
  if (titleFr === '' && titleEn === '') errors.push(both('importNoTitle'));

  const domain = resolvePair(
    row,
    ['domain_fr', 'domain_en'],
    (v) => byLabel(roadmap.domains, v)?.id ?? null,
    errors,
    fieldName('colDomain'),
  );
  const phaseId = resolvePair(
    row,
    ['phase_fr', 'phase_en'],
    (v) => byLabel(roadmap.phases, v)?.id ?? null,
    errors,
    fieldName('colPhase'),
  );
  const role = resolvePair<Role>(
    row,
    ['role', 'role_fr', 'role_en'],
    (v) =>
      // "Br" (broker) is how some slides write the intermediary.
      norm(v) === 'br' ? 'Int' : (byLabel(ROLE_OPTIONS, v)?.id ?? null),
    errors,
    fieldName('colRole'),
  );
  const state = resolvePair<CardState>(
    row,
    ['state_fr', 'state_en'],
    (v) => byLabel(STATE_OPTIONS, v)?.id ?? byLabel(STATE_SHORT, v)?.id ?? null,
    errors,
    fieldName('colState'),
  );
  const domainId = domain ?? existing?.domainId;
  const finalPhaseId = phaseId ?? existing?.phaseId;
  if (!existing) {
    if (domain === undefined) errors.push(about('importMissing', fieldName('colDomain')));
    if (phaseId === undefined) errors.push(about('importMissing', fieldName('colPhase')));
    if (role === undefined) errors.push(about('importMissing', fieldName('colRole')));
  }
  const phase = roadmap.phases.find((p) => p.id === finalPhaseId);
  let periodIds: string[] | undefined;
  const periodsText = ['periods_fr', 'periods_en'].filter((k) => row.has(k)).map((k) => row.get(k));
  if (phase && periodsText.length > 0) {
    const resolved = periodsText.map((value) => resolvePeriods(phase, value));
    if (resolved.some((r) => r === null)) {
      errors.push(
        both('importBadPeriods', {
          value: periodsText.find((_, i) => resolved[i] === null) ?? '',
        }),
      );
    } else {
      const given = resolved.filter((r): r is string[] => r !== null && r.length > 0);
      if (given.length === 2 && !sameList(given[0]!, given[1]!)) {
        errors.push(about('importDisagree', fieldName('colPeriods')));
      }
      periodIds = given[0] ?? [];
    }
  }
  if (errors.length > 0 || null === domain || null === phaseId || null === role || null === state) {
    return { line, kind: 'error', title: shown, errors };
  }

  const text = (key: string, current: Localized | undefined): Localized => ({
    fr: row.has(`${key}_fr`) ? row.get(`${key}_fr`) : (current?.fr ?? ''),
    en: row.has(`${key}_en`) ? row.get(`${key}_en`) : (current?.en ?? ''),
  });
  const lead = row.has('lead') ? row.get('lead') || null : (existing?.leadJurisdiction ?? null);
  const members = row.has('members') ? lines(row.get('members')) : [...(existing?.members ?? [])];
  const formedFrom =
    row.has('formed_from_fr') || row.has('formed_from_en')
      ? pairedLines(
          row.has('formed_from_fr')
            ? row.get('formed_from_fr')
            : (existing?.formedFrom ?? []).map((g) => g.fr).join('\n'),
          row.has('formed_from_en')
            ? row.get('formed_from_en')
            : (existing?.formedFrom ?? []).map((g) => g.en).join('\n'),
        )
      : [...(existing?.formedFrom ?? [])];
  const mandate = text('mandate', existing?.mandate);
  const deliverables = text('deliverables', existing?.deliverables);
  const title = { fr: titleFr, en: titleEn };

  if (!existing) {
    const input: CreateCardInput = {
      ...(id === '' ? {} : { id }),
      title,
      role: role!,
      state: state ?? 'new',
      domainId: domainId!,
      phaseId: finalPhaseId!,
      periodIds: periodIds ?? [],
      mandate,
      deliverables,
      leadJurisdiction: lead,
      members,
      formedFrom,
    };
    return {
      line,
      kind: 'create',
      title: shown,
      command: (doc, origin) => {
        createCard(doc, input, origin);
      },
    };
  }

  const patch: { -readonly [K in keyof UpdateCardInput]?: UpdateCardInput[K] } = {};
  const fields: string[] = [];
  const changedText = (key: 'title' | 'mandate' | 'deliverables', next: Localized) => {
    const current = existing[key];
    if (next.fr !== current.fr || next.en !== current.en) {
      patch[key] = next;
      fields.push(key);
    }
  };
  changedText('title', title);
  changedText('mandate', mandate);
  changedText('deliverables', deliverables);
  if (role !== undefined && role !== existing.role) {
    patch.role = role;
    fields.push('role');
  }
  if (state !== undefined && state !== existing.state) {
    patch.state = state;
    fields.push('state');
  }
  if (lead !== existing.leadJurisdiction) {
    patch.leadJurisdiction = lead;
    fields.push('lead');
  }
  if (!sameList(members, existing.members)) {
    patch.members = members;
    fields.push('members');
  }
  if (!sameList(formedFrom, existing.formedFrom)) {
    patch.formedFrom = formedFrom;
    fields.push('formedFrom');
  }
  const moved = domainId !== existing.domainId || finalPhaseId !== existing.phaseId;
  if (moved) fields.push('cell');
  // A move drops periods of the old phase; periods given in the file are set after it.
  const wantedPeriods =
    periodIds ??
    (moved
      ? existing.periodIds.filter((p) => phase?.periods.some((x) => x.id === p))
      : existing.periodIds);
  if (!sameList(wantedPeriods, existing.periodIds)) {
    patch.periodIds = wantedPeriods;
    fields.push('periods');
  }
  if (fields.length === 0) return { line, kind: 'unchanged', cardId: existing.id, title: shown };
  const cardId = existing.id;
  return {
    line,
    kind: 'update',
    cardId,
    title: shown,
    fields,
    command: (doc, origin) => {
      if (moved) moveCard(doc, { id: cardId, domainId: domainId!, phaseId: finalPhaseId! }, origin);
      if (Object.keys(patch).length > 0) updateCard(doc, { id: cardId, ...patch }, origin);
    },
  };
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Runs the commands on a copy; rows the model refuses become error rows with its message. */
function tryOnCopy(doc: Y.Doc, rows: ImportRow[]): ImportRow[] {
  const copy = copyOf(doc);
  try {
    return rows.map((row) => {
      if (row.kind !== 'create' && row.kind !== 'update') return row;
      try {
        row.command(copy, 'import-preview');
        return row;
      } catch (error) {
        if (!isModelError(error)) throw error;
        return { line: row.line, kind: 'error', title: row.title, errors: [error.messages] };
      }
    });
  } finally {
    copy.destroy();
  }
}

/** Reads a CSV file against the board in `doc` (whose roadmap is `roadmap`) and tries every row. */
export function planCsvImport(doc: Y.Doc, roadmap: Roadmap, text: string): ImportPlan {
  const empty = (error: Localized): ImportPlan => ({ rows: [], fileErrors: [error], ignored: [] });
  if (text.length > MAX_IMPORT_BYTES) return empty(both('importTooBig'));
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) return empty(both('importUnclosedQuote', { line: error.line }));
    throw error;
  }
  const [header, ...data] = table;
  if (!header || data.length === 0) return empty(both('importEmpty'));
  if (data.length > MAX_IMPORT_ROWS)
    return empty(both('importTooManyRows', { max: MAX_IMPORT_ROWS }));
  const columns = header.map((cell) => columnOfHeader(cell.trim()));
  const ignored = header.filter((_, i) => {
    const column = columns[i];
    return !column || column.exportOnly;
  });
  const keys = new Map<string, number>();
  columns.forEach((column, index) => {
    if (column && !column.exportOnly && !keys.has(column.key)) keys.set(column.key, index);
  });
  if (!keys.has('title_fr') && !keys.has('title_en')) {
    return { rows: [], fileErrors: [both('importNoTitleColumn')], ignored };
  }
  const seen = new Set<string>();
  const rows = data.map((cells, index) => {
    const reader: RowReader = {
      has: (key) => keys.has(key),
      get: (key) => unguardCell((cells[keys.get(key) ?? -1] ?? '').trim()),
    };
    // Spreadsheet numbering: the header is row 1.
    return planRow(roadmap, reader, index + 2, seen);
  });
  return { rows: tryOnCopy(doc, rows), fileErrors: [], ignored };
}

/** Rows that will write something. */
export function rowsToWrite(plan: ImportPlan): ImportRow[] {
  return plan.rows.filter((row) => row.kind === 'create' || row.kind === 'update');
}

/**
 * Writes the plan's valid rows in one transaction (one undo step, one update for peers). Tries
 * them on a fresh copy first: when the board changed since the preview and a row no longer
 * applies, nothing is written and the refreshed plan is returned instead.
 */
export function applyCsvImport(
  doc: Y.Doc,
  plan: ImportPlan,
  origin: unknown,
): { written: number } | { stale: ImportRow[] } {
  const rows = rowsToWrite(plan);
  const checked = tryOnCopy(doc, rows);
  if (checked.some((row) => row.kind === 'error')) return { stale: checked };
  doc.transact(() => {
    for (const row of rows)
      if (row.kind === 'create' || row.kind === 'update') row.command(doc, origin);
  }, origin);
  return { written: rows.length };
}
