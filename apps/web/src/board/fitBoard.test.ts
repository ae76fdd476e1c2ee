import { Box, type Editor } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { FULL_DETAIL_ZOOM, SUMMARY_MIN_ZOOM } from './detailLevel.ts';
import {
  centredCamera,
  clearViewport,
  cornerCamera,
  fitCamera,
  LABEL_MIN_PX,
  OPEN_ZOOM,
  PINNED_TOP_PX,
  readableCamera,
  stickyLabelWidth,
  wholeCamera,
} from './fitBoard.ts';
import { LABEL_W } from './layout.ts';

const screen = { w: 1400, h: 900 };

describe('fitCamera', () => {
  it('shows a board that fits whole at a readable zoom, centred across, from the top', () => {
    const camera = fitCamera(screen, { width: 1692, height: 1500 });
    expect(camera.z).toBeCloseTo((900 - 120) / 1500, 6);
    expect(camera.z).toBeGreaterThanOrEqual(SUMMARY_MIN_ZOOM);
    const left = camera.x * camera.z;
    expect(left).toBeCloseTo(screen.w - (left + 1692 * camera.z), 6);
    expect(camera.y * camera.z).toBeCloseTo(24, 6);
  });

  it('never zooms past 1 for a small board', () => {
    expect(fitCamera(screen, { width: 600, height: 300 }).z).toBe(1);
  });

  it('opens a board too big to read whole at its top-left corner, at the opening zoom', () => {
    const camera = fitCamera(screen, { width: 6000, height: 9000 });
    expect(camera.z).toBe(OPEN_ZOOM);
    expect(OPEN_ZOOM).toBeGreaterThan(SUMMARY_MIN_ZOOM);
    expect(OPEN_ZOOM).toBeLessThan(FULL_DETAIL_ZOOM);
    // The label column's right edge is where the sticky labels end: they cover no card.
    expect((camera.x + LABEL_W) * camera.z).toBeCloseTo(stickyLabelWidth(screen.w), 6);
    expect(camera.y * camera.z).toBeCloseTo(24, 6);
  });

  it('gives a phone narrow labels', () => {
    expect(stickyLabelWidth(390)).toBe(120);
    expect(stickyLabelWidth(1440)).toBe(240);
    const camera = cornerCamera({ w: 390, h: 844 }, OPEN_ZOOM);
    expect((camera.x + LABEL_W) * camera.z).toBeCloseTo(120, 6);
  });
});

describe('wholeCamera', () => {
  it('fits the board whatever its size', () => {
    const camera = wholeCamera(screen, { width: 12_000, height: 9000 });
    expect(12_000 * camera.z).toBeLessThanOrEqual(screen.w);
    expect(9000 * camera.z).toBeLessThanOrEqual(screen.h);
  });
});

describe('readableCamera', () => {
  it('zooms to full detail around the centre of the screen', () => {
    const from = { x: -1000, y: -500, z: 0.3 };
    const cx = screen.w / 2 / from.z - from.x;
    const cy = screen.h / 2 / from.z - from.y;
    const to = readableCamera(screen, from, { width: 6000, height: 6000 });
    expect(to.z).toBe(FULL_DETAIL_ZOOM);
    expect(screen.w / 2 / to.z - to.x).toBeCloseTo(cx, 6);
    expect(screen.h / 2 / to.z - to.y).toBeCloseTo(cy, 6);
  });

  it('goes to the corner when the centre is off the board', () => {
    const to = readableCamera(screen, { x: 5000, y: 0, z: 1 }, { width: 6000, height: 6000 });
    expect(to).toEqual(cornerCamera(screen, FULL_DETAIL_ZOOM));
  });
});

describe('centredCamera', () => {
  it('puts the page point at the centre of the screen at the asked zoom', () => {
    const to = centredCamera(screen, 2400, 3100, 1);
    expect(screen.w / 2 / to.z - to.x).toBeCloseTo(2400, 6);
    expect(screen.h / 2 / to.z - to.y).toBeCloseTo(3100, 6);
    expect(to.z).toBe(1);
  });
});

describe('the viewport clear of the pinned headers', () => {
  // The two readings clearViewport makes of the editor: what is on screen, and the zoom.
  const at = (view: Box, zoom: number) =>
    ({ getViewportPageBounds: () => view, getZoomLevel: () => zoom }) as unknown as Editor;

  it('leaves out the lane labels’ and header band’s largest screen size, in page units', () => {
    const clear = clearViewport(at(new Box(100, 50, 2000, 1000), 0.5));
    expect(clear.x).toBe(100 + LABEL_MIN_PX / 0.5);
    expect(clear.y).toBe(50 + PINNED_TOP_PX / 0.5);
    expect(clear.maxX).toBe(2100);
    expect(clear.maxY).toBe(1050);
    // A card under the header band is not clear; one lower down is.
    expect(clear.contains(new Box(500, 60, 232, 136))).toBe(false);
    expect(clear.contains(new Box(500, 300, 232, 136))).toBe(true);
  });
});
