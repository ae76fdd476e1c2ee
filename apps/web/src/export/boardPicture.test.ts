import { createTemplateDoc, recordCheckin, toJSON, updateCard } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { boardPictureElements, boardPictureSvg, escapeXml, wrap } from './boardPicture.ts';
import { pictureLayout } from './pictureLayout.ts';

describe('board picture', () => {
  it('draws the grid with the lane and phase labels in the UI language, in page units', () => {
    const roadmap = toJSON(createTemplateDoc());
    const grid = boardPictureElements(roadmap, { lang: 'en', cards: false });
    expect(grid).toContain('>Digital governance</tspan>');
    expect(grid).toContain('Phase 1');
    expect(grid).toContain('Period 3');
    expect(grid).not.toContain('data-card-id');
    const fr = boardPictureElements(roadmap, { lang: 'fr', cards: false });
    expect(fr).toContain('Gouvernance');
    const { layout } = pictureLayout(roadmap);
    const svg = boardPictureSvg(roadmap, { lang: 'en', description: 'A board' });
    expect(svg).toContain(`viewBox="0 0 ${layout.width} ${layout.height}"`);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title>Joint Councils');
  });

  it('draws each visible card with its state and status written, and escapes text', () => {
    const doc = createTemplateDoc(undefined, '2025-10-01T00:00:00Z');
    updateCard(doc, { id: 'card-security', title: { en: 'Security <&> "trust"' } }, 'x');
    recordCheckin(
      doc,
      { cardId: 'card-security', status: 'at-risk', author: 'A', at: '2026-04-20T10:00:00Z' },
      'x',
    );
    const roadmap = toJSON(doc);
    const svg = boardPictureSvg(roadmap, {
      lang: 'en',
      description: 'd',
      now: new Date('2026-05-01T00:00:00Z'),
    });
    expect(svg.match(/data-card-id=/g)).toHaveLength(
      roadmap.cards.filter((c) => !c.archived).length,
    );
    expect(svg).toContain('Security &lt;&amp;&gt; &quot;trust&quot;');
    expect(svg).toContain('At risk ·');
    expect(svg).toContain('No check-in');
    expect(svg).toContain('⚠ Overdue');
    // Well-formed XML.
    expect(svg).not.toMatch(/<[^>]*<(?!\/)/);
  });

  it('draws every roadmap item as a bar with its role, kind and label, in the UI language', () => {
    const roadmap = toJSON(createTemplateDoc());
    const svg = boardPictureSvg(roadmap, { lang: 'en', description: 'd' });
    expect(svg.match(/data-item-id=/g)).toHaveLength(29);
    expect(svg).toContain('>Service design handbook</tspan>');
    expect(svg).toContain('>Ongoing activity</tspan>');
    const fr = boardPictureSvg(roadmap, { lang: 'fr', description: 'd' });
    expect(fr).toContain('>Manuel de conception des services</tspan>');
    // The grid alone (behind tldraw's shapes) has none.
    expect(boardPictureElements(roadmap, { lang: 'en', cards: false })).not.toContain(
      'data-item-id',
    );
  });

  it('wraps and ellipsizes', () => {
    expect(wrap('one two three four', 9, 3)).toEqual(['one two', 'three', 'four']);
    expect(wrap('one two three four five six', 9, 2)).toEqual(['one two', 'three fo…']);
    expect(wrap('supercalifragilistic', 8, 2)).toEqual(['superca…']);
    expect(escapeXml(`<a href='x'>&</a>`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;');
  });
});
