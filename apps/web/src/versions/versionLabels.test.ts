import { beforeRestoreName } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { kindLabel, sizeText, versionName } from './versionLabels.ts';

describe('version labels', () => {
  it('names each kind in both languages', () => {
    expect(kindLabel('named', 'fr')).toBe('Nommée');
    expect(kindLabel('auto', 'en')).toBe('Automatic (daily)');
    expect(kindLabel('before-restore', 'fr')).toBe('Avant une restauration');
  });

  it('writes sizes in kilobytes the way each language does', () => {
    expect(sizeText(33_136, 'fr')).toBe('32,4 ko');
    expect(sizeText(33_136, 'en')).toBe('32.4 KB');
    expect(sizeText(1_024, 'en')).toBe('1 KB');
  });

  it('shows the version kept by a restore in the reader’s language, any other name as written', () => {
    const kept = { name: beforeRestoreName('Réunion de mars') };
    expect(versionName(kept, 'fr')).toBe('Avant la restauration de « Réunion de mars »');
    expect(versionName(kept, 'en')).toBe('Before restoring “Réunion de mars”');
    expect(versionName({ name: 'Réunion de mars' }, 'en')).toBe('Réunion de mars');
  });
});
