import type { Roadmap } from '@fdr/model';
import { useId, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import { format } from '../i18n/format.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { useOverlay } from '../overlay/useOverlay.ts';
import { canvasPicture, canvasPng, type ExportScope } from './canvasExport.ts';
import { download, fileName } from './download.ts';
import { ExportButtons } from './ExportButtons.tsx';

/**
 * The canvas toolbar's "Export" disclosure: PNG and SVG pictures of the whole board or of the
 * selection, and the CSV and JSON exports.
 */
export function CanvasExportMenu({
  editor,
  roadmap,
  boardId,
  lang,
  say,
}: {
  editor: Editor | null;
  roadmap: Roadmap;
  boardId: string;
  lang: 'fr' | 'en';
  say: (text: string, error?: boolean) => void;
}) {
  const t = tableStrings[lang];
  const id = useId();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<ExportScope>('board');
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useOverlay({ open, close: () => setOpen(false), root });

  const picture = async (kind: 'png' | 'svg') => {
    if (!editor) return;
    setBusy(true);
    try {
      const result = await canvasPicture(editor, roadmap, lang, scope);
      if (!result) {
        say(t.exportNoSelection, true);
        return;
      }
      const name = fileName(boardId, kind, scope === 'selection' ? 'selection' : '');
      if (kind === 'svg') download(name, result.svg, 'image/svg+xml');
      else {
        const png = await canvasPng(result);
        if (!png) throw new Error('no PNG');
        download(name, png);
      }
      say(format(t.exportDone, { name }));
    } catch {
      say(t.exportFailed, true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fdr-legend fdr-export-menu" ref={root}>
      <button
        type="button"
        className="fdr-button fdr-button--quiet"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
        data-testid="export-menu"
      >
        {t.exportHeading}
      </button>
      {open && (
        <div id={`${id}-panel`} className="fdr-legend__panel fdr-export-menu__panel">
          <fieldset className="fdr-field">
            <legend>{t.exportScope}</legend>
            <label className="fdr-radio">
              <input
                type="radio"
                name={`${id}-scope`}
                checked={scope === 'board'}
                onChange={() => setScope('board')}
              />
              {t.exportWhole}
            </label>
            <label className="fdr-radio">
              <input
                type="radio"
                name={`${id}-scope`}
                checked={scope === 'selection'}
                onChange={() => setScope('selection')}
                data-testid="export-scope-selection"
              />
              {t.exportSelection}
            </label>
          </fieldset>
          <div className="fdr-actions">
            <button
              type="button"
              className="fdr-button"
              disabled={busy || !editor}
              onClick={() => void picture('png')}
              data-testid="export-png"
            >
              {t.exportPng}
            </button>
            <button
              type="button"
              className="fdr-button"
              disabled={busy || !editor}
              onClick={() => void picture('svg')}
              data-testid="export-svg"
            >
              {t.exportSvg}
            </button>
            <ExportButtons roadmap={roadmap} boardId={boardId} lang={lang} say={say} />
          </div>
        </div>
      )}
    </div>
  );
}
