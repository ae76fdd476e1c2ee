import {
  isModelError,
  type Localized,
  localize,
  type MoveCardInput,
  moveCard,
  type Roadmap,
} from '@fdr/model';
import type { Editor, TLShape, TLShapeId } from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Identity } from '../sync/identity.ts';
import { AnnotationBinding, isAnnotationRecord } from './AnnotationBinding.ts';
import type { BoardView } from './BoardView.ts';
import { setCardEvents } from './cardEvents.ts';
import {
  CARD_SHAPE,
  type CardShape,
  type CardShapeProps,
  cardIdOfShape,
  cardShapeId,
  cardShapeProps,
} from './cardShape.ts';
import { clearViewport } from './fitBoard.ts';
import { type BoardLayout, dropTarget } from './layout.ts';
import { openOnDoubleClick } from './openOnDoubleClick.ts';
import { PresenceBinding } from './PresenceBinding.ts';
import { type DesiredShape, projectShapes } from './projectShapes.ts';
import type { DragState } from './readPeer.ts';

export interface CanvasBindingOptions {
  doc: Y.Doc;
  awareness: Awareness;
  view: BoardView;
  identity: Identity;
  /** Origin of this user's document writes (the undo manager tracks it). */
  origin: unknown;
  /** Origin of bookkeeping writes that undo must not revert (the annotations schema). */
  schemaOrigin: unknown;
  onOpenCard(cardId: string): void;
  /** A refused action, in both languages. */
  onError(message: Localized): void;
  /** Called before each new drop, so each move is its own undo step. */
  onCommand(): void;
}

/** Drag positions go out at most this often through awareness (peers draw a ghost). */
const DRAG_PUBLISH_MS = 40;

/**
 * Binds one tldraw editor to the board: task-team cards are projected from the model into card
 * shapes (positions from the layout, ids from card ids), a drop becomes one model command,
 * annotations sync with their part of the doc, and presence goes through awareness.
 */
export class CanvasBinding {
  readonly annotations: AnnotationBinding;
  readonly presence: PresenceBinding;
  private readonly editor: Editor;
  private readonly options: CanvasBindingOptions;
  private readonly disposers: (() => void)[] = [];
  /** Cards this user is dragging: the projection leaves their position alone meanwhile. */
  private readonly dragging = new Map<string, { x: number; y: number }>();
  private readonly drops = new Map<string, { x: number; y: number; w: number; h: number }>();
  private dropQueued = false;
  private dragTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(editor: Editor, options: CanvasBindingOptions) {
    this.editor = editor;
    this.options = options;
    const { view } = options;

    setCardEvents(editor, {
      translateStart: (shape) => this.dragging.set(shape.props.cardId, { x: shape.x, y: shape.y }),
      translate: (shape) => {
        this.dragging.set(shape.props.cardId, { x: shape.x, y: shape.y });
        this.scheduleDragPublish();
      },
      translateEnd: (shape) => this.queueDrop(shape),
      translateCancel: (shape) => {
        this.dragging.delete(shape.props.cardId);
        this.publishDrag();
        this.project(true);
      },
      locale: () => view.locale.get(),
      placeOf: (cardId) => {
        const roadmap = view.roadmap.get();
        const card = roadmap?.cards.find((c) => c.id === cardId);
        if (!roadmap || !card) return '';
        const lang = view.locale.get();
        const domain = roadmap.domains.find((d) => d.id === card.domainId);
        const phase = roadmap.phases.find((p) => p.id === card.phaseId);
        return [domain, phase]
          .flatMap((record) => (record ? [localize(record.label, lang)] : []))
          .join(' · ');
      },
    });
    this.disposers.push(() => setCardEvents(editor, null));
    this.disposers.push(openOnDoubleClick(editor, options.onOpenCard));

    this.protectCards();
    this.disableOutsideContent();

    // Cards first: arrows in the annotations may be bound to them.
    this.project(false);
    this.disposers.push(view.onChange(() => this.project(false)));
    this.annotations = new AnnotationBinding(editor.store, options.doc, {
      origin: options.origin,
      schemaOrigin: options.schemaOrigin,
    });
    this.presence = new PresenceBinding(editor, options.awareness, view, options.identity);
  }

