import './boardTimeFields.css';
import {
  BOARD_STRUCTURE_LIMITS,
  type BoardStructure,
  datedPhases,
  parseBoardStructure,
} from '@fdr/model';
import { format, formatMonth } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { newBoardStrings } from './newBoardStrings.ts';

/** What the fields hold as typed: numbers may be half-typed, so they stay text until sent. */
export interface TimeDraft {
  start: string;
  periodCount: string;
  periodMonths: string;
}

/** The structure a draft describes, or null while it is not valid (by the server's own rule). */
export function draftStructure(draft: TimeDraft): BoardStructure | null {
  const parsed = parseBoardStructure({
    start: draft.start,
    periodCount: Number(draft.periodCount),
    periodMonths: Number(draft.periodMonths),
  });
  return parsed.ok ? parsed.structure : null;
}

/**
 * A blank board's time frame on the creation form: the month Phase 1 starts, how many periods
 * and how long each, with a sentence saying what the board will hold ("Phase 1: Apr 2027 – Sep
 * 2028…"), months as the UI language writes them.
 */
export function BoardTimeFields({
  id,
  lang,
  draft,
  onChange,
}: {
  id: string;
  lang: Lang;
  draft: TimeDraft;
  onChange: (draft: TimeDraft) => void;
}) {
  const t = newBoardStrings[lang];
  const L = BOARD_STRUCTURE_LIMITS;
  const structure = draftStructure(draft);
  const phases = structure ? datedPhases(structure) : null;
  const [phase1, phase2] = phases ?? [];
  return (
    <fieldset className="fdr-time-fields" data-testid="board-time-fields">
      <legend>{t.timeLegend}</legend>
      <label htmlFor={`${id}-start`}>{t.startMonth}</label>
      <input
        id={`${id}-start`}
        type="month"
        value={draft.start}
        min={`${L.yearMin}-01`}
        max={`${L.yearMax}-12`}
        placeholder="2027-04"
        onChange={(e) => onChange({ ...draft, start: e.target.value })}
      />
      <label htmlFor={`${id}-count`}>{t.periodCount}</label>
      <input
        id={`${id}-count`}
        type="number"
        inputMode="numeric"
        min={L.periodCountMin}
        max={L.periodCountMax}
        value={draft.periodCount}
        aria-describedby={`${id}-count-hint`}
        onChange={(e) => onChange({ ...draft, periodCount: e.target.value })}
      />
      <p id={`${id}-count-hint`} className="fdr-hint">
        {format(t.limits, { min: L.periodCountMin, max: L.periodCountMax })}
      </p>
      <label htmlFor={`${id}-months`}>{t.periodMonths}</label>
      <input
        id={`${id}-months`}
        type="number"
        inputMode="numeric"
        min={L.periodMonthsMin}
        max={L.periodMonthsMax}
        value={draft.periodMonths}
        aria-describedby={`${id}-months-hint`}
        onChange={(e) => onChange({ ...draft, periodMonths: e.target.value })}
      />
      <p id={`${id}-months-hint`} className="fdr-hint">
        {t.periodMonthsHint} {format(t.limits, { min: L.periodMonthsMin, max: L.periodMonthsMax })}
      </p>
      <p aria-live="polite" data-testid="board-time-preview">
        {phase1 && phase2 && phase1.end !== null && structure
          ? format(t.preview, {
              start: formatMonth(phase1.start, lang),
              end: formatMonth(phase1.end, lang),
              count: structure.periodCount,
              months: structure.periodMonths,
              next: formatMonth(phase2.start, lang),
            })
          : format(t.invalid, {
              countMin: L.periodCountMin,
              countMax: L.periodCountMax,
              monthsMin: L.periodMonthsMin,
              monthsMax: L.periodMonthsMax,
            })}
      </p>
    </fieldset>
  );
}
