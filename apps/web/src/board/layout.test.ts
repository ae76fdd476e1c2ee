import { fromJSON, moveCard, type Roadmap, templateRoadmap, toJSON } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import {
  CARD_H,
  CARD_W,
  cellAt,
  computeLayout,
  dropTarget,
  GAP,
  HEADER_H,
  ITEM_GAP,
  ITEM_H,
  itemTarget,
  LABEL_W,
  PAD,
  packRows,
  STRIP_H,
} from './layout.ts';

const template = (): Roadmap => templateRoadmap();

describe('computeLayout', () => {
  it('lays the template out: ten lanes in order, Phase 1 with its three periods, then Phase 2', () => {
    const layout = computeLayout(template());
    expect(layout.lanes.map((l) => l.label.en)).toEqual([
      'Digital governance',
      'Policy and legislation modernization',
      'Jurisdictional alignment',
      'Digital enablement',
      'Client experience',
      'Client engagement',
      'Digital skills',
      'Program structure',
      'Strategic partnerships',
      'Measurement and reporting',
    ]);
    const [phase1, phase2] = layout.columns;
    expect(phase1).toMatchObject({ phaseId: 'phase-1', x: LABEL_W, cols: 3 });
    expect(phase1?.periods.map((p) => p.label.en)).toEqual(['Period 1', 'Period 2', 'Period 3']);
    expect(phase2).toMatchObject({ phaseId: 'phase-2', x: LABEL_W + phase1!.w, cols: 2 });
    expect(layout.lanes[0]?.y).toBe(HEADER_H);
    // Lanes touch: each starts where the previous ends.
    for (let i = 1; i < layout.lanes.length; i++) {
      expect(layout.lanes[i]?.y).toBe(layout.lanes[i - 1]!.y + layout.lanes[i - 1]!.h);
    }
  });

  it('places every visible card and item inside its lane and columns, none overlapping', () => {
    const roadmap = template();
    const layout = computeLayout(roadmap);
    expect(layout.cards.size).toBe(roadmap.cards.length);
    expect(layout.items.size).toBe(29);
    const boxes: Box[] = [];
    for (const card of layout.cards.values()) {
      const lane = layout.lanes.find((l) => l.domainId === card.domainId)!;
      const column = layout.columns.find((c) => c.phaseId === card.phaseId)!;
      expect(card.x).toBeGreaterThanOrEqual(column.x);
      expect(card.x + card.w).toBeLessThanOrEqual(column.x + column.w);
      expect(card.y).toBeGreaterThanOrEqual(lane.cardsY);
      expect(card.y + card.h).toBeLessThanOrEqual(lane.y + lane.h - PAD);
      boxes.push({ id: card.cardId, ...card });
    }
    for (const item of layout.items.values()) {
      const lane = layout.lanes.find((l) => l.domainId === item.domainId)!;
      expect(item.y).toBeGreaterThanOrEqual(lane.itemsY);
      expect(item.y + item.h).toBeLessThanOrEqual(lane.cardsY);
      boxes.push({ id: item.itemId, ...item });
    }
    expectApart(boxes);
  });

  it('draws each item from its first period column to its last', () => {
    const roadmap = template();
    const layout = computeLayout(roadmap);
    const column = (id: string) => layout.periods.find((p) => p.id === id)!;
    for (const item of roadmap.items) {
      const bar = layout.items.get(item.id)!;
      const first = column(item.startPeriodId);
      const last = column(item.endPeriodId);
      expect(bar.x, item.id).toBeGreaterThan(first.x);
      expect(bar.x, item.id).toBeLessThan(first.x + first.w / 4);
      expect(bar.x + bar.w, item.id).toBeLessThan(last.x + last.w);
      expect(bar.x + bar.w, item.id).toBeGreaterThan(last.x + (last.w * 3) / 4);
    }
    // "Service design handbook" runs over Periods 1 to 3: the whole width of Phase 1.
    const handbook = roadmap.items.find((i) => i.label.en.startsWith('Service design handbook'))!;
    expect([handbook.startPeriodId, handbook.endPeriodId]).toEqual(['period-1', 'period-3']);
    const phase1 = layout.columns[0]!;
    expect(layout.items.get(handbook.id)!.w).toBeGreaterThan(phase1.w - 2 * PAD);
  });

  it('puts a card in the columns of the periods it covers, packing teams that share a period', () => {
    const roadmap = template();
    const ids = roadmap.cards
      .filter((c) => c.domainId === 'domain-digital-governance' && c.phaseId === 'phase-1')
      .map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const periodsOf: Record<string, string[]> = {
      [ids[0]!]: ['period-1'],
      [ids[1]!]: ['period-2', 'period-3'],
      [ids[2]!]: ['period-1', 'period-2'],
    };
    const layout = computeLayout({
      ...roadmap,
      cards: roadmap.cards.map((c) => ({ ...c, periodIds: periodsOf[c.id] ?? c.periodIds })),
    });
    const [p1, p2, p3] = layout.periods;
    const place = (id: string) => layout.cards.get(id)!;
    const inside = (id: string, from: typeof p1, to: typeof p1) => {
      expect(place(id).x).toBeGreaterThanOrEqual(from!.x);
      expect(place(id).x).toBeLessThan(from!.x + GAP);
      expect(place(id).x + place(id).w).toBeLessThanOrEqual(to!.x + to!.w);
      expect(place(id).x + place(id).w).toBeGreaterThan(to!.x + to!.w - GAP);
    };
    inside(ids[0]!, p1, p1);
    inside(ids[1]!, p2, p3);
    inside(ids[2]!, p1, p2);
    // Period 1 and Periods 2–3 share a row; Periods 1–2 overlaps both and takes the next one.
    expect(place(ids[1]!).y).toBe(place(ids[0]!).y);
    expect(place(ids[2]!).y).toBe(place(ids[0]!).y + CARD_H + GAP);
    // A card of the whole phase (no periods named) spans all three columns.
    const whole = roadmap.cards.find((c) => c.phaseId === 'phase-1' && !(c.id in periodsOf))!;
    inside(whole.id, p1, p3);
    // A card of one period is full height; one spanning periods is a strip, and a row is as
    // high as its highest card: the strip of Periods 2–3 beside a full card, the next row after.
    expect(place(ids[0]!).h).toBe(CARD_H);
    expect(place(ids[1]!).h).toBe(STRIP_H);
    expect(place(ids[2]!).h).toBe(STRIP_H);
    expect(place(whole.id).h).toBe(STRIP_H);
    expectApart([...layout.cards.values()].map((c) => ({ id: c.cardId, ...c })));
  });

  it('keeps the cards of a phase without periods in a grid of two across', () => {
    const layout = computeLayout(template());
    const phase2 = layout.columns[1]!;
    expect(phase2.periods).toEqual([]);
    const cards = [...layout.cards.values()].filter((c) => c.phaseId === 'phase-2');
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(card.w).toBe(CARD_W);
      expect([phase2.x + PAD, phase2.x + PAD + CARD_W + GAP]).toContain(card.x);
    }
  });

  it('packs items first-fit by first period, and grows the band with its rows', () => {
    const roadmap = template();
    const lane = 'domain-digital-governance';
    const item = (id: string, start: string, end: string, order: string) => ({
      id,
      label: { fr: id, en: id },
      role: 'In' as const,
      kind: 'new' as const,
      domainId: lane,
      startPeriodId: start,
      endPeriodId: end,
      order,
      cardIds: [],
    });
    const layout = computeLayout({
      ...roadmap,
      items: [
        item('a', 'period-1', 'period-2', 'a'),
        item('b', 'period-2', 'period-3', 'b'),
        item('c', 'period-3', 'period-3', 'c'),
        item('d', 'period-1', 'period-1', 'd'),
      ],
    });
    const row = (id: string) => layout.items.get(id)!.row;
    expect([row('a'), row('d'), row('b'), row('c')]).toEqual([0, 1, 1, 0]);
    const governance = layout.lanes.find((l) => l.domainId === lane)!;
    expect(governance.itemsH).toBe(2 * ITEM_H + ITEM_GAP);
    expect(governance.cardsY).toBe(governance.itemsY + governance.itemsH + GAP);
    // A lane without items has no band.
    const other = layout.lanes.find((l) => l.domainId !== lane)!;
    expect(other.itemsH).toBe(0);
    expect(other.cardsY).toBe(other.y + PAD);
  });

  it('packs rows of ranges first-fit', () => {
    expect(
      packRows([
        { start: 0, end: 1 },
        { start: 1, end: 2 },
        { start: 2, end: 2 },
        { start: 0, end: 0 },
      ]),
    ).toEqual({ rows: [0, 1, 0, 1], count: 2 });
    expect(packRows([])).toEqual({ rows: [], count: 0 });
  });

  it('orders a cell by fractional index and follows a move', () => {
    const doc = fromJSON(template());
    const before = computeLayout(toJSON(doc)).cells.get('domain-digital-governance/phase-1')!;
    moveCard(
      doc,
      {
        id: before[2]!,
        domainId: 'domain-digital-governance',
        phaseId: 'phase-1',
        position: { before: before[0]! },
      },
      'test',
    );
    const after = computeLayout(toJSON(doc));
    expect(after.cells.get('domain-digital-governance/phase-1')).toEqual([
      before[2],
      before[0],
      before[1],
    ]);
    expect(after.cards.get(before[2]!)).toMatchObject({ index: 0 });
    // Whole-phase cards stack in their order.
    const y = (id: string) => after.cards.get(id)!.y;
    expect(y(before[2]!)).toBeLessThan(y(before[0]!));
    expect(y(before[0]!)).toBeLessThan(y(before[1]!));
  });

  it('leaves archived cards out', () => {
    const roadmap = template();
    const archived = {
      ...roadmap,
      cards: roadmap.cards.map((c, i) => ({ ...c, archived: i === 0 })),
    };
    const layout = computeLayout(archived);
    expect(layout.cards.has(roadmap.cards[0]!.id)).toBe(false);
    expect(layout.cards.size).toBe(roadmap.cards.length - 1);
  });
});

