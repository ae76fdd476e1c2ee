import 'tldraw/tldraw.css';
import '../board/board.css';
import '../cards/cards.css';
import './versions.css';
import { fromJSON, type Roadmap } from '@fdr/model';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Editor, Tldraw } from 'tldraw';
import { Awareness } from 'y-protocols/awareness';
import { BoardProvider } from '../board/BoardContext.tsx';
import { BoardView } from '../board/BoardView.ts';
import { CanvasBinding } from '../board/CanvasBinding.ts';
import { StickyHeaders } from '../board/CanvasLayers.tsx';
import { CANVAS_ASSET_URLS, CANVAS_SHAPE_UTILS, canvasComponents } from '../board/canvasSetup.ts';
import { cardShapeId } from '../board/cardShape.ts';
import { fitBoard } from '../board/fitBoard.ts';
import { useCanvasUser } from '../board/useCanvasUser.ts';
import { ViewControls } from '../board/ViewControls.tsx';
import type { Lang } from '../i18n/strings.ts';
import { ItemBinding } from '../timeline/ItemBinding.ts';
import { CompareOverlay } from './CompareOverlay.tsx';
import { type Highlights, layoutWithGhosts } from './compareHighlights.ts';
import { HighlightContext } from './HighlightContext.ts';

function InFront() {
  return (
    <>
      <StickyHeaders />
      <CompareOverlay />
    </>
  );
}

// A version is only read: no style panel and no main menu either.
const COMPONENTS = canvasComponents(InFront, { MainMenu: null, StylePanel: null });

/** Who reads a version: a presence of one, for the binding and tldraw's user. */
const READER = { id: 'version-reader', name: '', color: '#455a64' };

/** What the page around the canvas may ask of it. */
export interface CanvasControls {
  /** Selects a card (or its ghost) and brings it into view. */
  show(cardId: string): void;
}

interface Session {
  view: BoardView;
  doc: ReturnType<typeof fromJSON>;
  awareness: Awareness;
}

/**
 * A roadmap drawn with the live board's own projection (card shapes, grid, headers, annotations),
 * read-only and connected to nothing: a Y.Doc built from the JSON with the model's `fromJSON`.
 * With `highlights`, the changes of a comparison are drawn over it.
 */
export function ReadOnlyCanvas({
  roadmap,
  from,
  highlights,
  lang,
  licenseKey,
  label,
  onReady,
}: {
  roadmap: Roadmap;
  /** The older state of a comparison (where ghosts go). */
  from?: Roadmap;
  highlights?: Highlights;
  lang: Lang;
  licenseKey: string | null;
  /** Accessible name of the canvas region. */
  label: string;
  onReady?: (controls: CanvasControls) => void;
}) {
  const [session, setSession] = useState<Session | null>(null);
  // The editor, for the view controls.
  const [editor, setEditor] = useState<Editor | null>(null);

  useEffect(() => {
    const doc = fromJSON(roadmap);
    const ghosts = highlights?.ghosts ?? [];
    const view = new BoardView(doc, {
      layoutOf: (shown) => layoutWithGhosts(shown, from ?? shown, ghosts),
    });
    const awareness = new Awareness(doc);
    setSession({ view, doc, awareness });
    return () => {
      awareness.destroy();
      view.dispose();
      doc.destroy();
    };
  }, [roadmap, from, highlights]);

  useEffect(() => {
    session?.view.locale.set(lang);
  }, [session, lang]);

  const onMount = useCallback(
    (editor: Editor) => {
      if (!session) return;
      const origin = { version: true };
      const binding = new CanvasBinding(editor, {
        doc: session.doc,
        awareness: session.awareness,
        view: session.view,
        identity: READER,
        origin,
        schemaOrigin: origin,
        onOpenCard: () => {},
        onError: () => {},
        onCommand: () => {},
      });
      // The roadmap items' bars, read only (no panel on a version).
      const items = new ItemBinding(editor, {
        doc: session.doc,
        view: session.view,
        canvas: binding,
        origin,
        onOpenItem: () => {},
        onError: () => {},
      });
      editor.updateInstanceState({ isReadonly: true });
      setEditor(editor);
      const layout = session.view.layout.get();
      if (layout) fitBoard(editor, layout);
      onReady?.({
        show(cardId) {
          const shape = editor.getShape(cardShapeId(cardId));
          if (shape) {
            binding.reveal(cardId);
            return;
          }
          const place = session.view.layout
            .get()
            ?.cards.get(highlights?.ghosts.find((g) => g.cardId === cardId)?.slotId ?? '');
          if (place) editor.centerOnPoint({ x: place.x + 116, y: place.y + 68 });
        },
      });
      return () => {
        items.dispose();
        binding.dispose();
        setEditor(null);
      };
    },
    [session, highlights, onReady],
  );

  const tldrawUser = useCanvasUser(READER, lang);

  const context = useMemo(
    () => (session ? { lang, view: session.view, connection: null } : null),
    [session, lang],
  );

  if (!session || !context) return null;
  return (
    <section
      className="fdr-canvas fdr-version-canvas"
      aria-label={label}
      data-testid="version-canvas"
    >
      <BoardProvider value={context}>
        <HighlightContext.Provider value={highlights ?? null}>
          <Tldraw
            key={String(session.doc.clientID)}
            licenseKey={licenseKey ?? undefined}
            assetUrls={CANVAS_ASSET_URLS}
            locale={lang}
            shapeUtils={CANVAS_SHAPE_UTILS}
            components={COMPONENTS}
            onMount={onMount}
            user={tldrawUser}
            colorScheme="light"
          />
        </HighlightContext.Provider>
      </BoardProvider>
      {/* A version is read like the live board: whole, or at a readable size. */}
      <div className="fdr-version-canvas__view">
        <ViewControls editor={editor} view={session.view} lang={lang} />
      </div>
    </section>
  );
}
