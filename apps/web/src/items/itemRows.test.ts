import { createTemplateDoc, toJSON, updateItem } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type TableFilters } from '../table/tableRows.ts';
import { boardPeriods, itemRows } from './itemRows.ts';

const with_ = (patch: Partial<TableFilters>): TableFilters => ({ ...NO_FILTERS, ...patch });

describe('item rows', () => {
  const roadmap = toJSON(createTemplateDoc());
  const ids = (patch: Partial<TableFilters>, lang: 'fr' | 'en' = 'en') =>
    itemRows(roadmap, with_(patch), lang).map((row) => row.item.id);

  it('lists the 29 items in board order: lane, first period, last period', () => {
    const rows = itemRows(roadmap, NO_FILTERS, 'en');
    expect(rows).toHaveLength(29);
    const experience = rows.filter((r) => r.domain.id === 'domain-client-experience');
    expect(experience.map((r) => [r.item.id, r.start.period.id, r.end.period.id])).toEqual([
      ['item-service-design-handbook', 'period-1', 'period-3'],
      ['item-death-notification-pilot', 'period-1', 'period-3'],
    ]);
    const starts = rows
      .filter((r) => r.domain.id === 'domain-strategic-partnerships')
      .map((r) => r.start.index);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(boardPeriods(roadmap).map((p) => p.period.id)).toEqual([
      'period-1',
      'period-2',
      'period-3',
    ]);
  });

  it('filters by domain, role, kind, phase and text; card-only filters show no item', () => {
    expect(ids({ domain: 'domain-client-experience' })).toHaveLength(2);
    // Lanes in board order: Digital enablement (4) before Measurement and reporting (10).
    expect(ids({ role: 'CE' })).toEqual(['item-open-data', 'item-research-methodologies']);
    expect(ids({ kind: 'ongoing' }).length).toBeGreaterThan(0);
    expect(ids({ kind: 'ongoing' })).not.toContain('item-pilot-b');
    expect(ids({ q: 'MANUEL conception' }, 'en')).toEqual(['item-service-design-handbook']);
    expect(ids({ q: 'handbook' }, 'fr')).toEqual(['item-service-design-handbook']);
    expect(ids({ phase: 'phase-1' })).toHaveLength(29);
    expect(ids({ phase: 'phase-2' })).toEqual([]);
    expect(ids({ status: 'blocked' })).toEqual([]);
    expect(ids({ stale: false })).toEqual([]);
  });

  it('sorts by label in the UI language, reversed on demand, and reads inverted spans forwards', () => {
    const en = itemRows(roadmap, with_({ sort: 'title' }), 'en').map((r) => r.item.label.en);
    expect(en).toEqual([...en].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    const desc = itemRows(roadmap, with_({ sort: 'title', desc: true }), 'en');
    expect(desc.map((r) => r.item.label.en)).toEqual([...en].reverse());

    const doc = createTemplateDoc();
    updateItem(doc, { id: 'item-pilot-b', startPeriodId: 'period-1' }, 'x');
    // A concurrent edit could store the ends the wrong way round; rows read them forwards.
    const stored = toJSON(doc);
    const inverted = {
      ...stored,
      items: stored.items.map((item) =>
        item.id === 'item-pilot-b'
          ? { ...item, startPeriodId: 'period-3', endPeriodId: 'period-1' }
          : item,
      ),
    };
    const row = itemRows(inverted, with_({ domain: 'domain-strategic-partnerships' }), 'en').find(
      (r) => r.item.id === 'item-pilot-b',
    );
    expect([row?.start.period.id, row?.end.period.id]).toEqual(['period-1', 'period-3']);
  });
});
