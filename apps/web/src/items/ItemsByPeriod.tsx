import { ITEM_KIND_LABELS, localize, type Roadmap } from '@fdr/model';
import { roleLabelOf } from '../cards/labels.ts';
import type { Lang } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { Text } from '../table/Text.tsx';
import { NO_FILTERS } from '../table/tableRows.ts';
import { boardPeriods, itemRows } from './itemRows.ts';
import { itemStrings } from './itemStrings.ts';

/**
 * The roadmap by period, as the meeting document's table: one row per item, grouped by domain
 * (a row group headed by the domain), a column per period of the board in which the periods the
 * item spans are marked, in words for a screen reader as well as in colour.
 */
export function ItemsByPeriod({
  roadmap,
  lang,
  headingId,
}: {
  roadmap: Roadmap;
  lang: Lang;
  headingId: string;
}) {
  const t = itemStrings[lang];
  const tt = tableStrings[lang];
  const periods = boardPeriods(roadmap);
  const phased = roadmap.phases.filter((p) => p.periods.length > 0).length > 1;
  const rows = itemRows(roadmap, NO_FILTERS, lang);
  if (rows.length === 0) return <p>{t.packNone}</p>;
  return (
    <section
      className="fdr-table-scroll"
      aria-labelledby={headingId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box the keyboard must reach
      tabIndex={0}
    >
      <table className="fdr-table fdr-pack__table fdr-pack__items" data-testid="pack-items-table">
        <caption className="fdr-sr-only">{t.packItems}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colLabel}</th>
            <th scope="col">{tt.colRole}</th>
            <th scope="col">{tt.colKind}</th>
            {periods.map(({ period, phase }) => (
              <th scope="col" key={period.id} className="fdr-pack__period">
                {phased && (
                  <>
                    {localize(phase.label, lang)}
                    <br />
                  </>
                )}
                {localize(period.label, lang)}
              </th>
            ))}
          </tr>
        </thead>
        {roadmap.domains.map((domain) => {
          const list = rows.filter((row) => row.domain.id === domain.id);
          if (list.length === 0) return null;
          return (
            <tbody key={domain.id} data-domain-id={domain.id}>
              <tr>
                <th scope="rowgroup" colSpan={3 + periods.length} className="fdr-pack__domain">
                  <span
                    className="fdr-domain-heading__swatch"
                    style={{ background: domain.colour }}
                    aria-hidden="true"
                  />
                  <Text text={domain.label} lang={lang} />
                </th>
              </tr>
              {list.map(({ item, start, end }) => (
                <tr key={item.id} data-item-id={item.id}>
                  <th scope="row">
                    <Text text={item.label} lang={lang} />
                  </th>
                  <td>{roleLabelOf(item.role, lang)}</td>
                  <td>{ITEM_KIND_LABELS[item.kind][lang]}</td>
                  {periods.map(({ period, index }) => {
                    const spanned = index >= start.index && index <= end.index;
                    return (
                      <td
                        key={period.id}
                        className={spanned ? 'fdr-pack__spanned' : undefined}
                        style={spanned ? { borderTopColor: domain.colour } : undefined}
                      >
                        {spanned ? t.packSpanned : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </section>
  );
}
