import { CARD_TITLE_MAX, localize, NAME_MAX } from '@fdr/model';
import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';
import {
  type CardDraft,
  type CardPatch,
  cardDraftOf,
  missingTitle,
  patchInPlace,
} from '../cards/cardDraft.ts';
import { PeriodChecks } from '../cards/PeriodChecks.tsx';
import { RoleSelect } from '../cards/RoleSelect.tsx';
import { StateSelect } from '../cards/StateSelect.tsx';
import { useDraft } from '../drafts/useDraft.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { type Lang, strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { type Column, RowCell, type ShownCells } from './DataTable.tsx';
import type { TableRow } from './tableRows.ts';

type TextPair = readonly ['titleFr', 'titleEn'] | readonly [BilingualKey, BilingualKey];
type BilingualKey =
  | 'mandateFr'
  | 'mandateEn'
  | 'deliverablesFr'
  | 'deliverablesEn'
  | 'formedFromFr'
  | 'formedFromEn';

/**
 * The cells of a row being edited. Mounted when editing starts, so its draft is the card as it
 * was then; the fields sit in the cells and belong to the form in the actions cell (`form=`).
 */
export function RowEditor({
  row,
  columns,
  shown,
  lang,
  onSave,
  onDone,
}: {
  row: TableRow;
  columns: Column[];
  /** The cells that are not edited show what they show outside editing. */
  shown: ShownCells;
  lang: Lang;
  /** Writes the changed fields; false when the model refused them (already reported). */
  onSave: (patch: CardPatch) => boolean;
  onDone: () => void;
}) {
  const t = tableStrings[lang];
  const s = strings[lang];
  const { card, phase } = row;
  const formId = useId();
  const title = localize(card.title, lang);
  const { initial, draft, set } = useDraft<CardDraft>(() => cardDraftOf(card));
  const [error, setError] = useState<string | null>(null);
  const firstField = useRef<HTMLInputElement>(null);
  // Layout effect: the first field takes focus in the same frame, before the next key arrives.
  useLayoutEffect(() => firstField.current?.focus(), []);

  const save = () => {
    if (missingTitle(draft)) {
      setError(s.titleRequired);
      return;
    }
    const patch = patchInPlace(initial, draft, phase);
    if (Object.keys(patch).length === 0 || onSave(patch)) onDone();
  };
  const label = (field: string, language?: Lang) =>
    language
      ? `${field} — ${language === 'fr' ? s.french : s.english} (${title})`
      : `${field} (${title})`;
  const bilingual = (field: string, [fr, en]: TextPair, multiline: boolean) => (
    <div className="fdr-row-edit__pair">
      {(
        [
          [fr, 'fr'],
          [en, 'en'],
        ] as const
      ).map(([key, language]) =>
        multiline ? (
          <textarea
            key={key}
            form={formId}
            lang={language}
            rows={3}
            value={draft[key]}
            aria-label={label(field, language)}
            onChange={(e) => set(key, e.target.value)}
          />
        ) : (
          <input
            key={key}
            ref={key === 'titleFr' ? firstField : undefined}
            form={formId}
            lang={language}
            maxLength={CARD_TITLE_MAX}
            value={draft[key]}
            aria-label={label(field, language)}
            onChange={(e) => set(key, e.target.value)}
          />
        ),
      )}
    </div>
  );

  const edited: Partial<Record<Column, ReactNode>> = {
    title: bilingual(t.colTitle, ['titleFr', 'titleEn'], false),
    role: (
      <RoleSelect
        form={formId}
        value={draft.role}
        aria-label={label(t.colRole)}
        onChange={(role) => set('role', role)}
        lang={lang}
      />
    ),
    state: (
      <StateSelect
        form={formId}
        value={draft.state}
        aria-label={label(t.colState)}
        onChange={(state) => set('state', state)}
        lang={lang}
      />
    ),
    periods:
      phase.periods.length > 0 ? (
        <PeriodChecks
          draft={draft}
          phase={phase}
          lang={lang}
          legend={label(t.colPeriods)}
          legendClassName="fdr-sr-only"
          className="fdr-row-edit__periods"
          form={formId}
          onChange={(periodIds) => set('periodIds', periodIds)}
        />
      ) : (
        shown.periods
      ),
    lead: (
      <input
        form={formId}
        maxLength={NAME_MAX}
        value={draft.lead}
        aria-label={label(t.colLead)}
        onChange={(e) => set('lead', e.target.value)}
      />
    ),
    members: (
      <textarea
        form={formId}
        rows={3}
        value={draft.members}
        aria-label={label(s.fieldMembers)}
        onChange={(e) => set('members', e.target.value)}
      />
    ),
    formedFrom: bilingual(t.colFormedFrom, ['formedFromFr', 'formedFromEn'], true),
    mandate: bilingual(t.colMandate, ['mandateFr', 'mandateEn'], true),
    deliverables: bilingual(t.colDeliverables, ['deliverablesFr', 'deliverablesEn'], true),
    actions: (
      <div className="fdr-row-actions">
        <form
          id={formId}
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <p className="fdr-row-edit__hint">{t.editHint}</p>
          <ErrorAlert message={error} />
          <button type="submit" className="fdr-button fdr-button--primary" data-action="save">
            {t.editSave}
          </button>
          <button
            type="button"
            className="fdr-button fdr-button--quiet"
            onClick={onDone}
            data-action="cancel"
          >
            {t.editCancel}
          </button>
        </form>
      </div>
    ),
  };
  return columns.map((column) => (
    <RowCell key={column} column={column}>
      {column in edited ? edited[column] : shown[column]}
    </RowCell>
  ));
}
