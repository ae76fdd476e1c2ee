import { createTemplateDoc, toJSON } from '@fdr/model';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ItemsByPeriod } from './ItemsByPeriod.tsx';

describe('the roadmap by period (meeting pack)', () => {
  const roadmap = toJSON(createTemplateDoc());

  it('groups the items by domain and marks, in words, the periods each one spans', () => {
    const html = renderToStaticMarkup(<ItemsByPeriod roadmap={roadmap} lang="en" headingId="h" />);
    expect(html.match(/<tbody/g)).toHaveLength(new Set(roadmap.items.map((i) => i.domainId)).size);
    expect(html.match(/<th scope="rowgroup"/g)?.length).toBe(
      new Set(roadmap.items.map((i) => i.domainId)).size,
    );
    expect(html.match(/data-item-id=/g)).toHaveLength(29);
    const pilotB = html.slice(html.indexOf('data-item-id="item-pilot-b"'));
    const row = pilotB.slice(0, pilotB.indexOf('</tr>'));
    // Pilot B runs in Period 3 only.
    expect(row.match(/Planned/g)).toHaveLength(1);
    expect(row.lastIndexOf('Planned')).toBeGreaterThan(row.lastIndexOf('<td></td>'));
    const fr = renderToStaticMarkup(<ItemsByPeriod roadmap={roadmap} lang="fr" headingId="h" />);
    expect(fr).toContain('Période 3');
    expect(fr).toContain('Manuel de conception des services');
  });
});
