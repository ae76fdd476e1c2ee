import { describe, it } from 'vitest';
import { expectBilingual } from '../i18n/expectBilingual.ts';
import { timelineStrings } from './timelineStrings.ts';

describe('timelineStrings', () => {
  it('has every string in French and English, with the same placeholders', () => {
    expectBilingual(timelineStrings);
  });
});
