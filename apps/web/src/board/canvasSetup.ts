import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { EmbedShapeUtil, type TLComponents } from 'tldraw';
import { ItemShapeUtil } from '../timeline/ItemShapeUtil.tsx';
import { GridBackground } from './CanvasLayers.tsx';
import { CardShapeUtil } from './CardShapeUtil.tsx';

/*
 * What every tldraw canvas of a board is given: the live board's and a version's alike, so that a
 * version looks like the board it was.
 */

/** Fonts, icons and tldraw's translations are bundled by Vite and served from our own origin. */
export const CANVAS_ASSET_URLS = getAssetUrlsByImport();

export const CANVAS_SHAPE_UTILS = [
  CardShapeUtil,
  // The roadmap items' bars (the timeline feature's own shape).
  ItemShapeUtil,
  // No embeds of outside sites: with no definitions, no URL becomes an embed.
  EmbedShapeUtil.configure({ embedDefinitions: [] }),
];

/**
 * tldraw's components for a board: the grid under everything, `inFront` over the shapes, and none
 * of the page menu, share panel, quick actions or debug UI (one page per board; our own header has
 * the people list, undo and redo). `more` adds to these.
 */
export function canvasComponents(
  inFront: TLComponents['InFrontOfTheCanvas'],
  more: TLComponents = {},
): TLComponents {
  return {
    OnTheCanvas: GridBackground,
    InFrontOfTheCanvas: inFront,
    PageMenu: null,
    SharePanel: null,
    QuickActions: null,
    DebugMenu: null,
    DebugPanel: null,
    ...more,
  };
}
