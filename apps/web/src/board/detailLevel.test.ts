import { describe, expect, it } from 'vitest';
import {
  CARD_TITLE_PX,
  detailLevel,
  FULL_DETAIL_ZOOM,
  MIN_TEXT_PX,
  pageFontSize,
  SUMMARY_MIN_ZOOM,
} from './detailLevel.ts';

describe('detailLevel', () => {
  it('draws everything at and above full detail', () => {
    expect(detailLevel(FULL_DETAIL_ZOOM)).toBe('full');
    expect(detailLevel(2)).toBe('full');
    expect(CARD_TITLE_PX * FULL_DETAIL_ZOOM).toBeGreaterThanOrEqual(MIN_TEXT_PX);
  });
  it('keeps title and status between', () => {
    expect(detailLevel(0.7)).toBe('summary');
    expect(detailLevel(SUMMARY_MIN_ZOOM)).toBe('summary');
  });
  it('draws no text below the summary zoom', () => {
    expect(detailLevel(SUMMARY_MIN_ZOOM - 0.01)).toBe('colours');
    expect(detailLevel(0.1)).toBe('colours');
  });
});

describe('pageFontSize', () => {
  it('keeps text at its screen size when zoomed out', () => {
    expect(pageFontSize(13, 0.5, 14) * 0.5).toBe(13);
  });
  it('never shrinks below the designed size', () => {
    expect(pageFontSize(12, 2, 14)).toBe(14);
  });
});
