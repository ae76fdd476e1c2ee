import type { Editor } from 'tldraw';
import type { Lang } from '../i18n/strings.ts';
import { viewStrings } from '../i18n/viewStrings.ts';
import type { BoardView } from './BoardView.ts';
import { showReadableSize, showWholeBoard } from './fitBoard.ts';

/** "Fit the board" and "Readable size": the two views a person comes back to. */
export function ViewControls({
  editor,
  view,
  lang,
}: {
  editor: Editor | null;
  view: BoardView;
  lang: Lang;
}) {
  const t = viewStrings[lang];
  const act = (show: typeof showWholeBoard) => () => {
    const layout = view.layout.get();
    if (editor && layout) show(editor, layout);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar group of buttons, not a form fieldset
    <div className="fdr-view-controls" role="group" aria-label={t.viewControls}>
      <button
        type="button"
        className="fdr-button fdr-button--quiet"
        data-testid="fit-board"
        onClick={act(showWholeBoard)}
      >
        {t.fitBoard}
      </button>
      <button
        type="button"
        className="fdr-button fdr-button--quiet"
        data-testid="readable-size"
        onClick={act(showReadableSize)}
      >
        {t.readableSize}
      </button>
    </div>
  );
}
