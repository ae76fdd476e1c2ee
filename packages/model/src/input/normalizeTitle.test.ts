import { describe, expect, it } from 'vitest';
import { normalizeTitle } from './normalizeTitle.ts';

describe('normalizeTitle', () => {
  it('trims every kind of white space and zero-width character at both ends', () => {
    expect(normalizeTitle('\u3000\u00A0 Feuille de route\u200B\u2003\uFEFF')).toEqual({
      ok: true,
      title: 'Feuille de route',
    });
    expect(normalizeTitle('  Plan\u00A02026 ')).toEqual({ ok: true, title: 'Plan\u00A02026' });
  });

  it('reads a title with nothing visible as empty', () => {
    for (const blank of ['\u3000\u3000', '\u00A0', '\u200B\u200B', '\u2028', ' \u202E\u2066 ']) {
      expect(normalizeTitle(blank)).toEqual({ ok: true, title: '' });
    }
  });

  it('refuses control characters inside, after trimming the ends', () => {
    expect(normalizeTitle('Plan\n2026')).toMatchObject({ ok: false, problem: 'control' });
    expect(normalizeTitle('\u0007\u0001')).toMatchObject({ ok: false, problem: 'control' });
    expect(normalizeTitle('Plan\u009B2026')).toMatchObject({ ok: false, problem: 'control' });
    expect(normalizeTitle('\tPlan 2026\r\n')).toEqual({ ok: true, title: 'Plan 2026' });
  });

  it('measures the length once trimmed', () => {
    expect(normalizeTitle(` ${'x'.repeat(200)} `)).toMatchObject({ ok: true });
    expect(normalizeTitle('x'.repeat(201))).toMatchObject({ ok: false, problem: 'too-long' });
  });
});
