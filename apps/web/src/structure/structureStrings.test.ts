import { describe, it } from 'vitest';
import { expectBilingual } from '../i18n/expectBilingual.ts';
import { newBoardStrings } from './newBoardStrings.ts';
import { structureStrings } from './structureStrings.ts';

describe('structure strings', () => {
  it('exist in both languages with the same markers', () => {
    expectBilingual(structureStrings);
  });
});

describe('new board strings', () => {
  it('exist in both languages with the same markers', () => {
    expectBilingual(newBoardStrings);
  });
});
