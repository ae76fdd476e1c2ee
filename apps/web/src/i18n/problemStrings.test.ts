import { describe, it } from 'vitest';
import { expectBilingual } from './expectBilingual.ts';
import { problemStrings } from './problemStrings.ts';

describe('problem strings', () => {
  it('exist in both languages with the same keys and the same placeholders', () => {
    expectBilingual(problemStrings);
  });
});
