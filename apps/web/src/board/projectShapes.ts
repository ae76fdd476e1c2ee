import type { Editor, TLShape, TLShapeId, TLShapePartial } from 'tldraw';

/** Where a model record's shape must be, and what it shows. */
export interface DesiredShape<Props extends object> {
  x: number;
  y: number;
  props: Props;
}

/**
 * Makes the shapes of one type match the model's projection: creates the missing ones, updates
 * those that moved or changed, removes those the model no longer has. A shape `held(id)` (being
 * dragged by this user) keeps its place. Written as remote changes: they never enter tldraw's
 * own history, and the side effects that guard model shapes from users let them through.
 */
export function projectShapes<S extends TLShape>(
  editor: Editor,
  type: S['type'],
  desired: ReadonlyMap<TLShapeId, DesiredShape<S['props']>>,
  held: (id: TLShapeId) => boolean,
): void {
  const pageId = editor.getCurrentPageId();
  const existing = new Map<TLShapeId, S>();
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type === type) existing.set(shape.id, shape as S);
  }
  const create: TLShapePartial<S>[] = [];
  const update: TLShapePartial<S>[] = [];
  for (const [id, want] of desired) {
    const current = existing.get(id);
    existing.delete(id);
    if (!current) {
      create.push({
        id,
        type,
        parentId: pageId,
        x: want.x,
        y: want.y,
        props: want.props,
      } as TLShapePartial<S>);
      continue;
    }
    const hold = held(id);
    const moved = !hold && (current.x !== want.x || current.y !== want.y);
    const changed = !sameProps(current.props, want.props);
    if (moved || changed || current.parentId !== pageId || current.rotation !== 0) {
      update.push({
        id,
        type,
        parentId: pageId,
        rotation: 0,
        ...(hold ? {} : { x: want.x, y: want.y }),
        ...(changed ? { props: want.props } : {}),
      } as TLShapePartial<S>);
    }
  }
  const remove = [...existing.keys()];
  if (create.length === 0 && update.length === 0 && remove.length === 0) return;
  editor.store.mergeRemoteChanges(() => {
    if (create.length > 0) editor.createShapes(create);
    if (update.length > 0) editor.updateShapes(update);
    if (remove.length > 0) editor.deleteShapes(remove);
  });
}

function sameProps(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of Object.keys(right)) {
    if (left[key] !== right[key]) return false;
  }
  return true;
}
