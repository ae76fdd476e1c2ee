import { fromJSON, recordCheckin, templateRoadmap, toJSON } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { cardIdOfShape, cardShapeId, cardShapeProps, isCardShapeId } from './cardShape.ts';

describe('card shape ids', () => {
  it('derive from the card id and back', () => {
    expect(cardShapeId('card-security')).toBe('shape:card:card-security');
    expect(cardIdOfShape(cardShapeId('card-security'))).toBe('card-security');
    expect(isCardShapeId('shape:abc')).toBe(false);
    expect(cardIdOfShape('shape:abc')).toBeNull();
  });
});

describe('cardShapeProps', () => {
  // Created three months before the dates below.
  const roadmap = toJSON(fromJSON(templateRoadmap('2025-10-01T00:00:00Z')));
  const phase1 = roadmap.phases[0]!;
  const security = roadmap.cards.find((c) => c.id === 'card-security')!;

  it('shows both titles, role and state, and a whole-phase card active in every period', () => {
    const props = cardShapeProps(security, phase1, 60, new Date('2026-01-01'));
    expect(props).toMatchObject({
      cardId: 'card-security',
      titleFr: 'Équipe spéciale chargée de la sécurité',
      titleEn: 'Security',
      role: 'CE',
      state: 'new',
      status: '',
      statusAt: '',
      periods: '111',
    });
    // Never checked in, for longer than the board's delay since it was created: stale.
    expect(props.stale).toBe(true);
    // A card created lately is not, check-in or not.
    const fresh = { ...security, createdAt: '2025-12-20T00:00:00Z' };
    expect(cardShapeProps(fresh, phase1, 60, new Date('2026-01-01')).stale).toBe(false);
  });

  it('marks only the card’s periods', () => {
    const props = cardShapeProps(
      { ...security, periodIds: ['period-2'] },
      phase1,
      60,
      new Date('2026-01-01'),
    );
    expect(props.periods).toBe('010');
    expect(cardShapeProps(security, roadmap.phases[1], 60, new Date()).periods).toBe('');
  });

  it('carries the latest check-in and goes stale after the board’s delay', () => {
    const doc = fromJSON(templateRoadmap());
    recordCheckin(
      doc,
      {
        cardId: 'card-security',
        status: 'at-risk',
        author: 'Secrétariat',
        at: '2026-03-01T10:00:00.000Z',
      },
      'test',
    );
    const card = toJSON(doc).cards.find((c) => c.id === 'card-security')!;
    const fresh = cardShapeProps(card, phase1, 60, new Date('2026-03-20T00:00:00Z'));
    expect(fresh).toMatchObject({ status: 'at-risk', statusAt: '2026-03-01T10:00:00.000Z' });
    expect(fresh.stale).toBe(false);
    expect(cardShapeProps(card, phase1, 60, new Date('2026-06-01T00:00:00Z')).stale).toBe(true);
  });
});
