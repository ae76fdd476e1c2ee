import type { Roadmap } from '@fdr/model';
import { type ChangeEvent, useId, useState } from 'react';
import type * as Y from 'yjs';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { type TableStrings, tableStrings } from '../i18n/tableStrings.ts';
import { Dialog } from '../table/Dialog.tsx';
import {
  applyCsvImport,
  type ImportPlan,
  type ImportRow,
  planCsvImport,
  rowsToWrite,
} from './csvImport.ts';

const FIELD_LABEL: Record<string, keyof TableStrings> = {
  title: 'colTitle',
  mandate: 'colMandate',
  deliverables: 'colDeliverables',
  role: 'colRole',
  state: 'colState',
  lead: 'colLead',
  members: 'colMembers',
  formedFrom: 'colFormedFrom',
  cell: 'fieldCell',
  periods: 'colPeriods',
};

/** What the dialog imports: its words and how a file becomes a plan. */
export interface ImportSubject {
  heading: string;
  intro: string;
  /** The header of the preview's column naming each row's record. */
  subject: string;
  plan: (doc: Y.Doc, roadmap: Roadmap, text: string) => ImportPlan;
  /** A changed field's name in an "Update" row. */
  fieldLabel: (field: string) => string;
  testId: string;
}

function cardsSubject(lang: Lang): ImportSubject {
  const t = tableStrings[lang];
  return {
    heading: t.importHeading,
    intro: t.importIntro,
    subject: t.importCard,
    plan: planCsvImport,
    fieldLabel: (field) => t[FIELD_LABEL[field] ?? 'colTitle'].toLowerCase(),
    testId: 'import-dialog',
  };
}

/**
 * Import cards (or another kind of record) from a CSV file: choose the file, read the preview
 * (what each row would do, or why it cannot), then confirm. Nothing is written before the
 * confirmation; then everything is written at once (one transaction, one undo step).
 */
export function ImportDialog({
  doc,
  roadmap,
  origin,
  lang,
  onDone,
  onClose,
  subject = cardsSubject(lang),
}: {
  doc: Y.Doc;
  roadmap: Roadmap;
  origin: unknown;
  lang: Lang;
  onDone: (written: number) => void;
  onClose: () => void;
  subject?: ImportSubject;
}) {
  const t = tableStrings[lang];
  const s = strings[lang];
  const id = useId();
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setNotice(null);
    if (!file) {
      setPlan(null);
      return;
    }
    setPlan(subject.plan(doc, roadmap, await file.text()));
  };

  const confirm = () => {
    if (!plan) return;
    const result = applyCsvImport(doc, plan, origin);
    if ('written' in result) {
      onDone(result.written);
      return;
    }
    // The board changed under the preview: show the rows as they now stand.
    const stale = new Map(result.stale.map((row) => [row.line, row]));
    setPlan({ ...plan, rows: plan.rows.map((row) => stale.get(row.line) ?? row) });
    setNotice(t.importStale);
  };

  const count = (kind: ImportRow['kind']) => plan?.rows.filter((r) => r.kind === kind).length ?? 0;
  const writable = plan ? rowsToWrite(plan).length : 0;
  const details = (row: ImportRow) => {
    if (row.kind === 'error') {
      return (
        <ul className="fdr-cell-list">
          {row.errors.map((error) => (
            <li key={error.en}>{error[lang]}</li>
          ))}
        </ul>
      );
    }
    if (row.kind === 'update') return row.fields.map(subject.fieldLabel).join(', ');
    return null;
  };
  const kindLabel: Record<ImportRow['kind'], string> = {
    create: t.rowCreate,
    update: t.rowUpdate,
    unchanged: t.rowUnchanged,
    error: t.rowError,
  };

  return (
    <Dialog heading={subject.heading} onClose={onClose} testId={subject.testId} wide>
      <p>{subject.intro}</p>
      <div className="fdr-field">
        <label htmlFor={`${id}-file`}>{t.importFile}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void choose(e)}
          data-testid="import-file"
        />
      </div>
      {plan && plan.fileErrors.length > 0 && (
        <div role="alert" className="fdr-error" data-testid="import-file-errors">
          {plan.fileErrors.map((error) => (
            <p key={error.en}>{error[lang]}</p>
          ))}
        </div>
      )}
      {plan && plan.fileErrors.length === 0 && (
        <>
          <p role="status" data-testid="import-summary">
            {format(t.importSummary, {
              create: count('create'),
              update: count('update'),
              unchanged: count('unchanged'),
              error: count('error'),
            })}
          </p>
          {plan.ignored.length > 0 && (
            <p className="fdr-muted">
              {format(t.importIgnored, { list: plan.ignored.join(' · ') })}
            </p>
          )}
          <section
            className="fdr-table-scroll fdr-import-preview"
            aria-labelledby={`${id}-caption`}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box the keyboard must reach
            tabIndex={0}
          >
            <table className="fdr-table">
              <caption id={`${id}-caption`}>{subject.heading}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.importRow}</th>
                  <th scope="col">{subject.subject}</th>
                  <th scope="col">{t.importAction}</th>
                  <th scope="col">{t.importDetails}</th>
                </tr>
              </thead>
              <tbody>
                {plan.rows.map((row) => (
                  <tr
                    key={row.line}
                    className={row.kind === 'error' ? 'fdr-import-row--error' : undefined}
                    data-testid="import-row"
                    data-kind={row.kind}
                  >
                    <td>{row.line}</td>
                    <th scope="row">{row.title}</th>
                    <td>
                      {row.kind === 'error' && <span aria-hidden="true">⚠ </span>}
                      {kindLabel[row.kind]}
                    </td>
                    <td>{details(row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <ErrorAlert message={notice} />
      <div className="fdr-actions">
        <button
          type="button"
          className="fdr-button fdr-button--primary"
          disabled={writable === 0}
          onClick={confirm}
          data-testid="import-confirm"
        >
          {writable === 0 ? t.importNothing : format(t.importConfirm, { count: writable })}
        </button>
        <button type="button" className="fdr-button fdr-button--quiet" onClick={onClose}>
          {s.cancel}
        </button>
      </div>
    </Dialog>
  );
}
