import { type DomainRecord, localize, type Roadmap } from '@fdr/model';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import type { TablePart } from '../table/RoadmapTable.tsx';
import { isFiltered, type TableFilters } from '../table/tableRows.ts';
import { type ItemActions, type ItemComments, ItemsTable } from './ItemsTable.tsx';
import type { ItemRow } from './itemRows.ts';
import { itemStrings } from './itemStrings.ts';

/**
 * The roadmap items' part of the table view: in each domain's section, a heading one level
 * below the domain's, the domain's items and (for an editor) "Add a roadmap item here"; one
 * table of every item shown when the view is not grouped.
 */
export function itemsPart({
  roadmap,
  rows,
  filters,
  lang,
  actions,
  comments,
  headingLevel = 3,
}: {
  roadmap: Roadmap;
  rows: readonly ItemRow[];
  filters: TableFilters;
  lang: Lang;
  actions?: ItemActions | undefined;
  comments?: ItemComments | undefined;
  headingLevel?: 3 | 4;
}): TablePart {
  const t = itemStrings[lang];
  const H = `h${headingLevel}` as 'h3' | 'h4';
  const filtered = isFiltered(filters);
  const byDomain = new Map<string, ItemRow[]>();
  for (const row of rows)
    byDomain.set(row.domain.id, [...(byDomain.get(row.domain.id) ?? []), row]);
  const domain = (d: DomainRecord) => {
    const list = byDomain.get(d.id) ?? [];
    // Filtered: only domains with items say anything about items.
    if (filtered && list.length === 0) return null;
    return (
      <div className="fdr-items-group" data-items-of={d.id}>
        <H className="fdr-items-heading">{t.heading}</H>
        {list.length > 0 ? (
          <ItemsTable
            rows={list}
            roadmap={roadmap}
            lang={lang}
            filters={filters}
            caption={format(t.caption, { domain: localize(d.label, lang), count: list.length })}
            showDomain={false}
            actions={actions}
            comments={comments}
          />
        ) : (
          <p className="fdr-table-empty">{t.empty}</p>
        )}
        {actions && (
          <button
            type="button"
            className="fdr-button fdr-button--quiet fdr-add-card"
            aria-label={format(t.addLabel, { domain: localize(d.label, lang) })}
            data-add-item={d.id}
            onClick={() => actions.onAdd(d.id)}
          >
            <span aria-hidden="true">+ </span>
            {t.add}
          </button>
        )}
      </div>
    );
  };
  return {
    domainIds: new Set(byDomain.keys()),
    domain,
    ungrouped:
      rows.length > 0 ? (
        <section className="fdr-items-all" aria-labelledby="fdr-items-all">
          <h2 id="fdr-items-all" className="fdr-section-heading">
            {t.heading}
          </h2>
          <ItemsTable
            rows={rows}
            roadmap={roadmap}
            lang={lang}
            filters={filters}
            caption={t.captionAll}
            showDomain
            actions={actions}
            comments={comments}
          />
        </section>
      ) : null,
  };
}
