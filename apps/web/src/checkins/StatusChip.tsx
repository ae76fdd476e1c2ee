import { CHECKIN_STATUS_LABELS, type CheckinStatus } from '@fdr/model';
import { checkinStrings } from '../i18n/checkinStrings.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';

/** A status as a chip: its name is written, the colour only repeats it. */
export function StatusChip({ status, lang }: { status: CheckinStatus | null; lang: Lang }) {
  if (status === null) {
    return (
      <span className="fdr-chip fdr-chip--none" data-status="none">
        {checkinStrings[lang].noCheckin}
      </span>
    );
  }
  return (
    <span className={`fdr-chip fdr-chip--${status}`} data-status={status}>
      <span className="fdr-chip__dot" aria-hidden="true" />
      {CHECKIN_STATUS_LABELS[status][lang]}
    </span>
  );
}

/** The overdue marker: a symbol and a word, with the delay in its description. */
export function OverdueMark({ lang, days }: { lang: Lang; days: number }) {
  const t = checkinStrings[lang];
  const hint = format(t.overdueHint, { days });
  return (
    <span className="fdr-overdue" title={hint} data-testid="overdue">
      <span aria-hidden="true">⚠ </span>
      {t.overdue}
      <span className="fdr-sr-only"> ({hint})</span>
    </span>
  );
}
