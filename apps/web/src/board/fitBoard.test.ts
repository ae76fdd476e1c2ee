import { describe, expect, it } from 'vitest';
import { fitCamera, MIN_FIT_ZOOM } from './fitBoard.ts';

const screen = { w: 1400, h: 900 };

describe('fitCamera', () => {
  it('shows a board that fits whole, centred across, from the top', () => {
    const camera = fitCamera(screen, { width: 1692, height: 2400 });
    expect(camera.z).toBeCloseTo((900 - 120) / 2400, 6);
    // Centred: equal margins left and right on the screen.
    const left = camera.x * camera.z;
    expect(left).toBeCloseTo(screen.w - (left + 1692 * camera.z), 6);
    expect(camera.y * camera.z).toBeCloseTo(24, 6);
  });

  it('never zooms past 1 for a small board', () => {
    expect(fitCamera(screen, { width: 600, height: 300 }).z).toBe(1);
  });

  it('keeps a crowded board legible: the minimum zoom, from the top', () => {
    const camera = fitCamera(screen, { width: 1692, height: 9450 });
    expect(camera.z).toBe(MIN_FIT_ZOOM);
    expect(camera.y * camera.z).toBeCloseTo(24, 6);
    // Still narrow enough at that zoom: centred across.
    expect(camera.x * camera.z).toBeCloseTo((screen.w - 1692 * MIN_FIT_ZOOM) / 2, 6);
  });

  it('starts a board too wide even at the minimum zoom from its left edge', () => {
    const camera = fitCamera(screen, { width: 12_000, height: 9000 });
    expect(camera.z).toBe(MIN_FIT_ZOOM);
    expect(camera.x * camera.z).toBeCloseTo(24, 6);
  });
});
