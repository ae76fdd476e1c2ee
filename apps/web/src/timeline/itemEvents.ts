import { editorRegistry } from '../board/editorRegistry.ts';
import type { ItemGesture } from '../board/layout.ts';
import type { ItemShape } from './itemShape.ts';

/** What the item shape util tells the board about: drags of a bar or of one of its ends. */
export interface ItemEvents {
  dragStart(shape: ItemShape, gesture: ItemGesture): void;
  drag(current: ItemShape, gesture: ItemGesture): void;
  dragEnd(current: ItemShape, gesture: ItemGesture): void;
  dragCancel(initial: ItemShape): void;
  open(itemId: string): void;
  /** The UI language, for texts read outside React (screen-reader descriptions). */
  locale(): 'fr' | 'en';
}

const registry = editorRegistry<ItemEvents>();

export const setItemEvents = registry.set;
export const itemEvents = registry.get;
