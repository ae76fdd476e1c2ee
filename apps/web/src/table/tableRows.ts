import {
  CARD_STATES,
  type CardState,
  CHECKIN_STATUSES,
  type CheckinStatus,
  compareByOrder,
  type DomainRecord,
  ITEM_KINDS,
  type ItemKind,
  isStale,
  type PhaseRecord,
  ROLES,
  type Roadmap,
  type RoadmapCard,
  type Role,
} from '@fdr/model';

/*
 * What the table view shows, computed from the roadmap alone (pure, tested in Node): the rows
 * that pass the filters, sorted, grouped by domain of interest then phase. Filters and sort live
 * in the URL so a filtered view can be shared, bookmarked and reloaded.
 */

/** `none`: no check-in yet (shown as "No check-in"). */
export type StatusFilter = CheckinStatus | 'none';

export const SORT_KEYS = ['board', 'title', 'role', 'state', 'status', 'checkin'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface TableFilters {
  domain: string | null;
  phase: string | null;
  role: Role | null;
  state: CardState | null;
  status: StatusFilter | null;
  /** true: only overdue cards; false: only up-to-date ones. */
  stale: boolean | null;
  /** Roadmap items of this kind only (task teams have none, so none pass). */
  kind: ItemKind | null;
  q: string;
  sort: SortKey;
  desc: boolean;
  /** false: one table of every card (with domain and phase columns), for sorting across cells. */
  grouped: boolean;
}

export const NO_FILTERS: TableFilters = {
  domain: null,
  phase: null,
  role: null,
  state: null,
  status: null,
  stale: null,
  kind: null,
  q: '',
  sort: 'board',
  desc: false,
  grouped: true,
};

const STATUS_FILTERS: readonly StatusFilter[] = [...CHECKIN_STATUSES, 'none'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Filters from a query string; unknown or malformed values are ignored, never thrown. */
export function parseFilters(search: string): TableFilters {
  const params = new URLSearchParams(search);
  const id = (key: string) => {
    const value = params.get(key);
    return value && /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(value) ? value : null;
  };
  const stale = params.get('stale');
  return {
    domain: id('domain'),
    phase: id('phase'),
    role: oneOf(params.get('role'), ROLES),
    state: oneOf(params.get('state'), CARD_STATES),
    status: oneOf(params.get('status'), STATUS_FILTERS),
    stale: stale === 'yes' ? true : stale === 'no' ? false : null,
    kind: oneOf(params.get('kind'), ITEM_KINDS),
    q: (params.get('q') ?? '').slice(0, 200),
    sort: oneOf(params.get('sort'), SORT_KEYS) ?? 'board',
    desc: params.get('dir') === 'desc',
    grouped: params.get('group') !== 'none',
  };
}

/**
 * The query string for filters, keeping other parameters (such as the selected `card`) of
 * `base`. Defaults are left out, so an unfiltered view has a clean address.
 */
export function filtersToSearch(filters: TableFilters, base = ''): string {
  const params = new URLSearchParams(base);
  const set = (key: string, value: string | null) => {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  };
  set('domain', filters.domain);
  set('phase', filters.phase);
  set('role', filters.role);
  set('state', filters.state);
  set('status', filters.status);
  set('stale', filters.stale === null ? null : filters.stale ? 'yes' : 'no');
  set('kind', filters.kind);
  set('q', filters.q.trim());
  set('sort', filters.sort === 'board' ? null : filters.sort);
  set('dir', filters.desc ? 'desc' : null);
  set('group', filters.grouped ? null : 'none');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** True when a filter narrows the rows (sorting and grouping do not count). */
export function isFiltered(filters: TableFilters): boolean {
  return (
    filters.domain !== null ||
    filters.phase !== null ||
    filters.role !== null ||
    filters.state !== null ||
    filters.status !== null ||
    filters.stale !== null ||
    filters.kind !== null ||
    filters.q.trim() !== ''
  );
}

export interface TableRow {
  card: RoadmapCard;
  domain: DomainRecord;
  phase: PhaseRecord;
  stale: boolean;
}

export interface TableGroup {
  domain: DomainRecord;
  phases: { phase: PhaseRecord; rows: TableRow[] }[];
}

/** Lower case without accents: "Équipe" matches "equipe", as people type in either language. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function searchable(card: RoadmapCard): string {
  const texts = [
    card.title.fr,
    card.title.en,
    card.mandate.fr,
    card.mandate.en,
    card.deliverables.fr,
    card.deliverables.en,
    card.leadJurisdiction ?? '',
    ...card.members,
    ...card.formedFrom.flatMap((g) => [g.fr, g.en]),
    card.latestStatus?.summary.fr ?? '',
    card.latestStatus?.summary.en ?? '',
  ];
  return fold(texts.join('\n'));
}

function matches(row: TableRow, filters: TableFilters): boolean {
  const { card } = row;
  if (filters.domain !== null && card.domainId !== filters.domain) return false;
  if (filters.phase !== null && card.phaseId !== filters.phase) return false;
  if (filters.role !== null && card.role !== filters.role) return false;
  if (filters.state !== null && card.state !== filters.state) return false;
  if (filters.status !== null && (card.latestStatus?.status ?? 'none') !== filters.status) {
    return false;
  }
  if (filters.stale !== null && row.stale !== filters.stale) return false;
  if (filters.kind !== null) return false;
  return filters.q.trim() === '' || matchesText(searchable(card), filters.q);
}

/** Every word of the search is in the (folded) text. */
export function matchesText(folded: string, q: string): boolean {
  const words = fold(q).split(/\s+/).filter(Boolean);
  return words.every((word) => folded.includes(word));
}

/** Plain `<` on folded text: the same order on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  const x = fold(a);
  const y = fold(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const STATUS_RANK: Record<StatusFilter, number> = {
  blocked: 0,
  'at-risk': 1,
  'not-started': 2,
  'on-track': 3,
  done: 4,
  none: 5,
};

function compareRows(
  sort: SortKey,
  lang: 'fr' | 'en',
  boardIndex: Map<string, number>,
): (a: TableRow, b: TableRow) => number {
  const title = (row: TableRow) =>
    row.card.title[lang] || row.card.title[lang === 'fr' ? 'en' : 'fr'];
  const byBoard = (a: TableRow, b: TableRow) =>
    (boardIndex.get(a.card.id) ?? 0) - (boardIndex.get(b.card.id) ?? 0);
  switch (sort) {
    case 'title':
      return (a, b) => compareText(title(a), title(b)) || byBoard(a, b);
    case 'role':
      return (a, b) => ROLES.indexOf(a.card.role) - ROLES.indexOf(b.card.role) || byBoard(a, b);
    case 'state':
      return (a, b) =>
        CARD_STATES.indexOf(a.card.state) - CARD_STATES.indexOf(b.card.state) || byBoard(a, b);
    case 'status':
      // Most worrying first: blocked, at risk, … then cards without a check-in.
      return (a, b) =>
        STATUS_RANK[a.card.latestStatus?.status ?? 'none'] -
          STATUS_RANK[b.card.latestStatus?.status ?? 'none'] || byBoard(a, b);
    case 'checkin': {
      // Oldest check-in first (never checked in before anything): who needs a nudge.
      const at = (row: TableRow) => row.card.latestStatus?.at ?? '';
      return (a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0) || byBoard(a, b);
    }
    default:
      return byBoard;
  }
}

/** The visible (non-archived) cards that pass the filters, sorted, in board order otherwise. */
export function tableRows(
  roadmap: Roadmap,
  filters: TableFilters,
  lang: 'fr' | 'en',
  now: Date,
): TableRow[] {
  const domains = new Map(roadmap.domains.map((d) => [d.id, d]));
  const phases = new Map(roadmap.phases.map((p) => [p.id, p]));
  const days = roadmap.board.settings.staleAfterDays;
  // Board order: lane, then column, then the cell's fractional index (what the canvas shows).
  const domainRank = new Map(roadmap.domains.map((d, i) => [d.id, i]));
  const phaseRank = new Map(roadmap.phases.map((p, i) => [p.id, i]));
  const visible = roadmap.cards
    .filter((card) => !card.archived)
    .sort(
      (a, b) =>
        (domainRank.get(a.domainId) ?? 0) - (domainRank.get(b.domainId) ?? 0) ||
        (phaseRank.get(a.phaseId) ?? 0) - (phaseRank.get(b.phaseId) ?? 0) ||
        compareByOrder(a, b),
    );
  const boardIndex = new Map(visible.map((card, index) => [card.id, index]));
  const rows: TableRow[] = [];
  for (const card of visible) {
    const domain = domains.get(card.domainId);
    const phase = phases.get(card.phaseId);
    if (!domain || !phase) continue;
    const row = { card, domain, phase, stale: isStale(card, days, now) };
    if (matches(row, filters)) rows.push(row);
  }
  const compare = compareRows(filters.sort, lang, boardIndex);
  rows.sort(filters.desc ? (a, b) => compare(b, a) : compare);
  return rows;
}

/**
 * Rows grouped by domain, then phase, in board order. Without filters every cell is listed
 * (an empty one still offers "add a task team here"); with filters only cells with rows, in the
 * domains with rows or listed in `alsoDomains` (those with roadmap items shown).
 */
export function groupRows(
  roadmap: Roadmap,
  rows: readonly TableRow[],
  keepEmpty: boolean,
  alsoDomains: ReadonlySet<string> = new Set(),
): TableGroup[] {
  const groups: TableGroup[] = [];
  for (const domain of roadmap.domains) {
    const phases = roadmap.phases
      .map((phase) => ({
        phase,
        rows: rows.filter((row) => row.domain.id === domain.id && row.phase.id === phase.id),
      }))
      .filter((cell) => keepEmpty || cell.rows.length > 0);
    if (phases.length > 0 || alsoDomains.has(domain.id)) groups.push({ domain, phases });
  }
  return groups;
}
