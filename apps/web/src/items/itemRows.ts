import {
  compareByOrder,
  type DomainRecord,
  type ItemRecord,
  type PeriodRecord,
  type PhaseRecord,
  ROLES,
  type Roadmap,
} from '@fdr/model';
import { compareText, fold, matchesText, type TableFilters } from '../table/tableRows.ts';

/*
 * The roadmap items the table view shows, from the roadmap alone (pure, tested in Node), under
 * the same filters as the cards: domain, phase (an item crossing one of its periods), role, kind
 * and text. A filter on what only task teams have (state, check-in, overdue) shows no item.
 */

/** A period of the board with its phase, in board order (the timeline's columns). */
export interface BoardPeriod {
  period: PeriodRecord;
  phase: PhaseRecord;
  index: number;
}

export function boardPeriods(roadmap: Roadmap): BoardPeriod[] {
  return roadmap.phases
    .flatMap((phase) => phase.periods.map((period) => ({ period, phase })))
    .map((entry, index) => ({ ...entry, index }));
}

export interface ItemRow {
  item: ItemRecord;
  domain: DomainRecord;
  /** Inclusive ends, in board order (swapped if concurrent edits inverted them). */
  start: BoardPeriod;
  end: BoardPeriod;
}

/** The item's rows, or null when its domain or a period is gone (repair drops such items). */
export function itemRow(
  roadmap: Roadmap,
  item: ItemRecord,
  periods: readonly BoardPeriod[] = boardPeriods(roadmap),
): ItemRow | null {
  const domain = roadmap.domains.find((d) => d.id === item.domainId);
  const a = periods.find((p) => p.period.id === item.startPeriodId);
  const b = periods.find((p) => p.period.id === item.endPeriodId);
  if (!domain || !a || !b) return null;
  return a.index <= b.index
    ? { item, domain, start: a, end: b }
    : { item, domain, start: b, end: a };
}

function matches(row: ItemRow, filters: TableFilters, periods: readonly BoardPeriod[]): boolean {
  const { item } = row;
  if (filters.state !== null || filters.status !== null || filters.stale !== null) return false;
  if (filters.domain !== null && item.domainId !== filters.domain) return false;
  // In a phase when one of the periods it spans is (it may cross a whole phase).
  const spanned = periods.slice(row.start.index, row.end.index + 1);
  if (filters.phase !== null && !spanned.some((p) => p.phase.id === filters.phase)) return false;
  if (filters.role !== null && item.role !== filters.role) return false;
  if (filters.kind !== null && item.kind !== filters.kind) return false;
  return (
    filters.q.trim() === '' || matchesText(fold(`${item.label.fr}\n${item.label.en}`), filters.q)
  );
}

/**
 * The items that pass the filters: by title (label) or role when sorted so, in board order
 * otherwise (lane, first period, last period, then their order in the lane).
 */
export function itemRows(roadmap: Roadmap, filters: TableFilters, lang: 'fr' | 'en'): ItemRow[] {
  const periods = boardPeriods(roadmap);
  const domainRank = new Map(roadmap.domains.map((d, i) => [d.id, i]));
  const rows = roadmap.items
    .map((item) => itemRow(roadmap, item, periods))
    .filter((row): row is ItemRow => row !== null && matches(row, filters, periods));
  const byBoard = (a: ItemRow, b: ItemRow) =>
    (domainRank.get(a.domain.id) ?? 0) - (domainRank.get(b.domain.id) ?? 0) ||
    a.start.index - b.start.index ||
    a.end.index - b.end.index ||
    compareByOrder(a.item, b.item);
  const label = (row: ItemRow) =>
    row.item.label[lang] || row.item.label[lang === 'fr' ? 'en' : 'fr'];
  const compare =
    filters.sort === 'title'
      ? (a: ItemRow, b: ItemRow) => compareText(label(a), label(b)) || byBoard(a, b)
      : filters.sort === 'role'
        ? (a: ItemRow, b: ItemRow) =>
            ROLES.indexOf(a.item.role) - ROLES.indexOf(b.item.role) || byBoard(a, b)
        : byBoard;
  return rows.sort(filters.desc ? (a, b) => compare(b, a) : compare);
}
