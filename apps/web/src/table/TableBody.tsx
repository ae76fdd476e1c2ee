import {
  archiveCard,
  type BoardRole,
  canCheckIn,
  canEdit,
  createCard,
  isModelError,
  localize,
  moveCard,
  newId,
  type Roadmap,
  updateCard,
} from '@fdr/model';
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { useValue } from 'tldraw';
import type * as Y from 'yjs';
import { moveCardInput } from '../board/moveTarget.ts';
import { UndoButtons } from '../board/UndoButtons.tsx';
import type { LiveBoard } from '../board/useLiveBoard.ts';
import { useUndoState } from '../board/useUndoState.ts';
import type { CardPatch } from '../cards/cardDraft.ts';
import { postCheckin } from '../checkins/checkinApi.ts';
import { CommentsDialog } from '../comments/CommentsDialog.tsx';
import type { CommentTarget } from '../comments/commentsApi.ts';
import { countOf, useCommentCounts } from '../comments/useComments.ts';
import { ExportButtons } from '../export/ExportButtons.tsx';
import { ImportDialog } from '../export/ImportDialog.tsx';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { itemRows } from '../items/itemRows.ts';
import { itemStrings } from '../items/itemStrings.ts';
import { itemsImportSubject } from '../items/itemsImport.ts';
import { itemsPart } from '../items/itemsPart.tsx';
import { useItemDialogs } from '../items/useItemDialogs.tsx';
import { OpenVotes } from '../meetings/OpenVotes.tsx';
import { AddCardDialog } from './AddCardDialog.tsx';
import { CheckinDialog } from './CheckinDialog.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { MoveCardDialog } from './MoveCardDialog.tsx';
import { RoadmapTable, type RowActions } from './RoadmapTable.tsx';
import { selectedCardInUrl, setSelectedCardInUrl } from './selectionInUrl.ts';
import { TableFilters } from './TableFilters.tsx';
import {
  type TableFilters as Filters,
  filtersToSearch,
  parseFilters,
  tableRows,
} from './tableRows.ts';
import { useAnnouncer } from './useAnnouncer.ts';
import { useChangeAnnouncements } from './useChangeAnnouncements.ts';
import { type FocusTarget, useTableFocus } from './useTableFocus.ts';

type Open =
  | { kind: 'move'; cardId: string }
  | { kind: 'checkin'; cardId: string }
  | { kind: 'archive'; cardId: string }
  | { kind: 'add'; domainId: string; phaseId: string }
  | { kind: 'import' | 'import-items' }
  | { kind: 'comments'; target: CommentTarget };

function useLocationSearch(): string {
  return useSyncExternalStore(
    (listener) => {
      addEventListener('popstate', listener);
      return () => removeEventListener('popstate', listener);
    },
    () => location.search,
  );
}

/**
 * The tables of a loaded board with everything one can do from them: filters, exports, undo,
 * editing in the rows, and the dialogs (move, check-in, archive, add, import).
 */
