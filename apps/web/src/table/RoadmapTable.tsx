import '../board/board.css';
import './table.css';
import {
  CARD_STATES,
  CARD_TITLE_MAX,
  type CardState,
  type DomainRecord,
  type Localized,
  localize,
  NAME_MAX,
  type PhaseRecord,
  ROLES,
  type Roadmap,
  type Role,
} from '@fdr/model';
import {
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { roleLabelOf, stateLabelOf, statusLabelOf } from '../export/labels.ts';
import { format, formatDate } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { type CardPatch, missingTitle, type RowDraft, rowDraftOf, rowPatch } from './rowDraft.ts';
import {
  groupRows,
  isFiltered,
  NO_FILTERS,
  type SortKey,
  type TableFilters,
  type TableRow,
  tableRows,
} from './tableRows.ts';

/** What the person may do from the rows; absent in a read-only view (a version, an observer). */
export interface RowActions {
  canEdit: boolean;
  canCheckIn: (cardId: string) => boolean;
  /** Writes a card's changed fields; false when the model refused (already reported). */
  onSave: (cardId: string, patch: CardPatch) => boolean;
  onMove: (cardId: string) => void;
  onCheckin: (cardId: string) => void;
  onArchive: (cardId: string) => void;
  onAdd: (domainId: string, phaseId: string) => void;
}

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
}

type Column =
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
  | 'actions';

const SORTED_BY: Partial<Record<Column, SortKey[]>> = {
  title: ['title'],
  role: ['role'],
  state: ['state'],
  status: ['status', 'checkin'],
};

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
    !!rowActions && (rowActions.canEdit || list.some((r) => rowActions.canCheckIn(r.card.id)));
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
    ...(rowActions ? (['actions'] as const) : []),
  ];
  const body = (list: TableRow[]) =>
    list.map((row) => (
      <Row
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
      />
    ));
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const H2 = `h${headingLevel + 1}` as 'h3' | 'h4';

  if (rows.length === 0 && isFiltered(filters)) {
    return (
      <p className="fdr-table-empty" data-testid="no-match">
        {t.noMatch}
      </p>
    );
  }
  if (!filters.grouped) {
    return (
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
    );
  }
  const groups = groupRows(roadmap, rows, !isFiltered(filters));
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

/** A text in the UI language, marked with the other language when it falls back to it. */
function Text({ text, lang }: { text: Localized; lang: Lang }) {
  const shown = localize(text, lang);
  const fallback = text[lang] === '' && shown !== '';
  return fallback ? <span lang={lang === 'fr' ? 'en' : 'fr'}>{shown}</span> : shown;
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
    actions: t.colActions,
  };
  return labels[column];
}

