import { describe, expect, it } from 'vitest';
import { expectBilingual } from './expectBilingual.ts';
import { tableStrings } from './tableStrings.ts';

describe('table, export and meeting pack strings', () => {
  it('exist in both languages with the same keys and the same placeholders, none empty', () => {
    expectBilingual(tableStrings);
  });

  it('are translated, not copied (except words that are the same in both)', () => {
    const fr: Record<string, string> = tableStrings.fr;
    const en: Record<string, string> = tableStrings.en;
    const same = Object.keys(fr).filter((key) => fr[key] === en[key]);
    expect(same.sort()).toEqual(['cell', 'colActions', 'colPhase', 'filterPhase', 'importAction']);
  });
});