export function TableBody({
  session,
  roadmap,
  boardId,
  lang,
  role,
  cardIds,
  userId = null,
}: {
  session: LiveBoard;
  roadmap: Roadmap;
  boardId: string;
  lang: Lang;
  role: BoardRole | null;
  cardIds: readonly string[];
  userId?: string | null;
}) {
  const s = strings[lang];
  const t = tableStrings[lang];
  const { connection, view, undo, origin } = session;
  const search = useLocationSearch();
  const filters = useMemo(() => parseFilters(search), [search]);
  const [selected, setSelected] = useState<string | null>(() => selectedCardInUrl());
  const [open, setOpen] = useState<Open | null>(null);
  const [message, announce] = useAnnouncer();
  const undoState = useUndoState(undo);
  const now = useValue('now', () => new Date(view.now.get()), [view]);
  const editable = canEdit(role);
  const mayCheckIn = useCallback(
    (cardId: string) => canCheckIn(role && { role, cardIds }, cardId),
    [role, cardIds],
  );
  const rows = useMemo(() => tableRows(roadmap, filters, lang, now), [roadmap, filters, lang, now]);
  const total = roadmap.cards.filter((c) => !c.archived).length;
  const items = useMemo(() => itemRows(roadmap, filters, lang), [roadmap, filters, lang]);

  const setFilters = (next: Filters) => {
    const query = filtersToSearch(next, location.search);
    history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    // useSyncExternalStore listens to popstate; replaceState does not fire it.
    dispatchEvent(new PopStateEvent('popstate'));
  };
  const select = useCallback((cardId: string) => {
    setSelected((current) => {
      if (current !== cardId) setSelectedCardInUrl(cardId);
      return cardId;
    });
  }, []);

  const { ownCheckins, quietNext } = useChangeAnnouncements(session, roadmap, lang, announce);
  // Its dialogs' commands and focus go through `run` and `focusNext`, set up below.
  const itemDialogs = useItemDialogs({
    roadmap,
    lang,
    run: (command) => run(command),
    onClosed: (target) => {
      focusNext.current = target;
    },
  });
  const focusNext = useTableFocus(open !== null || itemDialogs.isOpen);

  const close = (target?: FocusTarget) => {
    const current = open;
    focusNext.current =
      target ??
      (current?.kind === 'comments'
        ? current.target.kind === 'card'
          ? { cardId: current.target.id, action: 'comments' }
          : { itemId: current.target.id, action: 'comments' }
        : current && 'cardId' in current
          ? { cardId: current.cardId, action: current.kind }
          : current?.kind === 'add'
            ? { selector: `[data-add-card="${current.domainId}/${current.phaseId}"]` }
            : {
                selector:
                  current?.kind === 'import-items'
                    ? '[data-testid="import-items-open"]'
                    : '[data-testid="import-open"]',
              });
    setOpen(null);
  };

  /** Runs model commands as this user in one transaction; a refusal is announced. */
  const run = (command: (doc: Y.Doc, origin: unknown) => void): boolean => {
    undo.stopCapturing();
    try {
      connection.doc.transact(() => command(connection.doc, origin), origin);
      return true;
    } catch (error) {
      if (!isModelError(error)) throw error;
      announce(format(s.actionFailed, { message: error.messages[lang] }), true);
      return false;
    } finally {
      view.refresh();
    }
  };

  const counts = useCommentCounts(boardId);
  const part = itemsPart({
    roadmap,
    rows: items,
    filters,
    lang,
    actions: editable ? itemDialogs.actions : undefined,
    comments: {
      countOf: (id) => countOf(counts, { kind: 'item', id }),
      onOpen: (id) => setOpen({ kind: 'comments', target: { kind: 'item', id } }),
    },
  });

  const actions: RowActions = {
    canEdit: editable,
    canCheckIn: mayCheckIn,
    onSave: (cardId: string, patch: CardPatch) =>
      run((doc, o) => updateCard(doc, { id: cardId, ...patch }, o)),
    onMove: (cardId) => setOpen({ kind: 'move', cardId }),
    onCheckin: (cardId) => setOpen({ kind: 'checkin', cardId }),
    onArchive: (cardId) => setOpen({ kind: 'archive', cardId }),
    onAdd: (domainId, phaseId) => setOpen({ kind: 'add', domainId, phaseId }),
  };

  const card = open && 'cardId' in open ? roadmap.cards.find((c) => c.id === open.cardId) : null;
  const readOnlyNote = role === 'task-team' ? t.readOnlyTaskTeam : !editable ? t.readOnly : null;

  return (
    <>
      <main className="fdr-table-main" id="fdr-table-main" tabIndex={-1}>
        <p className="fdr-table-intro">{t.tableIntro}</p>
        {readOnlyNote && (
          <p className="fdr-readonly" role="note" data-testid="read-only">
            {readOnlyNote}
          </p>
        )}
        <TableFilters
          roadmap={roadmap}
          filters={filters}
          onChange={setFilters}
          lang={lang}
          shown={rows.length}
          total={total}
          itemsShown={items.length}
          itemsTotal={roadmap.items.length}
        />
        <section className="fdr-table-tools" aria-labelledby="fdr-export-heading">
          <h2 id="fdr-export-heading" className="fdr-section-heading">
            {t.exportHeading}
          </h2>
          <div className="fdr-actions">
            <ExportButtons roadmap={roadmap} boardId={boardId} lang={lang} say={announce} />
            {editable && (
              <button
                type="button"
                className="fdr-button"
                onClick={() => setOpen({ kind: 'import' })}
                data-testid="import-open"
              >
                {t.importCsv}
              </button>
            )}
            {editable && (
              <button
                type="button"
                className="fdr-button"
                onClick={() => setOpen({ kind: 'import-items' })}
                data-testid="import-items-open"
              >
                {itemStrings[lang].importCsv}
              </button>
            )}
            {editable && (
              <UndoButtons
                lang={lang}
                state={undoState}
                onUndo={() => {
                  undo.undo();
                  view.refresh();
                }}
                onRedo={() => {
                  undo.redo();
                  view.refresh();
                }}
              />
            )}
          </div>
        </section>
        <OpenVotes boardId={boardId} roadmap={roadmap} lang={lang} role={role} />
        <RoadmapTable
          roadmap={roadmap}
          lang={lang}
          filters={filters}
          now={now}
          actions={actions}
          selectedCardId={selected}
          onSelect={select}
          part={part}
          comments={{
            countOf: (id) => countOf(counts, { kind: 'card', id }),
            onOpen: (id) => setOpen({ kind: 'comments', target: { kind: 'card', id } }),
          }}
        />
      </main>
      <div
        className={`fdr-toast ${message?.error ? 'fdr-toast--error' : ''}`}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        aria-label={t.liveRegion}
        data-testid="live-region"
      >
        {message?.text}
      </div>
      {open?.kind === 'move' && card && (
        <MoveCardDialog
          card={card}
          roadmap={roadmap}
          lang={lang}
          onClose={() => close()}
          onMove={(target) => {
            const ok = run((doc, o) => moveCard(doc, moveCardInput(card.id, target), o));
            if (ok) {
              select(card.id);
              close();
            }
          }}
        />
      )}
      {open?.kind === 'checkin' && card && (
        <CheckinDialog
          card={card}
          lang={lang}
          onClose={() => close()}
          onSubmit={async (input) => {
            ownCheckins.current.add(input.cardId);
            try {
              // The id is chosen here so that a retried request is recorded once.
              await postCheckin(boardId, { id: newId(), ...input });
            } catch (error) {
              ownCheckins.current.delete(input.cardId);
              throw error;
            }
            close();
          }}
        />
      )}
      {open?.kind === 'archive' && card && (
        <ConfirmDialog
          heading={format(t.archiveCardLabel, { title: localize(card.title, lang) })}
          question={s.archiveConfirm}
          action={t.archiveCard}
          lang={lang}
          confirmTestId="archive-confirm"
          onClose={() => close()}
          onConfirm={() => {
            const next = neighbour(card.id);
            if (run((doc, o) => archiveCard(doc, { id: card.id }, o))) close(next);
          }}
        />
      )}
      {open?.kind === 'add' && (
        <AddDialogFor
          roadmap={roadmap}
          domainId={open.domainId}
          phaseId={open.phaseId}
          lang={lang}
          onClose={() => close()}
          onCreate={(input) => {
            let created = '';
            const ok = run((doc, o) => {
              created = createCard(
                doc,
                { ...input, domainId: open.domainId, phaseId: open.phaseId },
                o,
              );
            });
            if (ok) {
              select(created);
              close({ cardId: created, action: 'edit' });
            }
          }}
        />
      )}
      {itemDialogs.dialog}
      {open?.kind === 'comments' && (
        <CommentsDialog
          boardId={boardId}
          target={open.target}
          label={targetLabel(roadmap, open.target, lang)}
          lang={lang}
          viewer={{ userId, role }}
          onClose={() => close()}
        />
      )}
      {(open?.kind === 'import' || open?.kind === 'import-items') && (
        <ImportDialog
          {...(open.kind === 'import-items' ? { subject: itemsImportSubject(lang) } : {})}
          doc={connection.doc}
          roadmap={roadmap}
          origin={origin}
          lang={lang}
          onClose={() => close()}
          onDone={(written) => {
            quietNext.current = true;
            undo.stopCapturing();
            view.refresh();
            close();
            announce(format(t.importDone, { count: written }));
          }}
        />
      )}
    </>
  );

  /** The row focus goes to once a card leaves the table (the next one, else the previous). */
  function neighbour(cardId: string): FocusTarget {
    const index = rows.findIndex((row) => row.card.id === cardId);
    const other = rows[index + 1] ?? rows[index - 1];
    return other ? { cardId: other.card.id, action: 'archive' } : { selector: '#fdr-table-main' };
  }
}

function AddDialogFor({
  roadmap,
  domainId,
  phaseId,
  lang,
  onClose,
  onCreate,
}: {
  roadmap: Roadmap;
  domainId: string;
  phaseId: string;
  lang: Lang;
  onClose: () => void;
  onCreate: Parameters<typeof AddCardDialog>[0]['onCreate'];
}) {
  const domain = roadmap.domains.find((d) => d.id === domainId);
  const phase = roadmap.phases.find((p) => p.id === phaseId);
  if (!domain || !phase) return null;
  return (
    <AddCardDialog
      domain={domain}
      phase={phase}
      lang={lang}
      onCreate={onCreate}
      onClose={onClose}
    />
  );
}

/** A card's title or an item's label, in the UI language. */
function targetLabel(roadmap: Roadmap, target: CommentTarget, lang: Lang): string {
  if (target.kind === 'card') {
    const card = roadmap.cards.find((c) => c.id === target.id);
    return card ? localize(card.title, lang) : target.id;
  }
  const item = roadmap.items.find((i) => i.id === target.id);
  return item ? localize(item.label, lang) : target.id;
}