function DataTable({
  caption,
  columns,
  lang,
  sort,
  desc,
  interactive,
  children,
}: {
  caption: string;
  columns: Column[];
  lang: Lang;
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
              const sorted = SORTED_BY[column]?.includes(sort);
              return (
                <th
                  key={column}
                  scope="col"
                  className={`fdr-col fdr-col--${column}`}
                  aria-sort={sorted ? (desc ? 'descending' : 'ascending') : undefined}
                >
                  {columnLabel(column, lang)}
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

function List({ items }: { items: readonly ReactNode[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="fdr-cell-list">
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list of plain texts, in order
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

function Row({
  row,
  roadmap,
  columns,
  lang,
  actions,
  selected,
  editing,
  setEditing,
  onSelect,
}: {
  row: TableRow;
  roadmap: Roadmap;
  columns: Column[];
  lang: Lang;
  actions: RowActions | undefined;
  selected: boolean;
  editing: boolean;
  setEditing: (cardId: string | null) => void;
  onSelect: ((cardId: string) => void) | undefined;
}) {
  const t = tableStrings[lang];
  const s = strings[lang];
  const { card, phase } = row;
  const formId = useId();
  const title = localize(card.title, lang);
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const [initial, setInitial] = useState<RowDraft | null>(null);
  const [draft, setDraft] = useState<RowDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing && !draft) {
      const start = rowDraftOf(card);
      setInitial(start);
      setDraft(start);
    } else if (!editing && draft) {
      setInitial(null);
      setDraft(null);
      setError(null);
    }
  }, [editing, draft, card]);
  // Layout effect: focus moves in the same frame as the change, before the next key is handled.
  useLayoutEffect(() => {
    if (editing && draft && !wasEditing.current) firstField.current?.focus();
    if (!editing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing && !!draft;
  }, [editing, draft]);

  const set = <K extends keyof RowDraft>(key: K, value: RowDraft[K]) =>
    setDraft((current) => (current ? { ...current, [key]: value } : current));
  const save = () => {
    if (!draft || !initial || !actions) return;
    if (missingTitle(draft)) {
      setError(s.titleRequired);
      return;
    }
    const patch = rowPatch(initial, draft);
    if (Object.keys(patch).length === 0 || actions.onSave(card.id, patch)) setEditing(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === 'Escape' && editing) {
      event.preventDefault();
      event.stopPropagation();
      setEditing(null);
    }
  };
  const label = (field: string, language?: Lang) =>
    language
      ? `${field} — ${language === 'fr' ? s.french : s.english} (${title})`
      : `${field} (${title})`;
  const bilingual = (
    field: string,
    fr: 'titleFr' | 'mandateFr' | 'deliverablesFr' | 'formedFromFr',
    en: 'titleEn' | 'mandateEn' | 'deliverablesEn' | 'formedFromEn',
    multiline: boolean,
  ) =>
    draft && (
      <div className="fdr-row-edit__pair">
        {(
          [
            [fr, 'fr'],
            [en, 'en'],
          ] as const
        ).map(([key, language]) =>
          multiline ? (
            <textarea
              key={key}
              form={formId}
              lang={language}
              rows={3}
              value={draft[key]}
              aria-label={label(field, language)}
              onChange={(e) => set(key, e.target.value)}
            />
          ) : (
            <input
              key={key}
              ref={key === 'titleFr' ? firstField : undefined}
              form={formId}
              lang={language}
              maxLength={CARD_TITLE_MAX}
              value={draft[key]}
              aria-label={label(field, language)}
              onChange={(e) => set(key, e.target.value)}
            />
          ),
        )}
      </div>
    );

  const latest = card.latestStatus;
  const periodsText =
    phase.periods.length === 0 || card.periodIds.length === 0
      ? s.wholePhase
      : phase.periods
          .filter((p) => card.periodIds.includes(p.id))
          .map((p) => localize(p.label, lang))
          .join(', ');
  const domainOf = roadmap.domains.find((d) => d.id === card.domainId);
  const cells: Record<Column, ReactNode> = {
    title: null,
    domain: domainOf ? <Text text={domainOf.label} lang={lang} /> : null,
    phase: <Text text={phase.label} lang={lang} />,
    role:
      editing && draft ? (
        <select
          form={formId}
          value={draft.role}
          aria-label={label(t.colRole)}
          onChange={(e) => set('role', e.target.value as Role)}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role} — {roleLabelOf(role, lang)}
            </option>
          ))}
        </select>
      ) : (
        <>
          <span className={`fdr-role fdr-role--${card.role}`} aria-hidden="true">
            {card.role}
          </span>{' '}
          {roleLabelOf(card.role, lang)}
        </>
      ),
    state:
      editing && draft ? (
        <select
          form={formId}
          value={draft.state}
          aria-label={label(t.colState)}
          onChange={(e) => set('state', e.target.value as CardState)}
        >
          {CARD_STATES.map((state) => (
            <option key={state} value={state}>
              {stateLabelOf(state, lang)}
            </option>
          ))}
        </select>
      ) : (
        stateLabelOf(card.state, lang)
      ),
    periods:
      editing && draft && phase.periods.length > 0 ? (
        <fieldset className="fdr-row-edit__periods">
          <legend className="fdr-sr-only">{label(t.colPeriods)}</legend>
          {phase.periods.map((period) => (
            <label key={period.id} className="fdr-checkbox">
              <input
                type="checkbox"
                form={formId}
                checked={draft.periodIds.includes(period.id)}
                onChange={(e) =>
                  set(
                    'periodIds',
                    e.target.checked
                      ? phase.periods
                          .map((p) => p.id)
                          .filter((id) => id === period.id || draft.periodIds.includes(id))
                      : draft.periodIds.filter((id) => id !== period.id),
                  )
                }
              />
              {localize(period.label, lang)}
            </label>
          ))}
        </fieldset>
      ) : (
        periodsText
      ),
    status: (
      <div className="fdr-cell-status">
        {latest ? (
          <>
            <span className={`fdr-status fdr-status--${latest.status}`}>
              <span className="fdr-status__dot" aria-hidden="true" />
              {statusLabelOf(latest.status, lang)}
            </span>{' '}
            <span className="fdr-cell-status__date">{formatDate(latest.at, lang)}</span>
            {latest.progress !== null && (
              <span className="fdr-cell-status__progress">
                {format(t.progress, { value: latest.progress })}
              </span>
            )}
            {(latest.summary.fr || latest.summary.en) && (
              <span className="fdr-cell-status__summary">
                <Text text={latest.summary} lang={lang} />
              </span>
            )}
          </>
        ) : (
          <span className="fdr-status fdr-status--none">{s.noCheckin}</span>
        )}
        {row.stale && (
          <span className="fdr-stale" data-testid="stale">
            <span aria-hidden="true">⚠ </span>
            {s.stale}
          </span>
        )}
      </div>
    ),
    milestone: latest?.nextMilestone ? (
      <>
        <Text text={latest.nextMilestone.label} lang={lang} />
        {latest.nextMilestone.targetDate && (
          <>
            {' '}
            <span className="fdr-cell-status__date">
              {format(t.milestoneDate, {
                date: formatDate(latest.nextMilestone.targetDate, lang),
              })}
            </span>
          </>
        )}
      </>
    ) : null,
    lead:
      editing && draft ? (
        <input
          form={formId}
          maxLength={NAME_MAX}
          value={draft.lead}
          aria-label={label(t.colLead)}
          onChange={(e) => set('lead', e.target.value)}
        />
      ) : (
        card.leadJurisdiction
      ),
    members:
      editing && draft ? (
        <textarea
          form={formId}
          rows={3}
          value={draft.members}
          aria-label={label(s.fieldMembers)}
          onChange={(e) => set('members', e.target.value)}
        />
      ) : (
        <List items={card.members} />
      ),
    formedFrom:
      editing && draft ? (
        bilingual(t.colFormedFrom, 'formedFromFr', 'formedFromEn', true)
      ) : (
        <List
          items={card.formedFrom.map((group) => (
            <Text key={`${group.fr}|${group.en}`} text={group} lang={lang} />
          ))}
        />
      ),
    mandate:
      editing && draft ? (
        bilingual(t.colMandate, 'mandateFr', 'mandateEn', true)
      ) : (
        <div className="fdr-cell-text">
          <Text text={card.mandate} lang={lang} />
        </div>
      ),
    deliverables:
      editing && draft ? (
        bilingual(t.colDeliverables, 'deliverablesFr', 'deliverablesEn', true)
      ) : (
        <div className="fdr-cell-text">
          <Text text={card.deliverables} lang={lang} />
        </div>
      ),
    actions: actions && (
      <div className="fdr-row-actions">
        {editing ? (
          <form
            id={formId}
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <p className="fdr-row-edit__hint">{t.editHint}</p>
            {error && (
              <p role="alert" className="fdr-error">
                {error}
              </p>
            )}
            <button type="submit" className="fdr-button fdr-button--primary" data-action="save">
              {t.editSave}
            </button>
            <button
              type="button"
              className="fdr-button fdr-button--quiet"
              onClick={() => setEditing(null)}
              data-action="cancel"
            >
              {t.editCancel}
            </button>
          </form>
        ) : (
          <>
            {actions.canEdit && (
              <button
                ref={editButton}
                type="button"
                className="fdr-button fdr-button--quiet"
                aria-label={format(t.editRowLabel, { title })}
                onClick={() => {
                  // The draft in the same render as the switch to editing: the first field
                  // exists, and takes focus, before the next key arrives.
                  const start = rowDraftOf(card);
                  setInitial(start);
                  setDraft(start);
                  setEditing(card.id);
                }}
                data-action="edit"
              >
                {t.editRow}
              </button>
            )}
            {actions.canEdit && (
              <button
                type="button"
                className="fdr-button fdr-button--quiet"
                aria-label={format(t.moveCardLabel, { title })}
                onClick={() => actions.onMove(card.id)}
                data-action="move"
              >
                {t.moveCard}
              </button>
            )}
            {actions.canCheckIn(card.id) && (
              <button
                type="button"
                className="fdr-button fdr-button--quiet"
                aria-label={format(t.checkinLabel, { title })}
                onClick={() => actions.onCheckin(card.id)}
                data-action="checkin"
              >
                {t.checkin}
              </button>
            )}
            {actions.canEdit && (
              <button
                type="button"
                className="fdr-button fdr-button--quiet fdr-button--danger-quiet"
                aria-label={format(t.archiveCardLabel, { title })}
                onClick={() => actions.onArchive(card.id)}
                data-action="archive"
              >
                {t.archiveCard}
              </button>
            )}
          </>
        )}
      </div>
    ),
  };

  return (
    <tr
      className={`fdr-row ${selected ? 'fdr-row--selected' : ''} ${editing ? 'fdr-row--editing' : ''}`}
      data-card-id={card.id}
      data-testid="table-row"
      aria-current={selected ? 'true' : undefined}
      onFocus={() => onSelect?.(card.id)}
      onClick={() => onSelect?.(card.id)}
      onKeyDown={onKeyDown}
    >
      {columns.map((column) =>
        column === 'title' ? (
          <th key={column} scope="row" className="fdr-col fdr-col--title">
            {editing && draft ? (
              bilingual(t.colTitle, 'titleFr', 'titleEn', false)
            ) : (
              <>
                <span className="fdr-row__title" lang={card.title[lang] === '' ? other : lang}>
                  {title}
                </span>
                {card.title[other] !== '' && card.title[other] !== title && (
                  <span className="fdr-row__other" lang={other}>
                    <span className="fdr-sr-only">{t.otherLanguage} </span>
                    {card.title[other]}
                  </span>
                )}
                {selected && <span className="fdr-row__selected">{t.selected}</span>}
              </>
            )}
          </th>
        ) : (
          <td key={column} className={`fdr-col fdr-col--${column}`}>
            {cells[column]}
          </td>
        ),
      )}
    </tr>
  );
}
