import type { ItemRecord } from '@fdr/model';
import type { TLShape, TLShapeId } from 'tldraw';
import type { ItemPlacement } from '../board/layout.ts';

export const ITEM_SHAPE = 'fdr-item';

/**
 * What a roadmap item's bar displays. A projection of the model, never written back: both
 * languages travel, so a language switch needs no new projection.
 */
export interface ItemShapeProps {
  w: number;
  h: number;
  itemId: string;
  labelFr: string;
  labelEn: string;
  /** A model Role: CE, Pr, Int, In. */
  role: string;
  /** A model ItemKind: new, ongoing. */
  kind: string;
  startPeriodId: string;
  endPeriodId: string;
  /** Labels of its first and last period, in both languages (for the accessible text). */
  spanFr: string;
  spanEn: string;
  /** How many task teams it names. */
  cards: number;
}

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [ITEM_SHAPE]: ItemShapeProps;
  }
}

export type ItemShape = TLShape<typeof ITEM_SHAPE>;

/** Stable shape id of an item: arrows bound to it survive every re-projection and reload. */
export function itemShapeId(itemId: string): TLShapeId {
  return `shape:item:${itemId}` as TLShapeId;
}

export function itemIdOfShape(id: string): string | null {
  return id.startsWith('shape:item:') ? id.slice('shape:item:'.length) : null;
}

export function itemShapeProps(
  item: ItemRecord,
  place: ItemPlacement,
  span: { fr: string; en: string },
): ItemShapeProps {
  return {
    w: place.w,
    h: place.h,
    itemId: item.id,
    labelFr: item.label.fr,
    labelEn: item.label.en,
    role: item.role,
    kind: item.kind,
    startPeriodId: item.startPeriodId,
    endPeriodId: item.endPeriodId,
    spanFr: span.fr,
    spanEn: span.en,
    cards: item.cardIds.length,
  };
}