describe('cellAt and dropTarget', () => {
  const layout = computeLayout(template());
  const lane = (id: string) => layout.lanes.find((l) => l.domainId === `domain-${id}`)!;
  const column = (id: string) => layout.columns.find((c) => c.phaseId === id)!;

  it('finds the cell under a point, and nothing over labels, headers or outside', () => {
    const skills = lane('digital-skills');
    const p2 = column('phase-2');
    expect(cellAt(layout, { x: p2.x + 5, y: skills.y + 5 })).toEqual({
      domainId: 'domain-digital-skills',
      phaseId: 'phase-2',
    });
    expect(cellAt(layout, { x: LABEL_W - 1, y: skills.y + 5 })).toBeNull();
    expect(cellAt(layout, { x: p2.x + 5, y: HEADER_H - 1 })).toBeNull();
    expect(cellAt(layout, { x: layout.width + 1, y: skills.y + 5 })).toBeNull();
    expect(cellAt(layout, { x: p2.x + 5, y: layout.height + 1 })).toBeNull();
  });

  it('drops into an empty cell at the end', () => {
    const skills = lane('digital-skills');
    const p2 = column('phase-2');
    const target = dropTarget(layout, 'card-security', {
      x: p2.x + PAD + CARD_W / 2,
      y: skills.cardsY + CARD_H / 2,
    });
    expect(target).toEqual({
      domainId: 'domain-digital-skills',
      phaseId: 'phase-2',
      index: 0,
      position: {},
      unchanged: false,
    });
  });

  it('drops before the card whose row it lands on, or after the last one', () => {
    const p1 = column('phase-1');
    const ids = layout.cells.get('domain-digital-governance/phase-1')!;
    // The middle of card i's row (its rows are strips: whole-phase cards span the periods).
    const rowCenter = (i: number) => {
      const place = layout.cards.get(ids[i]!)!;
      return { x: p1.x + p1.w / 2, y: place.y + place.h / 2 };
    };
    expect(dropTarget(layout, 'card-security', rowCenter(1))).toMatchObject({
      index: 1,
      position: { before: ids[1] },
    });
    // A second-row slot of an open phase's cell holding one card: after that card.
    const enablement = lane('digital-enablement');
    const p2 = column('phase-2');
    expect(layout.cells.get('domain-digital-enablement/phase-2')).toEqual(['card-privacy']);
    expect(
      dropTarget(layout, 'card-security', {
        x: p2.x + PAD + CARD_W / 2,
        y: enablement.cardsY + CARD_H + GAP + CARD_H / 2,
      }),
    ).toMatchObject({ index: 1, position: { after: 'card-privacy' } });
  });

  it('reorders within a cell, and knows when nothing changes', () => {
    const p1 = column('phase-1');
    const ids = layout.cells.get('domain-digital-governance/phase-1')!;
    // The middle of card i's row (its rows are strips: whole-phase cards span the periods).
    const rowCenter = (i: number) => {
      const place = layout.cards.get(ids[i]!)!;
      return { x: p1.x + p1.w / 2, y: place.y + place.h / 2 };
    };
    // First card dropped on the last card's upper half: before it; on its lower half: after.
    expect(dropTarget(layout, ids[0]!, rowCenter(2))).toMatchObject({
      index: 1,
      position: { before: ids[2] },
      unchanged: false,
    });
    const lower = { ...rowCenter(2), y: rowCenter(2).y + STRIP_H / 4 };
    expect(dropTarget(layout, ids[0]!, lower)).toMatchObject({
      index: 2,
      position: { after: ids[2] },
    });
    // Last card dropped on the first row: before the first.
    expect(dropTarget(layout, ids[2]!, rowCenter(0))).toMatchObject({
      index: 0,
      position: { before: ids[0] },
    });
    expect(dropTarget(layout, ids[1]!, rowCenter(1))).toMatchObject({ unchanged: true });
  });

  it('refuses a drop outside the grid', () => {
    expect(dropTarget(layout, 'card-security', { x: 10, y: 10 })).toBeNull();
  });
});

