import {
  type Localized,
  localize,
  type Roadmap,
  type UpdateItemInput,
  updateItem,
} from '@fdr/model';
import type { Editor, TLShapeId } from 'tldraw';
import type * as Y from 'yjs';
import type { BoardView } from '../board/BoardView.ts';
import type { CanvasBinding } from '../board/CanvasBinding.ts';
import { type BoardLayout, type ItemGesture, itemTarget } from '../board/layout.ts';
import { type DesiredShape, projectShapes } from '../board/projectShapes.ts';
import { format } from '../i18n/format.ts';
import { setItemEvents } from './itemEvents.ts';
import {
  ITEM_SHAPE,
  type ItemShape,
  type ItemShapeProps,
  itemIdOfShape,
  itemShapeId,
  itemShapeProps,
} from './itemShape.ts';
import { timelineStrings } from './timelineStrings.ts';

export interface ItemBindingOptions {
  doc: Y.Doc;
  view: BoardView;
  /** The board's canvas binding: it runs commands and carries presence. */
  canvas: CanvasBinding;
  /** Origin of this user's document writes (the undo manager tracks it). */
  origin: unknown;
  onOpenItem(itemId: string): void;
  onError(message: Localized): void;
}

/** Bar positions go out at most this often through awareness (peers draw a ghost). */
const DRAG_PUBLISH_MS = 40;

interface Drag {
  gesture: ItemGesture;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Binds the roadmap items to the canvas: each item is projected into a bar shape (box from the
 * layout, id from the item id); moving a bar or stretching one of its ends is shown to peers as a
 * ghost through presence, and the drop is one `updateItem` (snapped to the period columns).
 */
export class ItemBinding {
  private readonly editor: Editor;
  private readonly options: ItemBindingOptions;
  private readonly disposers: (() => void)[] = [];
  private readonly drags = new Map<string, Drag>();
  private readonly drops = new Map<string, Drag>();
  private dropQueued = false;
  private publishTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(editor: Editor, options: ItemBindingOptions) {
    this.editor = editor;
    this.options = options;
    const { view } = options;
    setItemEvents(editor, {
      dragStart: (shape, gesture) => this.track(shape, gesture),
      drag: (shape, gesture) => {
        this.track(shape, gesture);
        this.schedulePublish();
      },
      dragEnd: (shape, gesture) => this.queueDrop(shape, gesture),
      dragCancel: (shape) => {
        this.drags.delete(shape.props.itemId);
        this.publish();
        this.project(true);
      },
      open: (itemId) => options.onOpenItem(itemId),
      locale: () => view.locale.get(),
    });
    this.disposers.push(() => setItemEvents(editor, null));
    this.protectItems();
    this.project(false);
    this.disposers.push(view.onChange(() => this.project(false)));
  }

