import type * as Y from 'yjs';
import { type Lang, strings } from '../i18n/strings.ts';
import { useUndoState } from './useUndoState.ts';

/** The toolbar's editing buttons, shown only to those whose role lets them change the board. */
export function EditTools({
  lang,
  undo,
  onUndo,
  onRedo,
  onEdit,
  onMove,
  onNewCard,
}: {
  lang: Lang;
  undo: Y.UndoManager;
  onUndo: () => void;
  onRedo: () => void;
  onEdit: () => void;
  onMove: () => void;
  onNewCard: () => void;
}) {
  const t = strings[lang];
  const undoState = useUndoState(undo);
  return (
    <>
      <button
        type="button"
        className="fdr-button fdr-button--quiet"
        onClick={onUndo}
        disabled={!undoState.canUndo}
        title={t.undoLabel}
        aria-keyshortcuts="Control+Z"
        data-testid="undo"
      >
        {t.undo}
      </button>
      <button
        type="button"
        className="fdr-button fdr-button--quiet"
        onClick={onRedo}
        disabled={!undoState.canRedo}
        title={t.redoLabel}
        aria-keyshortcuts="Control+Shift+Z"
        data-testid="redo"
      >
        {t.redo}
      </button>
      <button type="button" className="fdr-button fdr-button--quiet" onClick={onEdit}>
        {t.editCard}
      </button>
      <button
        type="button"
        className="fdr-button fdr-button--quiet"
        onClick={onMove}
        aria-keyshortcuts="Shift+M"
        data-testid="move-to"
      >
        {t.moveTo}
      </button>
      <button type="button" className="fdr-button" onClick={onNewCard} data-testid="new-card">
        {t.newCard}
      </button>
    </>
  );
}
