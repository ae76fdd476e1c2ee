import type { ReactNode } from 'react';
import { useId } from 'react';
import { commentStrings } from '../comments/commentStrings.ts';
import type { Lang } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import type { SortKey } from './tableRows.ts';

/** What a row shows in each column when it is not being edited. */
export type ShownCells = Record<Column, ReactNode>;

export type Column =
  | 'title'
  | 'domain'
  | 'phase'
  | 'role'
  | 'state'
  | 'periods'
  | 'status'
  | 'milestone'
  | 'lead'
  | 'members'
  | 'formedFrom'
  | 'mandate'
  | 'deliverables'
  | 'comments'
  | 'actions';

/** The columns that show which sort is in use. */
const SORTED_BY: Partial<Record<Column, SortKey[]>> = {
  title: ['title'],
  role: ['role'],
  state: ['state'],
  status: ['status', 'checkin'],
};

/** Whether a card column shows the sort in use. */
function cardColumnSorted(column: Column, sort: SortKey): boolean {
  return SORTED_BY[column]?.includes(sort) ?? false;
}

function columnLabel(column: Column, lang: Lang): string {
  const t = tableStrings[lang];
  const labels: Record<Column, string> = {
    title: t.colTitle,
    domain: t.colDomain,
    phase: t.colPhase,
    role: t.colRole,
    state: t.colState,
    periods: t.colPeriods,
    status: t.colStatus,
    milestone: t.colMilestone,
    lead: t.colLead,
    members: t.colMembers,
    formedFrom: t.colFormedFrom,
    mandate: t.colMandate,
    deliverables: t.colDeliverables,
    comments: commentStrings[lang].colComments,
    actions: t.colActions,
  };
  return labels[column];
}

/**
 * One table of records (cards, roadmap items): the caption, the column headings with the sort
 * marks, and the rows. Cards' columns are named by default; another kind of row names its own.
 */
export function DataTable<C extends string = Column>({
  caption,
  columns,
  lang,
  labelOf = (column) => columnLabel(column as Column, lang),
  sortedOf = (column) => cardColumnSorted(column as Column, sort),
  sort,
  desc,
  interactive,
  children,
}: {
  caption: string;
  columns: readonly C[];
  lang: Lang;
  labelOf?: (column: C) => string;
  sortedOf?: (column: C) => boolean;
  sort: SortKey;
  desc: boolean;
  /** Rows hold buttons; otherwise the scrolling wrapper takes focus itself (keyboard scrolling). */
  interactive: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div
      className="fdr-table-scroll"
      // Without buttons inside, the scrolling box itself takes focus so the keyboard can scroll it.
      {...(interactive ? {} : { role: 'group', 'aria-labelledby': `${id}-caption`, tabIndex: 0 })}
    >
      <table className="fdr-table">
        <caption id={`${id}-caption`} className="fdr-sr-only">
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sortedOf(column);
              return (
                <th
                  key={column}
                  scope="col"
                  className={`fdr-col fdr-col--${column}`}
                  aria-sort={sorted ? (desc ? 'descending' : 'ascending') : undefined}
                >
                  {labelOf(column)}
                  {sorted && (
                    <span aria-hidden="true" className="fdr-sort-mark">
                      {desc ? ' ▼' : ' ▲'}
                    </span>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A row's cell: the title (a card's, an item's label) heads the row, the others are data. */
export function RowCell({
  column,
  header = column === 'title',
  children,
}: {
  column: string;
  header?: boolean;
  children: ReactNode;
}) {
  return header ? (
    <th scope="row" className={`fdr-col fdr-col--${column}`}>
      {children}
    </th>
  ) : (
    <td className={`fdr-col fdr-col--${column}`}>{children}</td>
  );
}
