import type { Roadmap } from '@fdr/model';
import type * as Y from 'yjs';
import { type ImportPlan, planImport } from '../export/csvImport.ts';
import type { ImportSubject } from '../export/ImportDialog.tsx';
import type { Lang } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { itemStrings } from './itemStrings.ts';
import { ITEM_CSV_COLUMNS } from './itemsCsv.ts';
import { planItemRow } from './planItemRow.ts';

/** Reads a roadmap items CSV file against the board and tries every row on a copy. */
export function planItemsImport(doc: Y.Doc, roadmap: Roadmap, text: string): ImportPlan {
  return planImport(
    {
      columns: ITEM_CSV_COLUMNS,
      nameKeys: ['label_fr', 'label_en'],
      noNameColumn: {
        fr: itemStrings.fr.importNoLabelColumn,
        en: itemStrings.en.importNoLabelColumn,
      },
      planRow: planItemRow,
    },
    doc,
    roadmap,
    text,
  );
}

/** The import dialog's words and plan for roadmap items. */
export function itemsImportSubject(lang: Lang): ImportSubject {
  const t = itemStrings[lang];
  const tt = tableStrings[lang];
  const fields: Record<string, string> = {
    label: t.fieldLabel,
    role: tt.colRole,
    kind: t.fieldKind,
    domain: t.fieldDomain,
    span: tt.colPeriods,
    cards: tt.colCards,
  };
  return {
    heading: t.importHeading,
    intro: t.importIntro,
    subject: t.importSubject,
    plan: planItemsImport,
    fieldLabel: (field) => (fields[field] ?? field).toLowerCase(),
    testId: 'import-items-dialog',
  };
}
