import { type Lang, strings } from '../i18n/strings.ts';

/** Undo and redo of this person's own changes, on the canvas and in the table. */
export function UndoButtons({
  lang,
  state,
  onUndo,
  onRedo,
  withShortcuts = false,
}: {
  lang: Lang;
  state: { canUndo: boolean; canRedo: boolean };
  onUndo: () => void;
  onRedo: () => void;
  /** The canvas also answers Ctrl+Z and Ctrl+Shift+Z. */
  withShortcuts?: boolean;
}) {
  const t = strings[lang];
  return (
    <>
      <button
        type="button"
        className="fdr-button fdr-button--quiet"
        onClick={onUndo}
        disabled={!state.canUndo}
        title={t.undoLabel}
        aria-keyshortcuts={withShortcuts ? 'Control+Z' : undefined}
        data-testid="undo"
      >
        {t.undo}
      </button>
      <button
        type="button"
        className="fdr-button fdr-button--quiet"
        onClick={onRedo}
        disabled={!state.canRedo}
        title={t.redoLabel}
        aria-keyshortcuts={withShortcuts ? 'Control+Shift+Z' : undefined}
        data-testid="redo"
      >
        {t.redo}
      </button>
    </>
  );
}
