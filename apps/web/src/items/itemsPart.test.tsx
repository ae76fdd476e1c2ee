import { createTemplateDoc, toJSON } from '@fdr/model';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RoadmapTable } from '../table/RoadmapTable.tsx';
import { NO_FILTERS, type TableFilters } from '../table/tableRows.ts';
import { itemRows } from './itemRows.ts';
import { itemsPart } from './itemsPart.tsx';

const roadmap = toJSON(createTemplateDoc());
const noop = () => {};
const actions = { onAdd: noop, onEdit: noop, onSpan: noop, onRemove: noop };

function render(filters: TableFilters, withActions: boolean, lang: 'fr' | 'en' = 'en') {
  const part = itemsPart({
    roadmap,
    rows: itemRows(roadmap, filters, lang),
    filters,
    lang,
    actions: withActions ? actions : undefined,
  });
  return renderToStaticMarkup(
    <RoadmapTable roadmap={roadmap} lang={lang} filters={filters} readOnly part={part} />,
  );
}
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('the roadmap items in the table view', () => {
  it('lists each domain’s items under their own heading, the label heading each row', () => {
    const html = render(NO_FILTERS, false);
    expect(count(html, /data-testid="item-row"/g)).toBe(29);
    expect(count(html, />Roadmap items</g)).toBe(10);
    expect(html).toContain(
      '<th scope="row" class="fdr-col fdr-col--label">Service design handbook',
    );
    expect(html).not.toContain('data-action="span"');
    expect(html).not.toContain('data-add-item');
    const fr = render(NO_FILTERS, false, 'fr');
    expect(fr).toContain('Manuel de conception des services');
    expect(fr).toContain('Activités de la feuille de route');
  });

  it('gives an editor the buttons, each named after its item, and an add button per domain', () => {
    const html = render(NO_FILTERS, true);
    expect(count(html, /data-action="span"/g)).toBe(29);
    expect(html).toContain('aria-label="Domain and periods of “Service design handbook”"');
    expect(count(html, /data-add-item=/g)).toBe(10);
  });

  it('follows the filters: a kind shows items only, a domain with items alone is listed', () => {
    const ongoing = render({ ...NO_FILTERS, kind: 'ongoing' }, false);
    expect(count(ongoing, /data-testid="table-row"/g)).toBe(0);
    expect(count(ongoing, /data-testid="item-row"/g)).toBe(
      roadmap.items.filter((i) => i.kind === 'ongoing').length,
    );
    const ungrouped = render({ ...NO_FILTERS, grouped: false, q: 'pilot' }, false);
    expect(ungrouped).toContain('<th scope="col" class="fdr-col fdr-col--domain">');
    expect(count(ungrouped, /data-testid="item-row"/g)).toBeGreaterThanOrEqual(4);
  });
});
