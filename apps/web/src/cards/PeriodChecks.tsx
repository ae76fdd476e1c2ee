import { localize, type PhaseRecord } from '@fdr/model';
import { formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { type CardDraft, tickPeriod } from './cardDraft.ts';

/** One checkbox per period of the card's phase; nothing for a phase without periods. */
export function PeriodChecks({
  draft,
  phase,
  lang,
  legend,
  onChange,
  className,
  legendClassName,
  form,
  withDates = false,
}: {
  draft: CardDraft;
  phase: PhaseRecord | undefined;
  lang: Lang;
  legend: string;
  onChange: (periodIds: readonly string[]) => void;
  className: string;
  legendClassName?: string;
  /** The id of the form the checkboxes belong to, when they sit outside it (a table row). */
  form?: string;
  withDates?: boolean;
}) {
  if (!phase || phase.periods.length === 0) return null;
  return (
    <fieldset className={className}>
      <legend className={legendClassName}>{legend}</legend>
      {phase.periods.map((period) => (
        <label key={period.id} className="fdr-checkbox">
          <input
            type="checkbox"
            form={form}
            checked={draft.periodIds.includes(period.id)}
            onChange={(e) => onChange(tickPeriod(draft, phase, period.id, e.target.checked))}
          />
          {localize(period.label, lang)}
          {withDates && ` (${formatDate(period.start, lang)} – ${formatDate(period.end, lang)})`}
        </label>
      ))}
    </fieldset>
  );
}
