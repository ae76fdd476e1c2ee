import { templateRoadmap } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { computeLayout } from '../board/layout.ts';
import { boardPictureElements } from '../export/boardPicture.ts';
import {
  LETTER_LANDSCAPE,
  MIN_PRINT_TEXT_PT,
  planPrintTiles,
  smallestFontSize,
} from './printTiles.ts';

const MM_PER_PT = 25.4 / 72;

describe('planPrintTiles', () => {
  const roadmap = templateRoadmap();
  const layout = computeLayout(roadmap);
  const smallest = smallestFontSize(
    boardPictureElements(roadmap, { lang: 'fr', cards: true, now: new Date('2026-01-01') }),
  );
  const plan = planPrintTiles(layout, smallest);

  it('prints the smallest text of the picture at 7 pt or more', () => {
    expect(smallest).toBeGreaterThan(0);
    expect(smallest * plan.mmPerUnit).toBeGreaterThanOrEqual(MIN_PRINT_TEXT_PT * MM_PER_PT - 1e-9);
  });

  it('covers every lane of every column exactly once', () => {
    const covered = new Map<string, number>();
    for (const tile of plan.tiles)
      for (const phaseId of tile.phaseIds)
        for (const domainId of tile.domainIds)
          covered.set(`${phaseId}/${domainId}`, (covered.get(`${phaseId}/${domainId}`) ?? 0) + 1);
    expect(covered.size).toBe(layout.columns.length * layout.lanes.length);
    expect([...covered.values()].every((n) => n === 1)).toBe(true);
  });

  it('fits every tile, with its repeated labels and headers, on its page', () => {
    plan.tiles.forEach((tile, index) => {
      const width = (plan.labelWidth + tile.x.to - tile.x.from) * plan.mmPerUnit;
      const height = (plan.headerHeight + tile.y.to - tile.y.from) * plan.mmPerUnit;
      const room =
        LETTER_LANDSCAPE.heightMm - (index === 0 ? LETTER_LANDSCAPE.firstPageHeaderMm : 0);
      expect(width).toBeLessThanOrEqual(LETTER_LANDSCAPE.widthMm + 1e-9);
      expect(height).toBeLessThanOrEqual(room + 1e-9);
    });
  });

  it('uses the width: the widest tile spans the page', () => {
    const widest = Math.max(
      ...plan.tiles.map((t) => (plan.labelWidth + t.x.to - t.x.from) * plan.mmPerUnit),
    );
    expect(widest).toBeGreaterThan(LETTER_LANDSCAPE.widthMm * 0.98);
  });

  it('reads the smallest font size of the markup', () => {
    expect(smallestFontSize('<text font-size="20"/><text font-size="11.5"/>')).toBe(11.5);
  });
});
