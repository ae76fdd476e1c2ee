import '../board/board.css';
import '../cards/cards.css';
import './table.css';
import { type DomainRecord, localize, type PhaseRecord, type Roadmap } from '@fdr/model';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { format, formatDate } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { type Column, DataTable } from './DataTable.tsx';
import { RoadmapRow, type RowActions } from './RoadmapRow.tsx';
import { Text } from './Text.tsx';
import {
  groupRows,
  isFiltered,
  NO_FILTERS,
  type TableFilters,
  type TableRow,
  tableRows,
} from './tableRows.ts';

export type { RowActions };

export interface RoadmapTableProps {
  roadmap: Roadmap;
  lang: Lang;
  filters?: TableFilters;
  /** For the overdue marker; a version view passes the version's date. */
  now?: Date;
  /** No buttons at all (a version of the board, a printed pack). */
  readOnly?: boolean;
  actions?: RowActions;
  selectedCardId?: string | null;
  onSelect?: (cardId: string) => void;
  /** Level of the domain headings (phases are one below). */
  headingLevel?: 2 | 3;
  /** Another part of the board shown with the cards (its roadmap items). */
  part?: TablePart;
  /** Each card's comment count and a button opening its conversation. */
  comments?: RowComments;
}

/** The comments column: counts and the button that opens a card's conversation. */
export interface RowComments {
  countOf: (cardId: string) => number;
  onOpen: (cardId: string) => void;
}

/**
 * Another kind of record shown beside the cards, drawn by its own feature: a section in each
 * domain (before its phases) in the grouped view, a table after the cards' otherwise.
 */
export interface TablePart {
  /** Domains with something to show under the filters: they are listed even without cards. */
  domainIds: ReadonlySet<string>;
  domain: (domain: DomainRecord) => ReactNode;
  ungrouped: ReactNode;
}

/**
 * The board as tables: one row per card with every field, grouped by domain of interest and
 * phase under real headings (or one table when ungrouped). Works on any roadmap, live or a
 * version: pass `readOnly` and no `actions` to show one without any control.
 */
export function RoadmapTable({
  roadmap,
  lang,
  filters = NO_FILTERS,
  now: givenNow,
  readOnly = false,
  actions,
  selectedCardId = null,
  onSelect,
  headingLevel = 2,
  part,
  comments,
}: RoadmapTableProps) {
  const t = tableStrings[lang];
  const [openedAt] = useState(() => new Date());
  const now = givenNow ?? openedAt;
  const rows = useMemo(() => tableRows(roadmap, filters, lang, now), [roadmap, filters, lang, now]);
  const [editing, setEditing] = useState<string | null>(null);
  // No actions column for someone who may do nothing here (an observer).
  const rowActions =
    readOnly || !actions || !(actions.canEdit || rows.some((r) => actions.canCheckIn(r.card.id)))
      ? undefined
      : actions;
  /** A table whose rows hold a button; otherwise its scrolling box takes focus itself. */
  const interactive = (list: TableRow[]) =>
    (!!comments && !readOnly && list.length > 0) ||
    (!!rowActions && (rowActions.canEdit || list.some((r) => rowActions.canCheckIn(r.card.id))));
  // A card archived or removed by someone else while its row was being edited.
  useEffect(() => {
    if (editing && !rows.some((row) => row.card.id === editing)) setEditing(null);
  }, [editing, rows]);

  const columns: Column[] = [
    'title',
    ...(filters.grouped ? [] : (['domain', 'phase'] as const)),
    'role',
    'state',
    'periods',
    'status',
    'milestone',
    'lead',
    'members',
    'formedFrom',
    'mandate',
    'deliverables',
    ...(comments && !readOnly ? (['comments'] as const) : []),
    ...(rowActions ? (['actions'] as const) : []),
  ];
  const body = (list: TableRow[]) =>
    list.map((row) => (
      <RoadmapRow
        key={row.card.id}
        row={row}
        roadmap={roadmap}
        columns={columns}
        lang={lang}
        actions={rowActions}
        selected={row.card.id === selectedCardId}
        editing={editing === row.card.id}
        setEditing={setEditing}
        onSelect={onSelect}
        comments={comments}
      />
    ));
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const H2 = `h${headingLevel + 1}` as 'h3' | 'h4';

  if (rows.length === 0 && isFiltered(filters) && (part?.domainIds.size ?? 0) === 0) {
    return (
      <p className="fdr-table-empty" data-testid="no-match">
        {t.noMatch}
      </p>
    );
  }
  if (!filters.grouped) {
    return (
      <>
        {rows.length > 0 && (
          <DataTable
            caption={t.captionAll}
            columns={columns}
            lang={lang}
            sort={filters.sort}
            desc={filters.desc}
            interactive={interactive(rows)}
          >
            {body(rows)}
          </DataTable>
        )}
        {part?.ungrouped}
      </>
    );
  }
  const groups = groupRows(roadmap, rows, !isFiltered(filters), part?.domainIds);
  return (
    <div className="fdr-table-groups">
      {groups.map((group) => (
        <section
          key={group.domain.id}
          className="fdr-domain-group"
          aria-labelledby={`domain-${group.domain.id}`}
          data-domain-id={group.domain.id}
        >
          <H id={`domain-${group.domain.id}`} className="fdr-domain-heading">
            <span
              className="fdr-domain-heading__swatch"
              style={{ background: group.domain.colour }}
              aria-hidden="true"
            />
            <Text text={group.domain.label} lang={lang} />
          </H>
          {part?.domain(group.domain)}
          {group.phases.map(({ phase, rows: cellRows }) => (
            <div key={phase.id} className="fdr-phase-group" data-phase-id={phase.id}>
              <H2 className="fdr-phase-heading">
                <Text text={phase.label} lang={lang} />{' '}
                <span className="fdr-phase-heading__dates">{phaseDates(phase, lang)}</span>
              </H2>
              {cellRows.length > 0 ? (
                <DataTable
                  caption={format(t.caption, {
                    domain: localize(group.domain.label, lang),
                    phase: localize(phase.label, lang),
                    count: cellRows.length,
                  })}
                  columns={columns}
                  lang={lang}
                  sort={filters.sort}
                  desc={filters.desc}
                  interactive={interactive(cellRows)}
                >
                  {body(cellRows)}
                </DataTable>
              ) : (
                <p className="fdr-table-empty">{t.emptyCell}</p>
              )}
              {rowActions?.canEdit && (
                <AddButton
                  domain={group.domain}
                  phase={phase}
                  lang={lang}
                  onAdd={rowActions.onAdd}
                />
              )}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function phaseDates(phase: PhaseRecord, lang: Lang): string {
  const s = strings[lang];
  return phase.end === null
    ? format(s.phaseOpenEnded, { date: formatDate(phase.start, lang) })
    : `${formatDate(phase.start, lang)} – ${formatDate(phase.end, lang)}`;
}

function AddButton({
  domain,
  phase,
  lang,
  onAdd,
}: {
  domain: DomainRecord;
  phase: PhaseRecord;
  lang: Lang;
  onAdd: (domainId: string, phaseId: string) => void;
}) {
  const t = tableStrings[lang];
  return (
    <button
      type="button"
      className="fdr-button fdr-button--quiet fdr-add-card"
      aria-label={format(t.addCardLabel, {
        domain: localize(domain.label, lang),
        phase: localize(phase.label, lang),
      })}
      data-add-card={`${domain.id}/${phase.id}`}
      onClick={() => onAdd(domain.id, phase.id)}
    >
      <span aria-hidden="true">+ </span>
      {t.addCard}
    </button>
  );
}
