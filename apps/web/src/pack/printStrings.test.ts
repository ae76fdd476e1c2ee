import { describe, it } from 'vitest';
import { expectBilingual } from '../i18n/expectBilingual.ts';
import { printStrings } from './printStrings.ts';

describe('print strings', () => {
  it('exist in both languages with the same keys and the same placeholders', () => {
    expectBilingual(printStrings);
  });
});
