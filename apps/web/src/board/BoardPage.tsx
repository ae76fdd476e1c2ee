import 'tldraw/tldraw.css';
import './board.css';
import '../cards/cards.css';
import { type BoardRole, canAdminister, type Localized, localize } from '@fdr/model';
import {
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type Editor, Tldraw, useValue } from 'tldraw';
import { getConfig, type PublicConfig } from '../api.ts';
import type { BoardPageProps } from '../BoardPageProps.ts';
import { CommentsSection } from '../comments/CommentsSection.tsx';
import type { CommentTarget } from '../comments/commentsApi.ts';
import { markedState, threadFromUrl } from '../comments/threadInUrl.ts';
import { watchCommentCounts } from '../comments/useComments.ts';
import type { CommentViewer } from '../comments/viewer.ts';
import { CanvasExportMenu } from '../export/CanvasExportMenu.tsx';
import { accountStrings } from '../i18n/accountStrings.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { viewStrings } from '../i18n/viewStrings.ts';
import { LangSwitch } from '../LangSwitch.tsx';
import { Link } from '../Link.tsx';
import { CardDecisionsSection } from '../meetings/CardDecisionsSection.tsx';
import { CardVoteSection } from '../meetings/CardVoteSection.tsx';
import { MeetingBar } from '../meetings/MeetingBar.tsx';
import { watchBoardMeetings } from '../meetings/useBoardMeetings.ts';
import { visibleVoteCounts } from '../meetings/voteCounts.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { membersPath, structurePath } from '../router.ts';
import { structureStrings } from '../structure/structureStrings.ts';
import { type Identity, loadIdentity, saveIdentity } from '../sync/identity.ts';
import { useCanvasSelectionInUrl } from '../table/useCanvasSelectionInUrl.ts';
import { ViewSwitch } from '../table/ViewSwitch.tsx';
import { CardItems } from '../timeline/CardItems.tsx';
import { ItemBinding } from '../timeline/ItemBinding.ts';
import { ItemDialog, type ItemDialogMode } from '../timeline/ItemDialog.tsx';
import { ItemGhosts } from '../timeline/ItemGhosts.tsx';
import { ItemPanel } from '../timeline/ItemPanel.tsx';
import { itemIdOfShape } from '../timeline/itemShape.ts';
import { timelineStrings } from '../timeline/timelineStrings.ts';
import { BoardProvider, useBoard } from './BoardContext.tsx';
import { BoardStylePanel } from './BoardStylePanel.tsx';
import { CanvasBinding } from './CanvasBinding.ts';
import { DragGhosts, StickyHeaders } from './CanvasLayers.tsx';
import { CardPanel, type PanelMode, type RunCommand } from './CardPanel.tsx';
import { CANVAS_ASSET_URLS, CANVAS_SHAPE_UTILS, canvasComponents } from './canvasSetup.ts';
import { setCardCommentCounts } from './cardComments.ts';
import { cardKeyAction } from './cardKeyAction.ts';
import { cardIdOfShape } from './cardShape.ts';
import { setCardVoteCounts } from './cardVotes.ts';
import { EditTools } from './EditTools.tsx';
import { boardCameraOptions, fitBoard } from './fitBoard.ts';
import { Legend } from './Legend.tsx';
import { LiveReadProblems } from './LiveReadProblems.tsx';
import { canCheckInOnBoard, canEditBoard } from './liveRole.ts';
import { MoveDialog } from './MoveDialog.tsx';
import { PeopleBar } from './PeopleBar.tsx';
import { PresenceBoundary } from './PresenceBoundary.tsx';
import { ReportLinks } from './ReportLinks.tsx';
import { RoleNotice } from './RoleNotice.tsx';
import { SyncBadge } from './SyncBadge.tsx';
import { TopBarMenu } from './TopBarMenu.tsx';
import { boardOverrides } from './uiOverrides.ts';
import { useBoardSession } from './useBoardSession.ts';
import { useCanvasUser } from './useCanvasUser.ts';
import type { LiveBoard } from './useLiveBoard.ts';
import { ViewControls } from './ViewControls.tsx';

