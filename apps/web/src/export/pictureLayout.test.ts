import { createTemplateDoc, toJSON } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { pictureLayout } from './pictureLayout.ts';

type Box = { x: number; y: number; w: number; h: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('picture layout', () => {
  const roadmap = toJSON(createTemplateDoc());
  const { layout, items } = pictureLayout(roadmap);

  it('puts each item’s bar from its first period’s column to its last’s, inside its lane', () => {
    expect(items.size).toBe(29);
    const periods = layout.columns.flatMap((c) => c.periods);
    const handbook = items.get('item-service-design-handbook')!;
    expect(handbook.x).toBeGreaterThan(periods[0]!.x);
    expect(handbook.x).toBeLessThan(periods[0]!.x + 20);
    expect(handbook.x + handbook.w).toBeGreaterThan(periods[2]!.x + periods[2]!.w - 20);
    const pilot = items.get('item-pilot-b')!;
    expect(pilot.x).toBeGreaterThan(periods[2]!.x);
    for (const item of roadmap.items) {
      const lane = layout.lanes.find((l) => l.domainId === item.domainId)!;
      const bar = items.get(item.id)!;
      expect(bar.y).toBeGreaterThanOrEqual(lane.y);
      expect(bar.y + bar.h).toBeLessThanOrEqual(lane.y + lane.h);
    }
  });

  it('never lets two bars, or a bar and a card, overlap: bars sit above their lane’s cards', () => {
    const bars = [...items.values()];
    for (const [i, a] of bars.entries()) {
      for (const b of bars.slice(i + 1))
        expect(overlap(a, b), `${a.itemId}/${b.itemId}`).toBe(false);
      for (const card of layout.cards.values()) {
        expect(overlap(a, card), `${a.itemId}/${card.cardId}`).toBe(false);
      }
    }
    for (const lane of layout.lanes) {
      for (const card of layout.cards.values()) {
        if (card.domainId === lane.domainId) expect(card.y).toBeGreaterThanOrEqual(lane.cardsY);
      }
    }
  });
});
