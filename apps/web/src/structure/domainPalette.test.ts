import { templateRoadmap } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { contrastRatio, DOMAIN_PALETTE, LANE_TEXT_COLOUR, paletteEntry } from './domainPalette.ts';

describe('the lane palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#123456', '#123456')).toBe(1);
  });

  it('keeps the white lane label at WCAG AA (4.5:1) on every colour', () => {
    for (const { colour } of DOMAIN_PALETTE) {
      expect(contrastRatio(LANE_TEXT_COLOUR, colour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('names each colour, distinct, in both languages, and holds the template’s colours', () => {
    expect(new Set(DOMAIN_PALETTE.map((e) => e.colour)).size).toBe(DOMAIN_PALETTE.length);
    expect(new Set(DOMAIN_PALETTE.map((e) => e.name.en)).size).toBe(DOMAIN_PALETTE.length);
    expect(new Set(DOMAIN_PALETTE.map((e) => e.name.fr)).size).toBe(DOMAIN_PALETTE.length);
    for (const entry of DOMAIN_PALETTE) expect(entry.colour).toMatch(/^#[0-9a-f]{6}$/);
    for (const domain of templateRoadmap().domains) {
      expect(paletteEntry(domain.colour), domain.label.en).not.toBeNull();
    }
    expect(paletteEntry('#ffffff')).toBeNull();
  });
});
