import type { Roadmap } from '@fdr/model';
import { format } from '../i18n/format.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { itemStrings } from '../items/itemStrings.ts';
import { itemsToCsv } from '../items/itemsCsv.ts';
import { cardsToCsv } from './cardsCsv.ts';
import { download, fileName } from './download.ts';

/**
 * CSV of the cards, CSV of the roadmap items and JSON of the board (the model's own format), for
 * everyone who can read it.
 */
export function ExportButtons({
  roadmap,
  boardId,
  lang,
  say,
}: {
  roadmap: Roadmap;
  boardId: string;
  lang: 'fr' | 'en';
  say: (text: string) => void;
}) {
  const t = tableStrings[lang];
  const csv = () => {
    const name = fileName(boardId, 'csv', 'cards');
    download(name, cardsToCsv(roadmap, new Date()), 'text/csv;charset=utf-8');
    say(format(t.exportDone, { name }));
  };
  const items = () => {
    const name = fileName(boardId, 'csv', 'items');
    download(name, itemsToCsv(roadmap, new Date()), 'text/csv;charset=utf-8');
    say(format(t.exportDone, { name }));
  };
  const json = () => {
    const name = fileName(boardId, 'json');
    download(name, `${JSON.stringify(roadmap, null, 2)}\n`, 'application/json');
    say(format(t.exportDone, { name }));
  };
  return (
    <>
      <button type="button" className="fdr-button" onClick={csv} data-testid="export-csv">
        {t.exportCsv}
      </button>
      <button type="button" className="fdr-button" onClick={items} data-testid="export-items-csv">
        {itemStrings[lang].exportCsv}
      </button>
      <button type="button" className="fdr-button" onClick={json} data-testid="export-json">
        {t.exportJson}
      </button>
    </>
  );
}
