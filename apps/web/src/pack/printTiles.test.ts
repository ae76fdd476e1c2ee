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
  // The same cut, every part kept (a picture without cards and items leaves nothing out).
  const full = planPrintTiles(
    { columns: layout.columns, lanes: layout.lanes, width: layout.width, height: layout.height },
    smallest,
  );

  it('prints the smallest text of the picture at 7 pt or more', () => {
    expect(smallest).toBeGreaterThan(0);
    expect(smallest * plan.mmPerUnit).toBeGreaterThanOrEqual(MIN_PRINT_TEXT_PT * MM_PER_PT - 1e-9);
  });

  it('covers every lane of every column, each part of the picture exactly once', () => {
    const covered = new Set<string>();
    for (const tile of full.tiles)
      for (const phaseId of tile.phaseIds)
        for (const domainId of tile.domainIds) covered.add(`${phaseId}/${domainId}`);
    expect(covered.size).toBe(layout.columns.length * layout.lanes.length);
    // A lane taller than a page is cut across pages: per column, the tiles' heights follow one
    // another without a gap or an overlap, from the first lane's top to the last lane's bottom.
    for (const column of layout.columns) {
      const spans = full.tiles
        .filter((t) => t.phaseIds.includes(column.phaseId))
        .map((t) => t.y)
        .sort((a, b) => a.from - b.from);
      expect(spans[0]?.from).toBe(layout.lanes[0]?.y);
      spans.slice(1).forEach((span, i) => {
        expect(span.from).toBe(spans[i]?.to);
      });
      expect(spans[spans.length - 1]?.to).toBe(layout.height);
    }
  });

  it('leaves out the parts with no card and no item, and prints every card and item', () => {
    expect(full.leftOut).toBe(0);
    expect(plan.leftOut).toBeGreaterThan(0);
    expect(plan.tiles.length + plan.leftOut).toBe(full.tiles.length);
    const inside = (b: { x: number; y: number; w: number; h: number }) =>
      plan.tiles.some(
        (t) =>
          b.x + b.w / 2 >= t.x.from &&
          b.x + b.w / 2 < t.x.to &&
          b.y + b.h / 2 >= t.y.from &&
          b.y + b.h / 2 < t.y.to,
      );
    for (const box of [...layout.cards.values(), ...layout.items.values()]) {
      expect(inside(box)).toBe(true);
    }
  });

  it('cuts a lane taller than a page between its cards and bars, never through one', () => {
    const cuts = new Set(plan.tiles.map((t) => t.y.to).filter((y) => y < layout.height));
    const laneEdges = new Set(layout.lanes.map((l) => l.y));
    // The template has such a lane: some cut falls inside a lane, not on its edge.
    expect([...cuts].some((y) => !laneEdges.has(y))).toBe(true);
    for (const y of cuts) {
      for (const box of [...layout.cards.values(), ...layout.items.values()]) {
        expect(box.y < y && box.y + box.h > y, `a box across the cut at ${y}`).toBe(false);
      }
    }
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
    // A lane a little taller than a page shrinks the scale a little (down to the legibility floor)
    // rather than being cut: the width is still nearly all used.
    expect(widest).toBeGreaterThan(LETTER_LANDSCAPE.widthMm * 0.95);
  });

  it('balances the pages: the last one is no sliver of a lane', () => {
    // Ten lanes of 300 units, a page holding three and a half of them (the scale set by the
    // width): a greedy cut gives pages of 3, 3, 3 and 1 lanes; balanced, 3, 3, 2 and 2.
    const lanes = Array.from({ length: 10 }, (_, i) => ({
      domainId: `d${i}`,
      y: 100 + i * 300,
      h: 300,
    }));
    const columns = [{ phaseId: 'p', x: 100, w: 800 }];
    const scale = 259.4 / 900;
    const page = { widthMm: 259.4, heightMm: (100 + 1050) * scale, firstPageHeaderMm: 0 };
    const balanced = planPrintTiles(
      { columns, lanes, width: 900, height: 3100 } as never,
      70,
      page,
    );
    const heights = balanced.tiles.map((t) => t.y.to - t.y.from);
    expect(balanced.mmPerUnit).toBeCloseTo(scale);
    expect(heights.length).toBe(4);
    expect(Math.min(...heights)).toBe(600);
  });

  it('reads the smallest font size of the markup', () => {
    expect(smallestFontSize('<text font-size="20"/><text font-size="11.5"/>')).toBe(11.5);
  });
});
