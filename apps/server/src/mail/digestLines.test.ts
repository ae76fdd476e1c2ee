import type { Change } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { digestLines } from './digestLines.ts';

describe('digestLines', () => {
  it('counts the changes by kind, in both languages', () => {
    const moved = { kind: 'card-moved' } as unknown as Change;
    const added = { kind: 'card-added' } as unknown as Change;
    expect(digestLines([moved, added, moved, moved])).toEqual([
      { en: '3 cards moved', fr: '3 cartes déplacées' },
      { en: '1 card added', fr: '1 carte ajoutée' },
    ]);
    expect(digestLines([])).toEqual([]);
  });
});
