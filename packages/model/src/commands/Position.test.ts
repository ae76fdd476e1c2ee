import { describe, expect, it } from 'vitest';
import { compareByOrder } from '../fractionalIndex.ts';
import { ModelError } from '../ModelError.ts';
import { catchModelError } from '../test/catchModelError.ts';
import { LONGEST_KEY, placeAmong } from './Position.ts';

const siblings = [
  { id: 'a', order: 'G' },
  { id: 'b', order: 'V' },
  { id: 'c', order: 'k' },
];

function orderAfter(
  list: { id: string; order: string }[],
  id: string,
  placement: ReturnType<typeof placeAmong>,
) {
  const rekeys = new Map(placement.rekeyed);
  return [
    ...list.map((s) => ({ ...s, order: rekeys.get(s.id) ?? s.order })),
    { id, order: placement.key },
  ]
    .sort(compareByOrder)
    .map((s) => s.id);
}

describe('placeAmong', () => {
  it('places at the end by default, or after/before a sibling, or at an index', () => {
    expect(orderAfter(siblings, 'x', placeAmong(siblings))).toEqual(['a', 'b', 'c', 'x']);
    expect(orderAfter(siblings, 'x', placeAmong(siblings, { after: 'a' }))).toEqual([
      'a',
      'x',
      'b',
      'c',
    ]);
    expect(orderAfter(siblings, 'x', placeAmong(siblings, { before: 'a' }))).toEqual([
      'x',
      'a',
      'b',
      'c',
    ]);
    expect(orderAfter(siblings, 'x', placeAmong(siblings, { index: 2 }))).toEqual([
      'a',
      'b',
      'x',
      'c',
    ]);
    expect(orderAfter([], 'x', placeAmong([], { index: 0 }))).toEqual(['x']);
  });

  it('spreads a run of equal keys so the record lands exactly where asked', () => {
    const tied = [
      { id: 'a', order: 'G' },
      { id: 'p', order: 'V' },
      { id: 'q', order: 'V' },
      { id: 'r', order: 'V' },
      { id: 'z', order: 'k' },
    ];
    const placement = placeAmong(tied, { after: 'q' });
    expect(placement.rekeyed.map(([id]) => id)).toEqual(['p', 'q', 'r']);
    expect(orderAfter(tied, 'x', placement)).toEqual(['a', 'p', 'q', 'x', 'r', 'z']);
    const keys = [...placement.rekeyed.map(([, key]) => key), placement.key];
    expect(new Set(keys).size).toBe(4);
  });

  it('respreads the list instead of letting keys grow without bound', () => {
    let list = [...siblings];
    for (let i = 0; i < 400; i++) {
      const placement = placeAmong(list, { index: 1 });
      const rekeys = new Map(placement.rekeyed);
      list = [
        ...list.map((s) => ({ ...s, order: rekeys.get(s.id) ?? s.order })),
        { id: `n${i}`, order: placement.key },
      ].sort(compareByOrder);
      expect(list[1]?.id).toBe(`n${i}`);
      expect(placement.key.length).toBeLessThanOrEqual(LONGEST_KEY);
    }
    expect(list[0]?.id).toBe('a');
    expect(list.slice(-2).map((s) => s.id)).toEqual(['b', 'c']);
    expect(list.map((s) => s.id).slice(1, 4)).toEqual(['n399', 'n398', 'n397']);
  });

  it('rejects unknown references, bad indexes and several positions at once', () => {
    for (const position of [
      { after: 'nope' },
      { index: 4 },
      { index: -1 },
      { index: 1.5 },
      { after: 'a', index: 0 },
    ]) {
      expect(() => placeAmong(siblings, position)).toThrow(ModelError);
    }
    const error = catchModelError(() => placeAmong(siblings, { before: 'nope' }));
    expect(error.code).toBe('invalid-position');
    expect(error.messages.fr).toMatch(/n'est pas dans cette case/);
  });
});
