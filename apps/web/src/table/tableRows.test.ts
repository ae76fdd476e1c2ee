import { createTemplateDoc, recordCheckin, toJSON } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import {
  filtersToSearch,
  fold,
  groupRows,
  isFiltered,
  NO_FILTERS,
  parseFilters,
  type TableFilters,
  tableRows,
} from './tableRows.ts';

const NOW = new Date('2026-05-01T12:00:00Z');

function board() {
  const doc = createTemplateDoc(undefined, '2025-10-01T00:00:00Z');
  recordCheckin(
    doc,
    {
      cardId: 'card-cloud-architecture',
      status: 'blocked',
      author: 'A',
      at: '2026-04-20T10:00:00Z',
    },
    'test',
  );
  recordCheckin(
    doc,
    { cardId: 'card-open-data', status: 'on-track', author: 'B', at: '2026-01-02T10:00:00Z' },
    'test',
  );
  recordCheckin(
    doc,
    { cardId: 'card-security', status: 'at-risk', author: 'C', at: '2026-04-25T10:00:00Z' },
    'test',
  );
  return toJSON(doc);
}

const ids = (rows: { card: { id: string } }[]) => rows.map((row) => row.card.id);
const with_ = (patch: Partial<TableFilters>): TableFilters => ({ ...NO_FILTERS, ...patch });

describe('table rows', () => {
  it('lists every visible card in board order: lane, column, then place in the cell', () => {
    const roadmap = board();
    const rows = tableRows(roadmap, NO_FILTERS, 'en', NOW);
    expect(rows.length).toBe(roadmap.cards.filter((c) => !c.archived).length);
    expect(rows[0]?.card.id).toBe('card-governance-model');
    expect(rows.at(-1)?.card.domainId).toBe('domain-measurement-reporting');
    // Phase 1 before Phase 2 within a lane.
    const enablement = rows.filter((r) => r.domain.id === 'domain-digital-enablement');
    const phases = enablement.map((r) => r.phase.id);
    expect(phases.indexOf('phase-2')).toBeGreaterThan(phases.lastIndexOf('phase-1'));
  });

  it('filters by domain, phase, role, state, status, stale and text', () => {
    const roadmap = board();
    const rows = (patch: Partial<TableFilters>) => ids(tableRows(roadmap, with_(patch), 'en', NOW));
    expect(rows({ domain: 'domain-digital-enablement', phase: 'phase-2' })).toEqual([
      'card-privacy',
    ]);
    expect(rows({ status: 'blocked' })).toEqual(['card-cloud-architecture']);
    expect(rows({ role: 'CE', domain: 'domain-digital-enablement' })).toEqual([
      'card-open-data',
      'card-security',
      'card-privacy',
    ]);
    // Stale: no check-in for 60 days since the last one, else since the card was created.
    const fresh = rows({ stale: false });
    expect(fresh.sort()).toEqual(['card-cloud-architecture', 'card-security']);
    expect(rows({ stale: true })).toContain('card-open-data');
    expect(rows({ status: 'none' })).not.toContain('card-open-data');
    // Accents and case do not matter; every word must match, in either language.
    expect(rows({ q: 'NUAGE' })).toEqual(['card-cloud-architecture']);
    expect(rows({ q: 'donnees ouvertes' })).toEqual(['card-open-data']);
    expect(rows({ q: 'cloud nuage' })).toEqual(['card-cloud-architecture']);
    expect(rows({ q: 'cloud zebra' })).toEqual([]);
  });

  it('sorts by title in the UI language, by status (most worrying first) and by last check-in', () => {
    const roadmap = board();
    const byTitle = tableRows(roadmap, with_({ sort: 'title' }), 'en', NOW);
    const titles = byTitle.map((r) => fold(r.card.title.en));
    expect(titles).toEqual([...titles].sort());
    const byStatus = ids(tableRows(roadmap, with_({ sort: 'status' }), 'en', NOW));
    expect(byStatus.slice(0, 3)).toEqual([
      'card-cloud-architecture',
      'card-security',
      'card-open-data',
    ]);
    const desc = ids(tableRows(roadmap, with_({ sort: 'checkin', desc: true }), 'en', NOW));
    expect(desc.slice(0, 3)).toEqual([
      'card-security',
      'card-cloud-architecture',
      'card-open-data',
    ]);
  });

  it('groups by domain then phase; keeps empty cells only without filters', () => {
    const roadmap = board();
    const all = groupRows(roadmap, tableRows(roadmap, NO_FILTERS, 'en', NOW), true);
    expect(all.map((g) => g.domain.id)).toEqual(roadmap.domains.map((d) => d.id));
    expect(all.every((g) => g.phases.length === roadmap.phases.length)).toBe(true);
    const filtered = groupRows(
      roadmap,
      tableRows(roadmap, with_({ status: 'blocked' }), 'en', NOW),
      false,
    );
    expect(filtered).toHaveLength(1);
    expect(filtered[0]?.phases.map((p) => p.phase.id)).toEqual(['phase-1']);
  });
});

describe('filters in the URL', () => {
  it('round-trip, keeping other parameters, and leave defaults out', () => {
    const filters = with_({
      domain: 'domain-digital-enablement',
      status: 'at-risk',
      stale: true,
      q: 'données',
      sort: 'title',
      desc: true,
      grouped: false,
    });
    const search = filtersToSearch(filters, '?card=card-security');
    expect(search).toContain('card=card-security');
    expect(parseFilters(search)).toEqual(filters);
    expect(filtersToSearch(NO_FILTERS)).toBe('');
    expect(filtersToSearch(NO_FILTERS, '?card=x&status=done')).toBe('?card=x');
  });

  it('ignore what they do not understand', () => {
    expect(parseFilters('?role=Boss&state=gone&status=&stale=maybe&sort=size&domain=<x>')).toEqual(
      NO_FILTERS,
    );
    expect(isFiltered(parseFilters('?sort=title&dir=desc'))).toBe(false);
    expect(isFiltered(parseFilters('?stale=no'))).toBe(true);
  });
});
