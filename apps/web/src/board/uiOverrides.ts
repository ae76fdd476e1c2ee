import type { TLUiOverrides } from 'tldraw';
import { viewStrings } from '../i18n/viewStrings.ts';
import { CARD_SHAPE, isCardShapeId } from './cardShape.ts';

export interface UndoHandler {
  undo(): void;
  redo(): void;
}

/**
 * Changes to tldraw's UI for the board:
 * - undo and redo go to the board's Y.UndoManager (this user's own changes only), not to tldraw's
 *   local history, which knows nothing of model commands and would revert a peer's edit it
 *   merged;
 * - no frames (the lanes are the structure), no embeds, no media uploads (nothing from another
 *   site, and no asset store);
 * - cards never go into a group (their place comes from the model).
 */
export function boardOverrides(undo: UndoHandler): TLUiOverrides {
  return {
    actions(editor, actions) {
      const next = { ...actions };
      const undoAction = actions.undo;
      const redoAction = actions.redo;
      if (undoAction) next.undo = { ...undoAction, onSelect: () => undo.undo() };
      if (redoAction) next.redo = { ...redoAction, onSelect: () => undo.redo() };
      delete next['insert-embed'];
      delete next['insert-media'];
      const group = actions.group;
      if (group) {
        next.group = {
          ...group,
          onSelect(source) {
            const ids = editor.getSelectedShapeIds().filter((id) => !isCardShapeId(id));
            if (ids.length < 2) return;
            editor.select(...ids);
            return group.onSelect(source);
          },
        };
      }
      return next;
    },
    // tldraw reads a shape's kind as `tool.<type>` after its description: "…, card", not the key.
    translations: {
      fr: { [`tool.${CARD_SHAPE}`]: viewStrings.fr.cardShape },
      en: { [`tool.${CARD_SHAPE}`]: viewStrings.en.cardShape },
    },
    tools(_editor, tools) {
      const next = { ...tools };
      delete next.frame;
      delete next.asset;
      delete next.embed;
      return next;
    },
  };
}
