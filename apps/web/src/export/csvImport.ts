import { isModelError, type Localized, type Roadmap } from '@fdr/model';
import * as Y from 'yjs';
import { CSV_COLUMNS, type CsvColumn, headerOf } from './cardsCsv.ts';
import { CsvError, parseCsv, unguardCell } from './csv.ts';
import { both } from './importMessages.ts';
import { type ImportRow, norm, planRow, type RowReader } from './planRow.ts';

export type { ImportRow };

/*
 * Importing cards from CSV: read the file, match its columns, turn each row into model commands
 * and try them all on a copy of the board, so every problem is found (per row, in both
 * languages) before anything is written. Applying runs the same commands on the live doc in one
 * transaction, after trying them once more on a fresh copy (others may have edited meanwhile).
 */

export const MAX_IMPORT_BYTES = 2_000_000;
export const MAX_IMPORT_ROWS = 2_000;

export interface ImportPlan {
  rows: ImportRow[];
  /** Problems with the whole file; when any, `rows` is empty. */
  fileErrors: Localized[];
  /** Headers that match no column (ignored), and export-only columns (ignored too). */
  ignored: string[];
}

function columnOfHeader(
  columns: readonly CsvColumn<never>[],
  header: string,
): CsvColumn<never> | null {
  const wanted = norm(header);
  return (
    columns.find(
      (c) =>
        norm(c.key) === wanted ||
        norm(c.label.fr) === wanted ||
        norm(c.label.en) === wanted ||
        norm(headerOf(c)) === wanted,
    ) ?? null
  );
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

/** What one kind of record needs to be imported: its columns and how a row becomes commands. */
export interface CsvImportKind {
  columns: readonly CsvColumn<never>[];
  /** At least one of these columns must be present (the record's name). */
  nameKeys: readonly string[];
  /** The file's error when none of them is. */
  noNameColumn: Localized;
  planRow: (roadmap: Roadmap, row: RowReader, line: number, seen: Set<string>) => ImportRow;
}

const CARDS: CsvImportKind = {
  columns: CSV_COLUMNS,
  nameKeys: ['title_fr', 'title_en'],
  noNameColumn: both('importNoTitleColumn'),
  planRow,
};

/** Reads a cards CSV file against the board in `doc` (whose roadmap is `roadmap`). */
export function planCsvImport(doc: Y.Doc, roadmap: Roadmap, text: string): ImportPlan {
  return planImport(CARDS, doc, roadmap, text);
}

/**
 * Reads a CSV file of one kind of record against the board in `doc` (whose roadmap is
 * `roadmap`) and tries every row.
 */
export function planImport(
  kind: CsvImportKind,
  doc: Y.Doc,
  roadmap: Roadmap,
  text: string,
): ImportPlan {
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
  const columns = header.map((cell) => columnOfHeader(kind.columns, cell.trim()));
  const ignored = header.filter((_, i) => {
    const column = columns[i];
    return !column || column.exportOnly;
  });
  const keys = new Map<string, number>();
  columns.forEach((column, index) => {
    if (column && !column.exportOnly && !keys.has(column.key)) keys.set(column.key, index);
  });
  if (!kind.nameKeys.some((key) => keys.has(key))) {
    return { rows: [], fileErrors: [kind.noNameColumn], ignored };
  }
  const seen = new Set<string>();
  const rows = data.map((cells, index) => {
    const reader: RowReader = {
      has: (key) => keys.has(key),
      get: (key) => unguardCell((cells[keys.get(key) ?? -1] ?? '').trim()),
    };
    // Spreadsheet numbering: the header is row 1.
    return kind.planRow(roadmap, reader, index + 2, seen);
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