  dispose(): void {
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.drags.clear();
    this.publish();
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  /** Selects an item's bar and brings it into view. */
  reveal(itemId: string): void {
    const id = itemShapeId(itemId);
    if (!this.editor.getShape(id)) return;
    this.editor.select(id);
    const bounds = this.editor.getShapePageBounds(id);
    if (bounds && !this.editor.getViewportPageBounds().contains(bounds)) {
      this.editor.centerOnPoint(bounds.center, { animation: { duration: 200 } });
    }
  }

  /** Makes the bars match the model; `resetPositions` puts dropped bars back in their place. */
  project(resetPositions: boolean): void {
    const roadmap = this.options.view.roadmap.get();
    const layout = this.options.view.layout.get();
    if (!roadmap || !layout) return;
    projectShapes<ItemShape>(
      this.editor,
      ITEM_SHAPE,
      desiredItems(roadmap, layout),
      (id) => !resetPositions && this.drags.has(itemIdOfShape(id) ?? ''),
    );
  }

  private track(shape: ItemShape, gesture: ItemGesture): void {
    this.drags.set(shape.props.itemId, {
      gesture,
      x: shape.x,
      y: shape.y,
      w: shape.props.w,
      h: shape.props.h,
    });
  }

  private queueDrop(shape: ItemShape, gesture: ItemGesture): void {
    this.track(shape, gesture);
    const drag = this.drags.get(shape.props.itemId);
    if (drag) this.drops.set(shape.props.itemId, drag);
    if (this.dropQueued) return;
    this.dropQueued = true;
    // tldraw ends the gesture of every selected shape before we act: one command for them all.
    queueMicrotask(() => {
      this.dropQueued = false;
      this.commitDrops();
    });
  }

  private commitDrops(): void {
    const layout = this.options.view.layout.get();
    const drops = [...this.drops];
    this.drops.clear();
    const updates: UpdateItemInput[] = [];
    let outside = false;
    if (layout) {
      for (const [itemId, drag] of drops) {
        const target = itemTarget(layout, itemId, drag, drag.gesture);
        if (!target) outside = true;
        else if (!target.unchanged) {
          const current = layout.items.get(itemId);
          updates.push({
            id: itemId,
            startPeriodId: target.startPeriodId,
            endPeriodId: target.endPeriodId,
            ...(current?.domainId !== target.domainId ? { domainId: target.domainId } : {}),
          });
        }
      }
    }
    for (const [itemId] of drops) this.drags.delete(itemId);
    this.publish();
    if (outside && updates.length === 0) {
      this.options.onError({
        fr: timelineStrings.fr.dropOutside,
        en: timelineStrings.en.dropOutside,
      });
    }
    if (updates.length === 0) {
      this.project(true);
      return;
    }
    const { doc, origin } = this.options;
    this.options.canvas.run(() => {
      for (const update of updates) updateItem(doc, update, origin);
    });
  }

  private schedulePublish(): void {
    if (this.publishTimer) return;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      this.publish();
    }, DRAG_PUBLISH_MS);
  }

  private publish(): void {
    if (this.publishTimer) {
      clearTimeout(this.publishTimer);
      this.publishTimer = null;
    }
    const items = [...this.drags].map(([itemId, d]) => ({ itemId, x: d.x, y: d.y, w: d.w }));
    this.options.canvas.presence.setItemDrag(items);
  }

  /** Bars change only through the model: no rotation, height, nudge, reparenting or deletion. */
  private protectItems(): void {
    const { editor } = this;
    const isItem = (shape: { type: string }) => shape.type === ITEM_SHAPE;
    this.disposers.push(
      editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
        if (source !== 'user' || !isItem(prev)) return next;
        const itemId = (prev as ItemShape).props.itemId;
        const gesture = editor.isIn('select.translating') || editor.isIn('select.resizing');
        if (!this.drags.has(itemId) && !gesture) return prev;
        const before = prev as ItemShape;
        const after = next as ItemShape;
        return { ...before, x: after.x, y: after.y, props: { ...before.props, w: after.props.w } };
      }),
      editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
        if (source === 'user' && isItem(shape)) return false;
        return;
      }),
    );
  }
}

/** "Period 1 to Period 3", or "Period 2" for a bar of one period. */
export function spanText(
  roadmap: Roadmap,
  startPeriodId: string,
  endPeriodId: string,
  lang: 'fr' | 'en',
): string {
  const periods = roadmap.phases.flatMap((phase) => phase.periods);
  const label = (id: string) => {
    const period = periods.find((p) => p.id === id);
    return period ? localize(period.label, lang) : id;
  };
  if (startPeriodId === endPeriodId) return label(startPeriodId);
  return format(timelineStrings[lang].span, {
    start: label(startPeriodId),
    end: label(endPeriodId),
  });
}

function desiredItems(
  roadmap: Roadmap,
  layout: BoardLayout,
): Map<TLShapeId, DesiredShape<ItemShapeProps>> {
  const result = new Map<TLShapeId, DesiredShape<ItemShapeProps>>();
  for (const item of roadmap.items) {
    const place = layout.items.get(item.id);
    if (!place) continue;
    const span = {
      fr: spanText(roadmap, item.startPeriodId, item.endPeriodId, 'fr'),
      en: spanText(roadmap, item.startPeriodId, item.endPeriodId, 'en'),
    };
    result.set(itemShapeId(item.id), {
      x: place.x,
      y: place.y,
      props: itemShapeProps(item, place, span),
    });
  }
  return result;
}
