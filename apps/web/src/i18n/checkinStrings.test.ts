import { describe, it } from 'vitest';
import { checkinStrings } from './checkinStrings.ts';
import { expectBilingual } from './expectBilingual.ts';

describe('checkin strings', () => {
  it('exist in both languages with the same keys and the same placeholders', () => {
    expectBilingual(checkinStrings);
  });
});
