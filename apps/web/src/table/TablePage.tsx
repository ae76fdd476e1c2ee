import '../board/board.css';
import './table.css';
import {
  archiveCard,
  type BoardRole,
  canAdminister,
  canCheckIn,
  canEdit,
  createCard,
  diff,
  isModelError,
  localize,
  moveCard,
  newId,
  type Roadmap,
  updateCard,
} from '@fdr/model';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useValue } from 'tldraw';
import type * as Y from 'yjs';
import { moveCardInput } from '../board/moveTarget.ts';
import { SyncBadge } from '../board/SyncBadge.tsx';
import { type LiveBoard, useLiveBoard } from '../board/useLiveBoard.ts';
import { useUndoState } from '../board/useUndoState.ts';
import type { CardPatch } from '../cards/cardDraft.ts';
import { postCheckin } from '../checkins/checkinApi.ts';
import { ExportButtons } from '../export/ExportButtons.tsx';
import { ImportDialog } from '../export/ImportDialog.tsx';
import { accountStrings } from '../i18n/accountStrings.ts';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { LangSwitch } from '../LangSwitch.tsx';
import { Link } from '../Link.tsx';
import { membersPath } from '../router.ts';
import { AddCardDialog } from './AddCardDialog.tsx';
import { CheckinDialog } from './CheckinDialog.tsx';
import { Dialog } from './Dialog.tsx';
import { describeChange, notableChanges } from './describeChange.ts';
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
import { ViewSwitch } from './ViewSwitch.tsx';

type Open =
  | { kind: 'move'; cardId: string }
  | { kind: 'checkin'; cardId: string }
  | { kind: 'archive'; cardId: string }
  | { kind: 'add'; domainId: string; phaseId: string }
  | { kind: 'import' };

/** Where focus goes after a dialog: a row's button (the row may have moved), or a control by id. */
type FocusTarget = { cardId: string; action: string } | { selector: string };

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
 * The table view of a live board (`/b/:id/table`): the same Y.Doc as the canvas (IndexedDB cache
 * and websocket), shown as tables a screen reader and a keyboard can work with fully: filters and
 * sort in the address, editing in the rows, moves and check-ins through dialogs, others' changes
 * announced politely.
 */
export default function TablePage({
  boardId,
  lang,
  setLang,
  role = null,
  cardIds = [],
}: {
  boardId: string;
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** null when unknown (offline): the table is read-only then, the server decides later. */
  role?: BoardRole | null;
  /** The task teams (card ids) of a task-team member. */
  cardIds?: readonly string[];
}) {
  const s = strings[lang];
  const t = tableStrings[lang];
  const { board: session, status, roadmap, blocker: blockerKey } = useLiveBoard(boardId, 'table');

  const boardTitle = roadmap ? localize(roadmap.board.title, lang) : '';
  useEffect(() => {
    document.title = boardTitle ? `${t.tableTitle} — ${boardTitle} — ${s.title}` : s.title;
  }, [boardTitle, t.tableTitle, s.title]);

  const blocker = blockerKey && s[blockerKey];

  return (
    <div className="fdr-table-page">
      <a href="#fdr-table-main" className="fdr-skip-link">
        {t.tableTitle}
      </a>
      <header className="fdr-topbar">
        <Link href="/" className="fdr-topbar__back">
          <span aria-hidden="true">← </span>
          {s.back}
        </Link>
        <h1 className="fdr-topbar__title" data-testid="board-title">
          {boardTitle || s.title}
        </h1>
        <ViewSwitch boardId={boardId} current="table" lang={lang} />
        {canAdminister(role) && (
          <Link href={membersPath(boardId)} className="fdr-button fdr-button--quiet">
            {accountStrings[lang].membersTitle}
          </Link>
        )}
        {session && <SyncBadge connection={session.connection} lang={lang} />}
        <LangSwitch lang={lang} setLang={setLang} />
      </header>
      {blocker ? (
        <main className="fdr-board-message" id="fdr-table-main">
          <p role="alert">{blocker}</p>
          <Link href="/">{s.back}</Link>
        </main>
      ) : session && status === 'ready' && roadmap ? (
        <TableBody
          session={session}
          roadmap={roadmap}
          boardId={boardId}
          lang={lang}
          role={role}
          cardIds={cardIds}
        />
      ) : (
        <main className="fdr-board-message" id="fdr-table-main">
          <p role="status">{s.boardLoading}</p>
        </main>
      )}
    </div>
  );
}