  dispose(): void {
    if (this.dragTimer) clearTimeout(this.dragTimer);
    this.annotations.dispose();
    this.presence.dispose();
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  /** Runs a model command as this user, in one transaction; reports a refusal instead of throwing. */
  run(command: () => void): boolean {
    this.options.onCommand();
    try {
      this.options.doc.transact(command, this.options.origin);
      return true;
    } catch (error) {
      if (!isModelError(error)) throw error;
      this.options.onError(error.messages);
      return false;
    } finally {
      // Read the model now rather than at the end of the tick: the caller may select the card next.
      this.options.view.refresh();
      this.project(true);
    }
  }

  /** Selects a card and brings it into view (after a keyboard move, or from the side panel). */
  reveal(cardId: string): void {
    const id = cardShapeId(cardId);
    const shape = this.editor.getShape(id);
    if (!shape) return;
    this.editor.select(id);
    const bounds = this.editor.getShapePageBounds(id);
    // Not only on screen: clear of the pinned headers and lane labels too.
    if (bounds && !clearViewport(this.editor).contains(bounds)) {
      this.editor.centerOnPoint(bounds.center, { animation: { duration: 200 } });
    }
  }

  /**
   * Makes the card shapes match the model. With `resetPositions`, cards this user just dropped go
   * back to their computed place even when the model did not change (a drop outside the grid, or
   * on the same slot).
   */
  project(resetPositions: boolean): void {
    const roadmap = this.options.view.roadmap.get();
    const layout = this.options.view.layout.get();
    if (!roadmap || !layout) return;
    const now = new Date(this.options.view.now.get());
    projectShapes<CardShape>(
      this.editor,
      CARD_SHAPE,
      desiredCards(roadmap, layout, now),
      (id) => !resetPositions && this.dragging.has(cardIdOfShape(id) ?? ''),
    );
  }

  private queueDrop(shape: CardShape): void {
    this.drops.set(shape.props.cardId, {
      x: shape.x,
      y: shape.y,
      w: shape.props.w,
      h: shape.props.h,
    });
    if (this.dropQueued) return;
    this.dropQueued = true;
    // tldraw ends the translation of every selected shape before we act: one command for them all.
    queueMicrotask(() => {
      this.dropQueued = false;
      this.commitDrops();
    });
  }

  private commitDrops(): void {
    const layout = this.options.view.layout.get();
    const drops = [...this.drops];
    this.drops.clear();
    const moves: MoveCardInput[] = [];
    let outside = false;
    if (layout) {
      for (const [cardId, box] of drops) {
        const target = dropTarget(layout, cardId, { x: box.x + box.w / 2, y: box.y + box.h / 2 });
        if (!target) outside = true;
        else if (!target.unchanged) {
          moves.push({
            id: cardId,
            domainId: target.domainId,
            phaseId: target.phaseId,
            position: target.position,
          });
        }
      }
    }
    for (const [cardId] of drops) this.dragging.delete(cardId);
    this.publishDrag();
    if (outside && moves.length === 0) {
      this.options.onError({
        fr: 'Déposez la carte dans une case du tableau.',
        en: 'Drop the card in a cell of the board.',
      });
    }
    if (moves.length === 0) {
      this.project(true);
      return;
    }
    const { doc } = this.options;
    this.run(() => {
      for (const move of moves) {
        try {
          moveCard(doc, move, this.options.origin);
        } catch (error) {
          // Several cards dropped together may name each other as neighbours; fall back to "last".
          if (!isModelError(error) || error.code !== 'invalid-position') throw error;
          moveCard(doc, { ...move, position: {} }, this.options.origin);
        }
      }
    });
  }

  private scheduleDragPublish(): void {
    if (this.dragTimer) return;
    this.dragTimer = setTimeout(() => {
      this.dragTimer = null;
      this.publishDrag();
    }, DRAG_PUBLISH_MS);
  }

  private publishDrag(): void {
    if (this.dragTimer) {
      clearTimeout(this.dragTimer);
      this.dragTimer = null;
    }
    const cards = [...this.dragging].map(([cardId, p]) => ({ cardId, x: p.x, y: p.y }));
    const drag: DragState | null = cards.length > 0 ? { cards } : null;
    this.presence.setDrag(drag);
  }

  /** Cards change only through the model: no resize, rotation, nudge, reparenting or deletion. */
  private protectCards(): void {
    const { editor } = this;
    const isCard = (shape: TLShape) => shape.type === CARD_SHAPE;
    this.disposers.push(
      editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
        if (source !== 'user' || !isCard(prev)) return next;
        const cardId = (prev as CardShape).props.cardId;
        // Only a drag in progress may move a card; it lands through the drop command.
        if (this.dragging.has(cardId) || editor.isIn('select.translating')) {
          return { ...prev, x: next.x, y: next.y };
        }
        return prev;
      }),
      editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
        if (source === 'user' && isCard(shape)) return false;
        return;
      }),
      editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
        // Cards come from the projection only (as remote changes): a card the user created is a
        // paste or a duplicate, not a task team. Shape types the board does not keep go too.
        if (source !== 'user' || (!isCard(shape) && isAnnotationRecord(shape))) return;
        queueMicrotask(() =>
          editor.store.mergeRemoteChanges(() => {
            if (editor.getShape(shape.id)) editor.deleteShapes([shape.id]);
          }),
        );
      }),
    );
  }

  /** Nothing from another site: no link previews (bookmarks), no embeds, no uploaded files. */
  private disableOutsideContent(): void {
    const { editor } = this;
    editor.registerExternalContentHandler('url', async ({ url, point, sources }) => {
      // A pasted link stays a link, as text, and nothing is fetched.
      await editor.putExternalContent({
        type: 'text',
        text: url,
        ...(point ? { point } : {}),
        ...(sources ? { sources } : {}),
      });
    });
    editor.registerExternalContentHandler('embed', async () => {});
    editor.registerExternalContentHandler('files', async () => {
      this.options.onError({
        fr: 'Les images et fichiers ne sont pas pris en charge sur ce tableau.',
        en: 'Images and files are not supported on this board.',
      });
    });
    editor.registerExternalAssetHandler('url', null);
  }
}

function desiredCards(
  roadmap: Roadmap,
  layout: BoardLayout,
  now: Date,
): Map<TLShapeId, DesiredShape<CardShapeProps>> {
  const result = new Map<TLShapeId, DesiredShape<CardShapeProps>>();
  const phases = new Map(roadmap.phases.map((p) => [p.id, p]));
  for (const card of roadmap.cards) {
    const place = layout.cards.get(card.id);
    if (!place) continue;
    result.set(cardShapeId(card.id), {
      x: place.x,
      y: place.y,
      props: {
        ...cardShapeProps(
          card,
          phases.get(card.phaseId),
          roadmap.board.settings.staleAfterDays,
          now,
        ),
        // A card stands in (or spans, as a strip) the columns of its periods.
        w: place.w,
        h: place.h,
      },
    });
  }
  return result;
}
