import type * as Y from 'yjs';
import { type Lang, strings } from '../i18n/strings.ts';
import { UndoButtons } from './UndoButtons.tsx';
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
      <UndoButtons lang={lang} state={undoState} onUndo={onUndo} onRedo={onRedo} withShortcuts />
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
