import { describe, expect, it } from 'vitest';
import { GridBackground } from './CanvasLayers.tsx';
import { CANVAS_ASSET_URLS, canvasComponents } from './canvasSetup.ts';

const InFront = () => null;

describe('canvasSetup', () => {
  it('serves every tldraw asset from our own origin', () => {
    const urls: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === 'string') urls.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(CANVAS_ASSET_URLS);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).not.toMatch(/^(https?:)?\/\//);
  });

  it('draws the grid, puts what it is given in front, and leaves out tldraw’s page UI', () => {
    const components = canvasComponents(InFront);
    expect(components.OnTheCanvas).toBe(GridBackground);
    expect(components.InFrontOfTheCanvas).toBe(InFront);
    for (const name of ['PageMenu', 'SharePanel', 'QuickActions', 'DebugMenu', 'DebugPanel']) {
      expect(components[name as keyof typeof components], name).toBeNull();
    }
    expect(components.MainMenu).toBeUndefined();
    expect(canvasComponents(InFront, { MainMenu: null }).MainMenu).toBeNull();
  });
});