function InFront() {
  const { view } = useBoard();
  const ghosts = useValue('ghosts', () => view.ghosts.get(), [view]);
  return (
    <>
      <StickyHeaders />
      <PresenceBoundary resetKey={ghosts}>
        <DragGhosts />
        <ItemGhosts />
      </PresenceBoundary>
    </>
  );
}

const COMPONENTS = canvasComponents(InFront, { StylePanel: BoardStylePanel });

/** Time from navigation start to the first projection of the cards (see the README). */
declare global {
  interface Window {
    __fdrFirstRenderMs?: number;
  }
}

/** The board route: the live roadmap on a tldraw canvas, with the people, sync state and panels. */
export default function BoardPage({
  boardId,
  lang,
  setLang,
  role = null,
  cardIds = [],
  userName = null,
  userId = null,
}: BoardPageProps & {
  /** The signed-in user's role; null when unknown (offline): the server decides then. */
  role?: BoardRole | null;
  /** For a task-team member: the cards whose check-ins they record. */
  cardIds?: readonly string[];
  userName?: string | null;
  /** The signed-in account, for the conversations (their own comments). */
  userId?: string | null;
}) {
  const t = strings[lang];
  const [config, setConfig] = useState<PublicConfig | null>(null);
  useEffect(() => {
    void getConfig().then(setConfig);
  }, []);
  // Followed live: the tools come and go with the role, without a reload.
  const {
    session,
    status,
    roadmap,
    role: liveRole,
    notice,
    dismiss,
    blocker,
  } = useBoardSession(boardId, 'canvas', role, lang);

  useEffect(() => {
    session?.view.locale.set(lang);
  }, [session, lang]);

  const boardTitle = roadmap ? localize(roadmap.board.title, lang) : '';
  useEffect(() => {
    document.title = boardTitle ? `${boardTitle} — ${t.title}` : t.title;
  }, [boardTitle, t.title]);

  return (
    <div className="fdr-board-page">
      {/* The first Tab stop: straight to the cards, past the links and toolbars. */}
      {/* biome-ignore lint/a11y/useValidAnchor: a real in-page link; the click also focuses tldraw's canvas inside the target */}
      <a
        className="fdr-skip-link"
        href="#fdr-board"
        data-testid="skip-to-board"
        onClick={skipToBoard}
      >
        {viewStrings[lang].skipToBoard}
      </a>
      <header className="fdr-topbar" data-testid="topbar">
        <Link href="/" className="fdr-topbar__back">
          <span aria-hidden="true">← </span>
          <span className="fdr-topbar__back-text">{t.back}</span>
        </Link>
        <h1 className="fdr-topbar__title" data-testid="board-title">
          {boardTitle}
        </h1>
        <TopBarMenu
          lang={lang}
          views={<ViewSwitch boardId={boardId} current="canvas" lang={lang} />}
        >
          {canAdminister(liveRole === 'none' ? null : liveRole) && (
            <Link href={membersPath(boardId)} className="fdr-button fdr-button--quiet">
              {accountStrings[lang].membersTitle}
            </Link>
          )}
          {canAdminister(liveRole === 'none' ? null : liveRole) && (
            <Link
              href={structurePath(boardId)}
              className="fdr-button fdr-button--quiet"
              title={structureStrings[lang].navStructureLabel}
              data-testid="nav-structure"
            >
              {structureStrings[lang].navStructure}
            </Link>
          )}
          <ReportLinks boardId={boardId} lang={lang} />
        </TopBarMenu>
        {session && <SyncBadge connection={session.connection} lang={lang} />}
        {/* Signed in (the account's name is known): the person's notifications. */}
        {userName !== null && <NotificationBell lang={lang} dark />}
        <LangSwitch lang={lang} setLang={setLang} />
      </header>
      {notice && <RoleNotice notice={notice} lang={lang} onDismiss={dismiss} />}
      <LiveReadProblems view={session?.view} lang={lang} />
      {blocker ? (
        <main className="fdr-board-message">
          <p role="alert">{blocker}</p>
          <Link href="/">{t.back}</Link>
        </main>
      ) : session && status === 'ready' && roadmap && config ? (
        <BoardCanvas
          // A board reopened from the server is a new doc: a new canvas over it.
          key={session.connection.doc.guid}
          session={session}
          lang={lang}
          licenseKey={config.tldrawLicenseKey}
          readOnly={!canEditBoard(liveRole)}
          mayCheckIn={(cardId) => canCheckInOnBoard(liveRole, cardIds, cardId)}
          userName={userName}
          viewer={{ userId, role: liveRole }}
        />
      ) : (
        <main className="fdr-board-message">
          <p role="status">{t.boardLoading}</p>
        </main>
      )}
    </div>
  );
}

