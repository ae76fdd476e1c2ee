import { describe, it } from 'vitest';
import { expectBilingual } from './expectBilingual.ts';
import { versionStrings } from './versionStrings.ts';

describe('version strings', () => {
  it('exist in both languages with the same keys and the same placeholders', () => {
    expectBilingual(versionStrings);
  });
});
