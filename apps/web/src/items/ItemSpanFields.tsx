import { localize, type Roadmap } from '@fdr/model';
import type { Lang } from '../i18n/strings.ts';
import { boardPeriods } from './itemRows.ts';
import { itemStrings } from './itemStrings.ts';

export interface ItemSpan {
  domainId: string;
  startPeriodId: string;
  endPeriodId: string;
}

/**
 * Where a roadmap item stands, as three lists a keyboard can work: its domain (lane), its first
 * and its last period. Periods are named with their phase when several phases have periods,
 * since their labels repeat ("Period 1").
 */
export function ItemSpanFields({
  id,
  roadmap,
  value,
  onChange,
  lang,
}: {
  id: string;
  roadmap: Roadmap;
  value: ItemSpan;
  onChange: (span: ItemSpan) => void;
  lang: Lang;
}) {
  const t = itemStrings[lang];
  const periods = boardPeriods(roadmap);
  const phased = roadmap.phases.filter((p) => p.periods.length > 0).length > 1;
  const name = (entry: (typeof periods)[number]) =>
    phased
      ? `${localize(entry.phase.label, lang)} — ${localize(entry.period.label, lang)}`
      : localize(entry.period.label, lang);
  const periodSelect = (key: 'startPeriodId' | 'endPeriodId', label: string) => (
    <div className="fdr-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={value[key]}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        data-testid={`item-${key === 'startPeriodId' ? 'start' : 'end'}`}
      >
        {periods.map((entry) => (
          <option key={entry.period.id} value={entry.period.id}>
            {name(entry)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <div className="fdr-field">
        <label htmlFor={`${id}-domain`}>{t.fieldDomain}</label>
        <select
          id={`${id}-domain`}
          value={value.domainId}
          onChange={(e) => onChange({ ...value, domainId: e.target.value })}
          data-testid="item-domain"
        >
          {roadmap.domains.map((domain) => (
            <option key={domain.id} value={domain.id}>
              {localize(domain.label, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="fdr-two-columns">
        {periodSelect('startPeriodId', t.fieldStart)}
        {periodSelect('endPeriodId', t.fieldEnd)}
      </div>
    </>
  );
}

/** True when the last period comes before the first (the model refuses such a span). */
export function spanInverted(roadmap: Roadmap, span: ItemSpan): boolean {
  const ids = boardPeriods(roadmap).map((p) => p.period.id);
  return ids.indexOf(span.endPeriodId) < ids.indexOf(span.startPeriodId);
}
