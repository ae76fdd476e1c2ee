import { describe, expect, it } from 'vitest';
import { cardFromSearch, withCard } from './selectionInUrl.ts';

describe('selected card in the address', () => {
  it('reads a plain card id and refuses anything else', () => {
    expect(cardFromSearch('?card=card-security&q=x')).toBe('card-security');
    expect(cardFromSearch('?card=%3Cscript%3E')).toBeNull();
    expect(cardFromSearch('')).toBeNull();
  });

  it('sets and removes it, keeping the other parameters', () => {
    expect(withCard('?status=blocked', 'card-a')).toBe('?status=blocked&card=card-a');
    expect(withCard('?status=blocked&card=card-a', null)).toBe('?status=blocked');
    expect(withCard('?card=card-a', null)).toBe('');
  });
});
