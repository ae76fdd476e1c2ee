import { describe, it } from 'vitest';
import { accountStrings } from './accountStrings.ts';
import { expectBilingual } from './expectBilingual.ts';

describe('account strings', () => {
  it('exist in both languages with the same keys and the same placeholders', () => {
    expectBilingual(accountStrings);
  });
});
