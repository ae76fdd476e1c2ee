import { describe, expect, it } from 'vitest';
import { markedState, threadFromUrl } from './threadInUrl.ts';

describe('a link to a thread', () => {
  it('names a card or an item, and never a selection carried between views', () => {
    expect(threadFromUrl('?card=card-1', null)).toEqual({ kind: 'card', id: 'card-1' });
    expect(threadFromUrl('?item=item-2&card=x', null)).toEqual({ kind: 'item', id: 'item-2' });
    expect(threadFromUrl('?card=card-1', markedState({ other: 1 }))).toBe(null);
    expect(threadFromUrl('?card=../../x', null)).toBe(null);
    expect(threadFromUrl('', null)).toBe(null);
    expect(markedState({ other: 1 })).toEqual({ other: 1, fdrSelection: true });
  });
});