describe('itemTarget', () => {
  const roadmap = template();
  const layout = computeLayout(roadmap);
  // An item of Period 1 only.
  const item = roadmap.items.find(
    (i) => i.startPeriodId === 'period-1' && i.endPeriodId === 'period-1',
  )!;
  const bar = layout.items.get(item.id)!;
  const [p1, p2, p3] = layout.periods;

  it('stretches an end to the column boundary nearest the pointer', () => {
    // Right end dragged to three quarters of Period 3: Period 1 to Period 3.
    const stretched = { ...bar, w: p3!.x + (p3!.w * 3) / 4 - bar.x };
    expect(itemTarget(layout, item.id, stretched, 'end')).toEqual({
      domainId: item.domainId,
      startPeriodId: 'period-1',
      endPeriodId: 'period-3',
      unchanged: false,
    });
    // Only a quarter into Period 2: still Period 1.
    const short = { ...bar, w: p2!.x + p2!.w / 4 - bar.x };
    expect(itemTarget(layout, item.id, short, 'end')).toMatchObject({
      endPeriodId: 'period-1',
      unchanged: true,
    });
    // An end never crosses the other one.
    const crossed = { ...bar, x: p3!.x + p3!.w / 2 + 1, w: 10 };
    expect(itemTarget(layout, item.id, crossed, 'start')).toMatchObject({
      startPeriodId: 'period-1',
    });
  });

  it('moves a bar with its length to the lane and column under it', () => {
    const wide = roadmap.items.find(
      (i) => i.startPeriodId === 'period-1' && i.endPeriodId === 'period-2',
    )!;
    const from = layout.items.get(wide.id)!;
    const other = layout.lanes.find((l) => l.domainId !== wide.domainId)!;
    const moved = { ...from, x: from.x + p1!.w, y: other.y + 4 };
    expect(itemTarget(layout, wide.id, moved, 'move')).toEqual({
      domainId: other.domainId,
      startPeriodId: 'period-2',
      endPeriodId: 'period-3',
      unchanged: false,
    });
    // Pushed past the end of the timeline, it stops at the last column.
    const far = { ...from, x: layout.width + 500 };
    expect(itemTarget(layout, wide.id, far, 'move')).toMatchObject({
      startPeriodId: 'period-2',
      endPeriodId: 'period-3',
    });
    expect(itemTarget(layout, wide.id, { ...from, y: -500 }, 'move')).toBeNull();
  });
});

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function expectApart(boxes: readonly Box[]): void {
  for (const a of boxes) {
    for (const b of boxes) {
      if (a === b) continue;
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      expect(apart, `${a.id} / ${b.id}`).toBe(true);
    }
  }
}