/** A card's title in the UI language (else the other), for the names of its buttons. */
function cardLabelOf(
  roadmap: { cards: readonly { id: string; title: Localized }[] },
  cardId: string,
  lang: Lang,
) {
  const card = roadmap.cards.find((c) => c.id === cardId);
  return card ? localize(card.title, lang) : '';
}

/** The event the skip link sends to the canvas (see BoardCanvas). */
const SKIP_TO_BOARD = 'fdr-skip-to-board';

/** Moves focus to the canvas, where Tab goes through the cards. */
function skipToBoard(event: MouseEvent<HTMLAnchorElement>) {
  const board = document.getElementById('fdr-board');
  if (!board) return;
  event.preventDefault();
  board.dispatchEvent(new Event(SKIP_TO_BOARD));
}

function BoardCanvas({
  session,
  lang,
  licenseKey,
  readOnly,
  mayCheckIn,
  userName,
  viewer,
}: {
  session: LiveBoard;
  lang: Lang;
  licenseKey: string | null;
  /** Observers and task-team members read the board (the server drops their edits anyway). */
  readOnly: boolean;
  mayCheckIn: (cardId: string) => boolean;
  userName: string | null;
  viewer: CommentViewer;
}) {
  const t = strings[lang];
  const { connection, view, undo, origin } = session;
  // The annotation schema is written with its own origin, outside undo (see AnnotationBinding).
  const schemaOrigin = useMemo(() => ({ schema: connection.boardId }), [connection]);
  // Signed in, presence shows the account's name (the server stamps it too); a guest names
  // themselves in the people bar.
  const [identity, setIdentity] = useState<Identity>(() =>
    loadIdentity(t.defaultName, localStorage, Math.random, userName),
  );
  // Read once at mount; later renames go through the presence binding.
  const identityRef = useRef(identity);
  identityRef.current = identity;
  const [editor, setEditor] = useState<Editor | null>(null);
  const bindingRef = useRef<CanvasBinding | null>(null);
  const itemsRef = useRef<ItemBinding | null>(null);
  const [itemPanel, setItemPanel] = useState<string | null>(null);
  const [itemDialog, setItemDialog] = useState<ItemDialogMode | null>(null);
  // The selected card travels with the address to the table view and back.
  useCanvasSelectionInUrl(editor, (cardId) => bindingRef.current?.reveal(cardId));
  const [panel, setPanel] = useState<PanelMode | null>(null);
  // The panel was opened by a link to its thread: the thread takes focus.
  const [threadLink, setThreadLink] = useState<CommentTarget | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean; key: number } | null>(
    null,
  );
  const canvasRef = useRef<HTMLElement>(null);
  const roadmap = useValue('roadmap', () => view.roadmap.get(), [view]);
  const peers = useValue('peers', () => view.peers.get(), [view]);
  const langRef = useRef(lang);
  langRef.current = lang;

  const say = useCallback((text: string, error = false) => {
    setMessage({ text, error, key: Date.now() });
  }, []);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), 5000);
    return () => clearTimeout(timer);
  }, [message]);

  const undoHandler = useMemo(
    () => ({
      undo: () => {
        // Edits still gathering for the next write must be in the doc before undo looks at it.
        bindingRef.current?.annotations.flush();
        undo.undo();
      },
      redo: () => {
        bindingRef.current?.annotations.flush();
        undo.redo();
      },
    }),
    [undo],
  );
  const overrides = useMemo(() => boardOverrides(undoHandler), [undoHandler]);

  const tldrawUser = useCanvasUser(identity, lang);

  const onMount = useCallback(
    (mounted: Editor) => {
      const binding = new CanvasBinding(mounted, {
        doc: connection.doc,
        awareness: connection.awareness,
        view,
        identity: identityRef.current,
        origin,
        schemaOrigin,
        onOpenCard: (cardId) => {
          setItemPanel(null);
          setPanel({ kind: 'edit', cardId });
        },
        onError: (text: Localized) => say(text[langRef.current], true),
        onCommand: () => undo.stopCapturing(),
      });
      bindingRef.current = binding;
      const items = new ItemBinding(mounted, {
        doc: connection.doc,
        view,
        canvas: binding,
        origin,
        onOpenItem: (itemId) => {
          setPanel(null);
          setItemPanel(itemId);
        },
        onError: (text: Localized) => say(text[langRef.current], true),
      });
      itemsRef.current = items;
      setEditor(mounted);
      const layout = view.layout.get();
      // The whole board at first.
      if (layout) fitBoard(mounted, layout);
      if (window.__fdrFirstRenderMs === undefined) {
        window.__fdrFirstRenderMs = Math.round(performance.now());
      }
      return () => {
        items.dispose();
        itemsRef.current = null;
        binding.dispose();
        bindingRef.current = null;
        setEditor(null);
      };
    },
    [connection, view, origin, schemaOrigin, undo, say],
  );
  // The comment counts on the cards, live.
  useEffect(() => {
    if (!editor) return;
    return watchCommentCounts(connection.boardId, (counts) => setCardCommentCounts(editor, counts));
  }, [editor, connection]);
  // The dot-vote counts on the cards (votes with visible results), live.
  useEffect(() => {
    if (!editor) return;
    return watchBoardMeetings(connection.boardId, (state) =>
      setCardVoteCounts(editor, visibleVoteCounts(state.votes)),
    );
  }, [editor, connection]);
  // From the skip link: focus on the canvas and on the first card in view, so that Tab, Enter and
  // Shift+M act on cards at once (tldraw's Tab goes from a selected shape to the next).
  useEffect(() => {
    const section = canvasRef.current;
    if (!editor || !section) return;
    const onSkip = () => {
      section.querySelector<HTMLElement>('.tl-container')?.focus();
      editor.focus();
      if (editor.getSelectedShapeIds().length > 0) return;
      const viewport = editor.getViewportPageBounds();
      const first = editor.getCurrentPageShapesInReadingOrder().find((shape) => {
        const bounds = editor.getShapePageBounds(shape.id);
        return (
          cardIdOfShape(shape.id) !== null && bounds !== undefined && viewport.includes(bounds)
        );
      });
      if (first) editor.select(first.id);
    };
    section.addEventListener(SKIP_TO_BOARD, onSkip);
    return () => section.removeEventListener(SKIP_TO_BOARD, onSkip);
  }, [editor]);
  // The camera's bounds follow the board as lanes grow and phases are added.
  const layout = useValue('layout', () => view.layout.get(), [view]);
  useEffect(() => {
    if (editor && layout) editor.setCameraOptions(boardCameraOptions(layout));
  }, [editor, layout]);
  useEffect(() => {
    if (!editor) return;
    editor.updateInstanceState({ isReadonly: readOnly });
    if (!readOnly) return;
    // A role that no longer writes: leave any edit in progress.
    editor.setEditingShape(null);
    editor.setCurrentTool('select');
    setPanel(null);
    setMoving(null);
    setItemDialog(null);
  }, [editor, readOnly]);
  // `?card=` / `?item=` followed from a link: open that panel on its thread, once. After
  // the read-only effect above, which would otherwise close it again for roles that only read.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per editor
  useEffect(() => {
    if (!editor) return;
    const target = threadFromUrl(location.search, history.state);
    if (!target) return;
    history.replaceState(markedState(history.state), '', location.href);
    const known =
      target.kind === 'card'
        ? roadmap?.cards.some((c) => c.id === target.id && !c.archived)
        : roadmap?.items.some((i) => i.id === target.id);
    if (!known) return;
    setThreadLink(target);
    if (target.kind === 'card') {
      setItemPanel(null);
      setPanel({ kind: 'edit', cardId: target.id });
    } else {
      setPanel(null);
      itemsRef.current?.reveal(target.id);
      setItemPanel(target.id);
    }
  }, [editor]);

  const rename = (name: string) => {
    const next = { ...identity, name };
    saveIdentity(next);
    setIdentity(next);
    bindingRef.current?.presence.setUser(next);
  };

  const run: RunCommand = useCallback(
    (command) => {
      const binding = bindingRef.current;
      if (!binding) return false;
      return binding.run(() => command(connection.doc, origin));
    },
    [connection, origin],
  );

  const selectedCard = (): string | null => {
    const shape = editor?.getOnlySelectedShape();
    return shape ? cardIdOfShape(shape.id) : null;
  };

  const openMove = () => {
    const cardId = selectedCard();
    if (cardId) setMoving(cardId);
    else say(t.selectCardFirst, true);
  };

  const openEdit = () => {
    const cardId = selectedCard();
    if (cardId) setPanel({ kind: 'edit', cardId });
    else say(t.selectCardFirst, true);
  };

  const newCard = () => {
    const first = roadmap?.domains[0];
    const phase = roadmap?.phases[0];
    if (first && phase) setPanel({ kind: 'create', domainId: first.id, phaseId: phase.id });
  };

  const selectedItem = (): string | null => {
    const shape = editor?.getOnlySelectedShape();
    return shape ? itemIdOfShape(shape.id) : null;
  };

  const focusCanvas = () => {
    canvasRef.current?.querySelector<HTMLElement>('.tl-container')?.focus();
  };

  const closePanel = () => {
    setPanel(null);
    setItemPanel(null);
    setThreadLink(null);
    focusCanvas();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!editor || panel || itemPanel || moving || itemDialog || editor.getEditingShapeId()) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    // A roadmap item: Enter opens its panel (read-only roles read it), Shift+M its place dialog.
    const itemId = selectedItem();
    const itemAction = itemId && cardKeyAction(event);
    if (itemId && itemAction && (itemAction === 'edit' || !readOnly)) {
      event.preventDefault();
      event.stopPropagation();
      if (itemAction === 'edit') setItemPanel(itemId);
      else setItemDialog({ kind: 'move', itemId });
      return;
    }
    const cardId = selectedCard();
    const action = cardId && cardKeyAction(event);
    // Every role opens a card (read-only for those who do not edit); only editors move one.
    if (!cardId || !action || (readOnly && action === 'move')) return;
    event.preventDefault();
    event.stopPropagation();
    if (action === 'edit') setPanel({ kind: 'edit', cardId });
    else setMoving(cardId);
  };

  return (
    <BoardProvider value={{ lang, view, connection }}>
      <div className="fdr-toolbar">
        <PresenceBoundary resetKey={peers}>
          <PeopleBar
            view={view}
            editor={editor}
            identity={identity}
            onRename={userName ? null : rename}
            lang={lang}
          />
        </PresenceBoundary>
        <div className="fdr-toolbar__actions">
          {readOnly && (
            <p className="fdr-readonly" role="note" data-testid="read-only">
              {accountStrings[lang].readOnlyBoard}
            </p>
          )}
          {!readOnly && (
            <EditTools
              lang={lang}
              undo={undo}
              onUndo={undoHandler.undo}
              onRedo={undoHandler.redo}
              onEdit={openEdit}
              onMove={openMove}
              onNewCard={newCard}
            />
          )}
          {!readOnly && (
            <button
              type="button"
              className="fdr-button"
              onClick={() => {
                setItemPanel(null);
                setItemDialog({ kind: 'create' });
              }}
              data-testid="new-item"
            >
              {timelineStrings[lang].newItem}
            </button>
          )}
          {roadmap && (
            <CanvasExportMenu
              editor={editor}
              roadmap={roadmap}
              boardId={connection.boardId}
              lang={lang}
              say={say}
            />
          )}
          <ViewControls editor={editor} view={view} lang={lang} />
          <Legend lang={lang} />
        </div>
      </div>
      <MeetingBar
        boardId={connection.boardId}
        editor={editor}
        view={view}
        lang={lang}
        userId={viewer.userId}
        isSecretariat={canAdminister(viewer.role === 'none' ? null : viewer.role)}
      />
      <main className="fdr-board-main">
        <section
          id="fdr-board"
          ref={canvasRef}
          className="fdr-canvas"
          aria-label={t.boardRegion}
          aria-describedby="fdr-keyboard-hint"
          onKeyDownCapture={onKeyDown}
          data-testid="board-canvas"
        >
          <p id="fdr-keyboard-hint" className="fdr-sr-only">
            {t.keyboardHint}
          </p>
          <Tldraw
            licenseKey={licenseKey ?? undefined}
            assetUrls={CANVAS_ASSET_URLS}
            locale={lang}
            shapeUtils={CANVAS_SHAPE_UTILS}
            components={COMPONENTS}
            overrides={overrides}
            user={tldrawUser}
            onMount={onMount}
            colorScheme="light"
          />
        </section>
        {itemPanel && roadmap && (
          <ItemPanel
            key={itemPanel}
            itemId={itemPanel}
            roadmap={roadmap}
            lang={lang}
            run={run}
            readOnly={readOnly}
            onClose={closePanel}
            onDone={(itemId, text) => {
              say(text);
              closePanel();
              if (itemId) itemsRef.current?.reveal(itemId);
            }}
            comments={
              <CommentsSection
                boardId={connection.boardId}
                target={{ kind: 'item', id: itemPanel }}
                lang={lang}
                viewer={viewer}
                focus={threadLink?.kind === 'item' && threadLink.id === itemPanel}
              />
            }
          />
        )}
        {panel && roadmap && (
          <CardPanel
            key={panel.kind === 'edit' ? panel.cardId : 'new'}
            mode={panel}
            roadmap={roadmap}
            lang={lang}
            run={run}
            boardId={connection.boardId}
            readOnly={readOnly}
            // Council and secretariat record check-ins for every card, a task-team member for
            // their own cards (the server enforces both).
            canCheckIn={panel.kind === 'edit' && mayCheckIn(panel.cardId)}
            onClose={closePanel}
            onDone={(cardId, text) => {
              say(text);
              closePanel();
              if (cardId) bindingRef.current?.reveal(cardId);
            }}
            comments={
              panel.kind === 'edit' && (
                <CommentsSection
                  boardId={connection.boardId}
                  target={{ kind: 'card', id: panel.cardId }}
                  lang={lang}
                  viewer={viewer}
                  focus={threadLink?.kind === 'card' && threadLink.id === panel.cardId}
                />
              )
            }
          >
            {panel.kind === 'edit' && (
              <CardVoteSection
                boardId={connection.boardId}
                cardId={panel.cardId}
                cardLabel={cardLabelOf(roadmap, panel.cardId, lang)}
                lang={lang}
                mayVote={viewer.role === 'council'}
              />
            )}
            {panel.kind === 'edit' && (
              <CardDecisionsSection
                boardId={connection.boardId}
                cardId={panel.cardId}
                lang={lang}
              />
            )}
            {panel.kind === 'edit' && (
              <CardItems
                cardId={panel.cardId}
                roadmap={roadmap}
                lang={lang}
                onOpen={(itemId) => {
                  setPanel(null);
                  setItemPanel(itemId);
                }}
              />
            )}
          </CardPanel>
        )}
      </main>
      {moving && roadmap && (
        <MoveDialog
          cardId={moving}
          roadmap={roadmap}
          lang={lang}
          run={run}
          onClose={() => {
            setMoving(null);
            focusCanvas();
          }}
          onMoved={(cardId) => {
            setMoving(null);
            say(t.moved);
            // The moved card stays selected and the canvas keeps focus: the next key acts on it.
            bindingRef.current?.reveal(cardId);
            focusCanvas();
          }}
        />
      )}
      {itemDialog && roadmap && (
        <ItemDialog
          mode={itemDialog}
          roadmap={roadmap}
          lang={lang}
          run={run}
          onClose={() => {
            setItemDialog(null);
            canvasRef.current?.querySelector<HTMLElement>('.tl-container')?.focus();
          }}
          onDone={(itemId, text) => {
            setItemDialog(null);
            say(text);
            itemsRef.current?.reveal(itemId);
            canvasRef.current?.querySelector<HTMLElement>('.tl-container')?.focus();
          }}
        />
      )}
      <output
        className={`fdr-toast ${message?.error ? 'fdr-toast--error' : ''}`}
        aria-live="polite"
        data-testid="toast"
      >
        {message?.text}
      </output>
    </BoardProvider>
  );
}
