import { describe, it } from 'vitest';
import { expectBilingual } from '../i18n/expectBilingual.ts';
import { mfaStrings } from './mfaStrings.ts';

describe('second factor strings', () => {
  it('exist in both languages with the same keys and the same placeholders', () => {
    expectBilingual(mfaStrings);
  });
});
