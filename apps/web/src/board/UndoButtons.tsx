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
  const buttons = [
    { id: 'undo', text: t.undo, title: t.undoLabel, keys: 'Control+Z', enabled: state.canUndo },
    {
      id: 'redo',
      text: t.redo,
      title: t.redoLabel,
      keys: 'Control+Shift+Z',
      enabled: state.canRedo,
    },
  ] as const;
  return buttons.map((button) => (
    <button
      key={button.id}
      type="button"
      className="fdr-button fdr-button--quiet"
      onClick={button.id === 'undo' ? onUndo : onRedo}
      disabled={!button.enabled}
      title={button.title}
      aria-keyshortcuts={withShortcuts ? button.keys : undefined}
      data-testid={button.id}
    >
      {button.text}
    </button>
  ));
}
