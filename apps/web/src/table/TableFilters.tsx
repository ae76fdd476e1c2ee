import {
  CARD_STATES,
  CHECKIN_STATUSES,
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  localize,
  ROLES,
  type Roadmap,
} from '@fdr/model';
import { useId } from 'react';
import { roleLabelOf, stateLabelOf, statusLabelOf } from '../cards/labels.ts';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import {
  type TableFilters as Filters,
  isFiltered,
  NO_FILTERS,
  SORT_KEYS,
  type SortKey,
} from './tableRows.ts';

/** The filter and sort controls of the table view; every change goes to the address. */
export function TableFilters({
  roadmap,
  filters,
  onChange,
  lang,
  shown,
  total,
  itemsShown,
  itemsTotal,
}: {
  roadmap: Roadmap;
  filters: Filters;
  onChange: (filters: Filters) => void;
  lang: Lang;
  shown: number;
  total: number;
  /** Roadmap items, when the view lists them. */
  itemsShown?: number;
  itemsTotal?: number;
}) {
  const t = tableStrings[lang];
  const s = strings[lang];
  const id = useId();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    onChange({ ...filters, [key]: value });
  const sortLabel: Record<SortKey, string> = {
    board: t.sortBoard,
    title: t.sortTitle,
    role: t.sortRole,
    state: t.sortState,
    status: t.sortStatus,
    checkin: t.sortCheckin,
  };
  const select = (
    key: 'domain' | 'phase' | 'role' | 'state' | 'status' | 'kind',
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <div className="fdr-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={filters[key] ?? ''}
        onChange={(e) => set(key, (e.target.value || null) as never)}
        data-testid={`filter-${key}`}
      >
        <option value="">{t.filterAll}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="fdr-filters" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="fdr-section-heading">
        {t.filters}
      </h2>
      <search>
        <form className="fdr-filters__grid" onSubmit={(e) => e.preventDefault()}>
          <div className="fdr-field fdr-filters__search">
            <label htmlFor={`${id}-q`}>{t.filterText}</label>
            <input
              id={`${id}-q`}
              type="search"
              value={filters.q}
              onChange={(e) => set('q', e.target.value)}
              data-testid="filter-q"
            />
          </div>
          {select(
            'domain',
            t.filterDomain,
            roadmap.domains.map((d) => ({ value: d.id, label: localize(d.label, lang) })),
          )}
          {select(
            'phase',
            t.filterPhase,
            roadmap.phases.map((p) => ({ value: p.id, label: localize(p.label, lang) })),
          )}
          {select(
            'role',
            t.filterRole,
            ROLES.map((r) => ({ value: r, label: `${r} — ${roleLabelOf(r, lang)}` })),
          )}
          {select(
            'state',
            t.filterState,
            CARD_STATES.map((v) => ({ value: v, label: stateLabelOf(v, lang) })),
          )}
          {select('status', t.filterStatus, [
            ...CHECKIN_STATUSES.map((v) => ({ value: v, label: statusLabelOf(v, lang) })),
            { value: 'none', label: s.noCheckin },
          ])}
          {itemsTotal !== undefined &&
            select(
              'kind',
              t.filterKind,
              ITEM_KINDS.map((v) => ({ value: v, label: ITEM_KIND_LABELS[v][lang] })),
            )}
          <div className="fdr-field">
            <label htmlFor={`${id}-stale`}>{t.filterStale}</label>
            <select
              id={`${id}-stale`}
              value={filters.stale === null ? '' : filters.stale ? 'yes' : 'no'}
              onChange={(e) =>
                set('stale', e.target.value === '' ? null : e.target.value === 'yes')
              }
              data-testid="filter-stale"
            >
              <option value="">{t.filterAll}</option>
              <option value="yes">{t.staleOnly}</option>
              <option value="no">{t.freshOnly}</option>
            </select>
          </div>
          <div className="fdr-field">
            <label htmlFor={`${id}-sort`}>{t.sortBy}</label>
            <select
              id={`${id}-sort`}
              value={filters.sort}
              onChange={(e) => set('sort', e.target.value as SortKey)}
              data-testid="sort"
            >
              {SORT_KEYS.map((key) => (
                <option key={key} value={key}>
                  {sortLabel[key]}
                </option>
              ))}
            </select>
          </div>
          <div className="fdr-filters__checks">
            <label className="fdr-checkbox">
              <input
                type="checkbox"
                checked={filters.desc}
                onChange={(e) => set('desc', e.target.checked)}
              />
              {t.sortDescending}
            </label>
            <label className="fdr-checkbox">
              <input
                type="checkbox"
                checked={filters.grouped}
                onChange={(e) => set('grouped', e.target.checked)}
                data-testid="group"
              />
              {t.groupByCell}
            </label>
          </div>
          <div className="fdr-filters__end">
            <button
              type="button"
              className="fdr-button fdr-button--quiet"
              disabled={!isFiltered(filters)}
              onClick={() =>
                onChange({
                  ...NO_FILTERS,
                  sort: filters.sort,
                  desc: filters.desc,
                  grouped: filters.grouped,
                })
              }
            >
              {t.clearFilters}
            </button>
          </div>
        </form>
      </search>
      <p className="fdr-filters__count" role="status" data-testid="shown-count">
        {format(t.shown, { count: shown, total })}
        {itemsTotal !== undefined && (
          <>
            {' · '}
            {format(t.itemsShown, { count: itemsShown ?? 0, total: itemsTotal })}
          </>
        )}
      </p>
    </section>
  );
}
