import { describe, expect, it } from 'vitest';
import { beforeRestoreName, beforeRestoreNameIn } from './beforeRestoreName.ts';

describe('beforeRestoreName', () => {
  it('names the kept version after the restored one, in both languages', () => {
    const name = beforeRestoreName('Réunion de février 2018');
    expect(name).toBe(
      'Avant la restauration de « Réunion de février 2018 » / Before restoring “Réunion de février 2018”',
    );
    expect(beforeRestoreNameIn(name, 'fr')).toBe(
      'Avant la restauration de « Réunion de février 2018 »',
    );
    expect(beforeRestoreNameIn(name, 'en')).toBe('Before restoring “Réunion de février 2018”');
  });

  it('reads a restored name that itself holds the separator or quotes', () => {
    const tricky = 'A / B » “C”';
    expect(beforeRestoreNameIn(beforeRestoreName(tricky), 'en')).toBe(
      `Before restoring “${tricky}”`,
    );
  });

  it('leaves any other name alone', () => {
    expect(beforeRestoreNameIn('Réunion de février 2018', 'fr')).toBeNull();
    expect(
      beforeRestoreNameIn('Avant la restauration de « a » / Before restoring “b”', 'en'),
    ).toBeNull();
  });
});
