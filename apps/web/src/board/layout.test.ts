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
  LABEL_W,
  PAD,
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

  it('places every visible card inside its own cell, none overlapping', () => {
    const roadmap = template();
    const layout = computeLayout(roadmap);
    expect(layout.cards.size).toBe(roadmap.cards.length);
    const boxes = [...layout.cards.values()];
    for (const card of boxes) {
      const lane = layout.lanes.find((l) => l.domainId === card.domainId)!;
      const column = layout.columns.find((c) => c.phaseId === card.phaseId)!;
      expect(card.x).toBeGreaterThanOrEqual(column.x + PAD);
      expect(card.x + CARD_W).toBeLessThanOrEqual(column.x + column.w - PAD);
      expect(card.y).toBeGreaterThanOrEqual(lane.y + PAD);
      expect(card.y + CARD_H).toBeLessThanOrEqual(lane.y + lane.h - PAD);
    }
    for (const a of boxes) {
      for (const b of boxes) {
        if (a === b) continue;
        const apart =
          a.x + CARD_W <= b.x || b.x + CARD_W <= a.x || a.y + CARD_H <= b.y || b.y + CARD_H <= a.y;
        expect(apart, `${a.cardId} / ${b.cardId}`).toBe(true);
      }
    }
  });

  it('grows a lane with the rows its fullest cell needs', () => {
    const layout = computeLayout(template());
    const enablement = layout.lanes.find((l) => l.domainId === 'domain-digital-enablement')!;
    const governance = layout.lanes.find((l) => l.domainId === 'domain-digital-governance')!;
    // Digital enablement holds 6 Phase 1 cards (two rows); digital governance 3 (one row).
    expect(layout.cells.get('domain-digital-enablement/phase-1')).toHaveLength(6);
    expect(enablement.h).toBe(PAD * 2 + CARD_H * 2 + GAP);
    expect(governance.h).toBe(PAD * 2 + CARD_H);
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
    expect(after.cards.get(before[2]!)).toMatchObject({ index: 0, x: LABEL_W + PAD });
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
      y: skills.y + PAD + CARD_H / 2,
    });
    expect(target).toEqual({
      domainId: 'domain-digital-skills',
      phaseId: 'phase-2',
      index: 0,
      position: {},
      unchanged: false,
    });
  });

  it('drops before the card whose slot it lands on, or after the last one', () => {
    const governance = lane('digital-governance');
    const p1 = column('phase-1');
    const ids = layout.cells.get('domain-digital-governance/phase-1')!;
    const slot = (i: number) => ({
      x: p1.x + PAD + (i % 3) * (CARD_W + GAP) + CARD_W / 2,
      y: governance.y + PAD + Math.floor(i / 3) * (CARD_H + GAP) + CARD_H / 2,
    });
    expect(dropTarget(layout, 'card-security', slot(1))).toMatchObject({
      index: 1,
      position: { before: ids[1] },
    });
    // A second-row slot of a cell holding one card (its lane has two rows): after that card.
    const enablement = lane('digital-enablement');
    const p2 = column('phase-2');
    expect(layout.cells.get('domain-digital-enablement/phase-2')).toEqual(['card-privacy']);
    expect(
      dropTarget(layout, 'card-security', {
        x: p2.x + PAD + CARD_W / 2,
        y: enablement.y + PAD + CARD_H + GAP + CARD_H / 2,
      }),
    ).toMatchObject({ index: 1, position: { after: 'card-privacy' } });
  });

  it('reorders within a cell, and knows when nothing changes', () => {
    const governance = lane('digital-governance');
    const p1 = column('phase-1');
    const ids = layout.cells.get('domain-digital-governance/phase-1')!;
    const slotCenter = (i: number) => ({
      x: p1.x + PAD + i * (CARD_W + GAP) + CARD_W / 2,
      y: governance.y + PAD + CARD_H / 2,
    });
    // First card dropped on the last slot: after the others.
    expect(dropTarget(layout, ids[0]!, slotCenter(2))).toMatchObject({
      index: 2,
      position: { after: ids[2] },
      unchanged: false,
    });
    // Last card dropped on the first slot: before the first.
    expect(dropTarget(layout, ids[2]!, slotCenter(0))).toMatchObject({
      index: 0,
      position: { before: ids[0] },
    });
    expect(dropTarget(layout, ids[1]!, slotCenter(1))).toMatchObject({ unchanged: true });
  });

  it('refuses a drop outside the grid', () => {
    expect(dropTarget(layout, 'card-security', { x: 10, y: 10 })).toBeNull();
  });
});
