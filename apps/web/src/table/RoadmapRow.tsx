import { localize, type Roadmap } from '@fdr/model';
import { type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import type { CardPatch } from '../cards/cardDraft.ts';
import { roleLabelOf, stateLabelOf, statusLabelOf } from '../cards/labels.ts';
import { CommentCountButton } from '../comments/CommentCountButton.tsx';
import { format, formatDate } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { CellList } from './CellList.tsx';
import { type Column, RowCell, type ShownCells } from './DataTable.tsx';
import { RowEditor } from './RowEditor.tsx';
import { Text } from './Text.tsx';
import type { TableRow } from './tableRows.ts';

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

/**
 * One card as a table row. While it is edited, `RowEditor` takes over the editable cells with a
 * draft of its own, started when editing starts.
 */
export function RoadmapRow({
  row,
  roadmap,
  columns,
  lang,
  actions,
  selected,
  editing,
  setEditing,
  onSelect,
  comments,
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
  comments?: { countOf: (cardId: string) => number; onOpen: (cardId: string) => void } | undefined;
}) {
  const { card } = row;
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const isEditing = editing && !!actions;
  // Layout effect: focus returns in the same frame as the change, before the next key is handled.
  useLayoutEffect(() => {
    if (!isEditing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === 'Escape' && isEditing) {
      event.preventDefault();
      event.stopPropagation();
      setEditing(null);
    }
  };
  const shown = shownCells(row, roadmap, lang, actions, editButton, setEditing, comments);
  return (
    <tr
      className={`fdr-row ${selected ? 'fdr-row--selected' : ''} ${isEditing ? 'fdr-row--editing' : ''}`}
      data-card-id={card.id}
      data-testid="table-row"
      aria-current={selected ? 'true' : undefined}
      onFocus={() => onSelect?.(card.id)}
      onClick={() => onSelect?.(card.id)}
      onKeyDown={onKeyDown}
    >
      {isEditing && actions ? (
        <RowEditor
          row={row}
          columns={columns}
          shown={shown}
          lang={lang}
          onSave={(patch) => actions.onSave(card.id, patch)}
          onDone={() => setEditing(null)}
        />
      ) : (
        columns.map((column) => (
          <RowCell key={column} column={column}>
            {column === 'title' ? (
              <ShownTitle row={row} lang={lang} selected={selected} />
            ) : (
              shown[column]
            )}
          </RowCell>
        ))
      )}
    </tr>
  );
}

function ShownTitle({ row, lang, selected }: { row: TableRow; lang: Lang; selected: boolean }) {
  const t = tableStrings[lang];
  const { card } = row;
  const title = localize(card.title, lang);
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return (
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
  );
}

function shownCells(
  row: TableRow,
  roadmap: Roadmap,
  lang: Lang,
  actions: RowActions | undefined,
  editButton: React.RefObject<HTMLButtonElement | null>,
  setEditing: (cardId: string | null) => void,
  comments?: { countOf: (cardId: string) => number; onOpen: (cardId: string) => void },
): ShownCells {
  const t = tableStrings[lang];
  const s = strings[lang];
  const { card, phase } = row;
  const latest = card.latestStatus;
  const periodsText =
    phase.periods.length === 0 || card.periodIds.length === 0
      ? s.wholePhase
      : phase.periods
          .filter((p) => card.periodIds.includes(p.id))
          .map((p) => localize(p.label, lang))
          .join(', ');
  const domainOf = roadmap.domains.find((d) => d.id === card.domainId);
  return {
    title: null,
    domain: domainOf ? <Text text={domainOf.label} lang={lang} /> : null,
    phase: <Text text={phase.label} lang={lang} />,
    role: (
      <>
        <span className={`fdr-role fdr-role--${card.role}`} aria-hidden="true">
          {card.role}
        </span>{' '}
        {roleLabelOf(card.role, lang)}
      </>
    ),
    state: stateLabelOf(card.state, lang),
    periods: periodsText,
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
    lead: card.leadJurisdiction,
    members: <CellList items={card.members} />,
    formedFrom: (
      <CellList
        items={card.formedFrom.map((group) => (
          <Text key={`${group.fr}|${group.en}`} text={group} lang={lang} />
        ))}
      />
    ),
    mandate: (
      <div className="fdr-cell-text">
        <Text text={card.mandate} lang={lang} />
      </div>
    ),
    deliverables: (
      <div className="fdr-cell-text">
        <Text text={card.deliverables} lang={lang} />
      </div>
    ),
    comments: comments ? (
      <CommentCountButton
        count={comments.countOf(card.id)}
        label={localize(card.title, lang)}
        lang={lang}
        onOpen={() => comments.onOpen(card.id)}
      />
    ) : null,
    actions: actions && (
      <RowButtons
        row={row}
        lang={lang}
        actions={actions}
        editButton={editButton}
        onEdit={() => setEditing(card.id)}
      />
    ),
  };
}

/** The buttons of a row that is not being edited, each named after its card. */
function RowButtons({
  row,
  lang,
  actions,
  editButton,
  onEdit,
}: {
  row: TableRow;
  lang: Lang;
  actions: RowActions;
  editButton: React.RefObject<HTMLButtonElement | null>;
  onEdit: () => void;
}) {
  const t = tableStrings[lang];
  const { card } = row;
  const title = localize(card.title, lang);
  const button = (
    action: 'edit' | 'move' | 'checkin' | 'archive',
    label: string,
    text: string,
    onClick: () => void,
  ) => (
    <button
      ref={action === 'edit' ? editButton : undefined}
      type="button"
      className={`fdr-button fdr-button--quiet${action === 'archive' ? ' fdr-button--danger-quiet' : ''}`}
      aria-label={format(label, { title })}
      onClick={onClick}
      data-action={action}
    >
      {text}
    </button>
  );
  return (
    <div className="fdr-row-actions">
      {actions.canEdit && button('edit', t.editRowLabel, t.editRow, onEdit)}
      {actions.canEdit &&
        button('move', t.moveCardLabel, t.moveCard, () => actions.onMove(card.id))}
      {actions.canCheckIn(card.id) &&
        button('checkin', t.checkinLabel, t.checkin, () => actions.onCheckin(card.id))}
      {actions.canEdit &&
        button('archive', t.archiveCardLabel, t.archiveCard, () => actions.onArchive(card.id))}
    </div>
  );
}
