import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareByOrder, isOrderKey, keyBetween, keysBetween } from './fractionalIndex.ts';

const key = fc
  .array(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'), {
    minLength: 0,
    maxLength: 6,
  })
  .chain((digits) =>
    fc
      .constantFrom(...'123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
      .map((last) => digits.join('') + last),
  );

describe('keyBetween', () => {
  it('returns a valid key strictly between any two distinct keys', () => {
    fc.assert(
      fc.property(key, key, (x, y) => {
        fc.pre(x !== y);
        const [low, high] = x < y ? [x, y] : [y, x];
        const middle = keyBetween(low, high);
        expect(isOrderKey(middle)).toBe(true);
        expect(low < middle && middle < high).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles open ends', () => {
    fc.assert(
      fc.property(key, (k) => {
        const before = keyBetween(null, k);
        const after = keyBetween(k, null);
        expect(before < k && isOrderKey(before)).toBe(true);
        expect(after > k && isOrderKey(after)).toBe(true);
      }),
    );
    expect(isOrderKey(keyBetween(null, null))).toBe(true);
  });

  it('keeps working when inserting repeatedly at the same spot', () => {
    let low = keyBetween(null, null);
    const high = keyBetween(low, null);
    for (let i = 0; i < 500; i++) {
      const next = keyBetween(low, high);
      expect(next > low && next < high).toBe(true);
      low = next;
    }
    let first = 'V';
    for (let i = 0; i < 500; i++) {
      const next = keyBetween(null, first);
      expect(next < first).toBe(true);
      first = next;
    }
    expect(first.length).toBeLessThan(100);
  });

  it('rejects reversed, equal or malformed bounds', () => {
    expect(() => keyBetween('b', 'a')).toThrow(/No position/);
    expect(() => keyBetween('a', 'a')).toThrow(/No position/);
    expect(() => keyBetween('a0', null)).toThrow(/Invalid order key/);
    expect(() => keyBetween('', null)).toThrow(/Invalid order key/);
  });
});

describe('keysBetween', () => {
  it('returns sorted distinct keys inside the bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (count) => {
        const keys = keysBetween('1', 'z', count);
        expect(keys).toHaveLength(count);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          expect(k > '1' && k < 'z').toBe(true);
          if (i > 0) expect(keys[i - 1]! < k).toBe(true);
        }
      }),
    );
  });
});

describe('compareByOrder', () => {
  it('breaks ties on equal keys by id, independently of input order', () => {
    const records = [
      { id: 'b', order: 'V' },
      { id: 'a', order: 'V' },
      { id: 'c', order: 'A' },
    ];
    const sorted = [...records].sort(compareByOrder).map((r) => r.id);
    const sortedReversed = [...records]
      .reverse()
      .sort(compareByOrder)
      .map((r) => r.id);
    expect(sorted).toEqual(['c', 'a', 'b']);
    expect(sortedReversed).toEqual(sorted);
  });
});
