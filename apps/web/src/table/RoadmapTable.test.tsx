import { createTemplateDoc, recordCheckin, toJSON } from '@fdr/model';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RoadmapTable, type RowActions } from './RoadmapTable.tsx';
import { NO_FILTERS } from './tableRows.ts';

function roadmap() {
  // Created more than a check-in interval before NOW: teams without a check-in are overdue.
  const doc = createTemplateDoc(undefined, '2025-06-01T00:00:00Z');
  recordCheckin(
    doc,
    { cardId: 'card-security', status: 'blocked', author: 'A', at: '2026-04-20T10:00:00Z' },
    'x',
  );
  return toJSON(doc);
}

const NOW = new Date('2026-05-01T00:00:00Z');
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('RoadmapTable', () => {
  it('shows any roadmap (a version, say) read-only: headings, table semantics, no controls', () => {
    const board = roadmap();
    const html = renderToStaticMarkup(
      <RoadmapTable roadmap={board} lang="en" now={NOW} readOnly />,
    );
    expect(count(html, /<h2 /g)).toBe(10);
    expect(count(html, /<h3 /g)).toBe(20);
    expect(html).toContain('<th scope="col"');
    expect(count(html, /<th scope="row"/g)).toBe(board.cards.filter((c) => !c.archived).length);
    expect(html).toContain('<caption');
    expect(html).not.toContain('<button');
    // Status in words, with the overdue marker written out too.
    expect(html).toContain('Blocked');
    expect(html).toContain('Overdue');
    // With nothing to press inside, each table's scrolling box takes focus itself.
    expect(count(html, /class="fdr-table-scroll" role="group"[^>]*tabindex="0"/g)).toBe(
      count(html, /<table/g),
    );
  });

  it('offers only what the role allows', () => {
    const base: RowActions = {
      canEdit: false,
      canCheckIn: (id) => id === 'card-security',
      onSave: () => true,
      onMove: () => {},
      onCheckin: () => {},
      onArchive: () => {},
      onAdd: () => {},
    };
    const taskTeam = renderToStaticMarkup(
      <RoadmapTable roadmap={roadmap()} lang="fr" now={NOW} actions={base} />,
    );
    expect(count(taskTeam, /data-action="checkin"/g)).toBe(1);
    expect(taskTeam).not.toMatch(/data-action="(edit|move|archive)"/);
    expect(taskTeam).toContain(
      'aria-label="Nouveau bilan pour « Équipe spéciale chargée de la sécurité »"',
    );
    const council = renderToStaticMarkup(
      <RoadmapTable
        roadmap={roadmap()}
        lang="en"
        now={NOW}
        actions={{ ...base, canEdit: true, canCheckIn: () => true }}
        filters={{ ...NO_FILTERS, status: 'blocked' }}
      />,
    );
    expect(council).toMatch(/data-action="edit"[^>]*>Edit</);
    expect(council).toContain('aria-label="Edit “Security”"');
    expect(count(council, /data-testid="table-row"/g)).toBe(1);
  });
});
