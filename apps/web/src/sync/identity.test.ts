import { describe, expect, it } from 'vitest';
import { cleanName, IDENTITY_COLOURS, loadIdentity } from './identity.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

/** WCAG relative luminance contrast of white on `hex`. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}

describe('identity', () => {
  it('creates one identity and keeps it', () => {
    const storage = memoryStorage();
    const first = loadIdentity('Invité·e', storage, () => 0.5);
    expect(first.name).toBe('Invité·e 550');
    expect(IDENTITY_COLOURS).toContain(first.color);
    expect(loadIdentity('Guest', storage)).toEqual(first);
  });

  it('signed in, is named after the account, without a number, keeping the browser’s colour', () => {
    const storage = memoryStorage();
    const guest = loadIdentity('Guest', storage, () => 0.5);
    const signedIn = loadIdentity('Guest', storage, () => 0.1, '  Camille   Conseil ');
    expect(signedIn).toEqual({ ...guest, name: 'Camille Conseil' });
    const fresh = loadIdentity('Guest', memoryStorage(), () => 0.5, 'Camille Conseil');
    expect(fresh.name).toBe('Camille Conseil');
    // A blank account name falls back to the guest identity.
    expect(loadIdentity('Guest', storage, () => 0.5, '  ')).toEqual(guest);
  });

  it('replaces a damaged stored identity', () => {
    const storage = memoryStorage();
    storage.setItem('fdr.identity', '{"id":"x","name":"A","color":"red"}');
    expect(loadIdentity('Guest', storage, () => 0).color).toBe(IDENTITY_COLOURS[0]);
    storage.setItem('fdr.identity', 'not json');
    expect(loadIdentity('Guest', storage, () => 0).name).toBe('Guest 100');
  });

  it('cleans names to one bounded line', () => {
    expect(cleanName('  Marie\n  Tremblay ')).toBe('Marie Tremblay');
    expect(cleanName('x'.repeat(100))).toHaveLength(60);
  });

  it('uses colours that keep white initials readable', () => {
    for (const colour of IDENTITY_COLOURS) {
      expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });
});