function TableBody({
  session,
  roadmap,
  boardId,
  lang,
  role,
  cardIds,
}: {
  session: LiveBoard;
  roadmap: Roadmap;
  boardId: string;
  lang: Lang;
  role: BoardRole | null;
  cardIds: readonly string[];
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
  const focusNext = useRef<FocusTarget | null>(null);
  const editable = canEdit(role);
  const mayCheckIn = useCallback(
    (cardId: string) => canCheckIn(role && { role, cardIds }, cardId),
    [role, cardIds],
  );
  const rows = useMemo(() => tableRows(roadmap, filters, lang, now), [roadmap, filters, lang, now]);
  const total = roadmap.cards.filter((c) => !c.archived).length;

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

  // Others' changes, told through the live region; our own, as a confirmation.
  const previous = useRef<Roadmap | null>(null);
  const originOfLast = useRef<'self' | 'others' | null>(null);
  const ownCheckins = useRef(new Set<string>());
  /** Set by an action that announces its own result (an import): no "Saved: …" on top of it. */
  const quietNext = useRef(false);
  useEffect(() => {
    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.origin === origin || transaction.origin === undo) {
        originOfLast.current ??= 'self';
      } else {
        originOfLast.current = 'others';
      }
    };
    connection.doc.on('afterTransaction', onTransaction);
    return () => connection.doc.off('afterTransaction', onTransaction);
  }, [connection, origin, undo]);
  useEffect(() => {
    const before = previous.current;
    previous.current = roadmap;
    const who = originOfLast.current;
    originOfLast.current = null;
    const quiet = quietNext.current;
    quietNext.current = false;
    if (!before || !who || (quiet && who === 'self')) return;
    const changes = notableChanges(diff(before, roadmap));
    if (changes.length === 0) return;
    // A check-in this person posted comes back from the server like anyone's edit.
    const mine = changes.every(
      (c) =>
        (c.kind === 'card-status-changed' || c.kind === 'card-checked-in') &&
        ownCheckins.current.has(c.cardId),
    );
    if (mine) {
      for (const c of changes) if ('cardId' in c) ownCheckins.current.delete(c.cardId);
      announce(format(t.liveSelf, { change: describeChange(changes[0]!, lang) }));
      return;
    }
    const first = describeChange(changes[0]!, lang);
    if (who === 'self') announce(format(t.liveSelf, { change: first }));
    else if (changes.length === 1) announce(format(t.liveRemote, { change: first }));
    else announce(format(t.liveRemoteMany, { count: changes.length, change: first }));
  }, [roadmap, announce, lang, t]);

  // Arriving from the canvas with a selected card: bring its row into view and focus it.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current) return;
    arrived.current = true;
    const cardId = selectedCardInUrl();
    if (!cardId) return;
    const cell = document.querySelector<HTMLElement>(`tr[data-card-id="${CSS.escape(cardId)}"] th`);
    if (cell) {
      cell.tabIndex = -1;
      cell.focus();
      cell.scrollIntoView({ block: 'center' });
    }
  });

  // After a dialog closes: back to the row's button (found again: a move re-renders the row
  // in another table), or to the control named. A layout effect: before the next key is handled.
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target || open) return;
    focusNext.current = null;
    const element =
      'cardId' in target
        ? (document.querySelector<HTMLElement>(
            `tr[data-card-id="${CSS.escape(target.cardId)}"] [data-action="${target.action}"]`,
          ) ??
          document.querySelector<HTMLElement>(`tr[data-card-id="${CSS.escape(target.cardId)}"] th`))
        : document.querySelector<HTMLElement>(target.selector);
    if (element) {
      if (element.tabIndex < 0 && element.tagName === 'TH') element.tabIndex = -1;
      element.focus();
    }
  });

  const close = (target?: FocusTarget) => {
    const current = open;
    focusNext.current =
      target ??
      (current && 'cardId' in current
        ? { cardId: current.cardId, action: current.kind }
        : current?.kind === 'add'
          ? { selector: `[data-add-card="${current.domainId}/${current.phaseId}"]` }
          : { selector: '[data-testid="import-open"]' });
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
              <>
                <button
                  type="button"
                  className="fdr-button fdr-button--quiet"
                  onClick={() => {
                    undo.undo();
                    view.refresh();
                  }}
                  disabled={!undoState.canUndo}
                  title={s.undoLabel}
                  data-testid="undo"
                >
                  {s.undo}
                </button>
                <button
                  type="button"
                  className="fdr-button fdr-button--quiet"
                  onClick={() => {
                    undo.redo();
                    view.refresh();
                  }}
                  disabled={!undoState.canRedo}
                  title={s.redoLabel}
                  data-testid="redo"
                >
                  {s.redo}
                </button>
              </>
            )}
          </div>
        </section>
        <RoadmapTable
          roadmap={roadmap}
          lang={lang}
          filters={filters}
          now={now}
          actions={actions}
          selectedCardId={selected}
          onSelect={select}
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
        <Dialog
          heading={format(t.archiveCardLabel, { title: localize(card.title, lang) })}
          onClose={() => close()}
        >
          <p>{s.archiveConfirm}</p>
          <div className="fdr-actions">
            <button
              type="button"
              className="fdr-button fdr-button--danger"
              data-testid="archive-confirm"
              onClick={() => {
                const next = neighbour(card.id);
                if (run((doc, o) => archiveCard(doc, { id: card.id }, o))) close(next);
              }}
            >
              {t.archiveCard}
            </button>
            <button type="button" className="fdr-button fdr-button--quiet" onClick={() => close()}>
              {s.cancel}
            </button>
          </div>
        </Dialog>
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
      {open?.kind === 'import' && (
        <ImportDialog
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
