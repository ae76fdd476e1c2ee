import { describe, it } from 'vitest';
import { expectBilingual } from './expectBilingual.ts';
import { ssoStrings } from './ssoStrings.ts';

describe('single sign-on strings', () => {
  it('exist in both languages with the same keys and the same placeholders', () => {
    expectBilingual(ssoStrings);
  });
});
