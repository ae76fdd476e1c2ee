/** The register's filters, as kept in the page's address (a filtered register can be linked). */
export interface DecisionFilters {
  meetingId: string;
  q: string;
  /** `card:<id>`, `item:<id>` or `domain:<id>`; empty: any. */
  target: string;
}

export const NO_FILTERS: DecisionFilters = { meetingId: '', q: '', target: '' };

const TARGET = /^(card|item|domain):.+$/;

/** Reads `?meeting=&q=&target=`; anything unreadable is no filter. */
export function filtersFromSearch(search: string): DecisionFilters {
  const params = new URLSearchParams(search);
  const target = params.get('target') ?? '';
  return {
    meetingId: params.get('meeting') ?? '',
    q: params.get('q') ?? '',
    target: TARGET.test(target) ? target : '',
  };
}

/** The query string for the filters (`''` without any), in a stable order. */
export function filtersToSearch(filters: DecisionFilters): string {
  const params = new URLSearchParams();
  if (filters.meetingId) params.set('meeting', filters.meetingId);
  if (filters.q.trim()) params.set('q', filters.q);
  if (filters.target) params.set('target', filters.target);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What the server is asked for (words trimmed; empty fields left out). */
export function filtersToQuery(filters: DecisionFilters): {
  meetingId?: string;
  q?: string;
  target?: string;
} {
  const q = filters.q.trim();
  return {
    ...(filters.meetingId ? { meetingId: filters.meetingId } : {}),
    ...(q ? { q } : {}),
    ...(filters.target ? { target: filters.target } : {}),
  };
}

export function hasFilters(filters: DecisionFilters): boolean {
  return filters.meetingId !== '' || filters.q.trim() !== '' || filters.target !== '';
}
