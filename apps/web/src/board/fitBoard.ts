import { Box, type Editor, type TLCameraOptions } from 'tldraw';
import { FULL_DETAIL_ZOOM, SUMMARY_MIN_ZOOM } from './detailLevel.ts';
import { type BoardLayout, LABEL_W } from './layout.ts';

/*
 * The board's camera: where it opens, "fit the board", "readable size", and the bounds that keep
 * the board in view whatever the wheel does. Zooms come from the detail levels and the layout's
 * constants, so they follow a change of card size.
 */

type Screen = { w: number; h: number };
type Camera = { x: number; y: number; z: number };

/** Margins around a fitted board; the bottom one clears tldraw's toolbar. */
const SIDE = 24;
const TOP = 24;
const BOTTOM = 96;

/**
 * The zoom the board opens at when it does not fit whole at a readable level: halfway between the
 * smallest summary zoom and full detail, so titles are comfortably above the minimum text size
 * and a screen holds more than a column of cards.
 */
export const OPEN_ZOOM = (SUMMARY_MIN_ZOOM + FULL_DETAIL_ZOOM) / 2;

/** A lane label is never narrower than this while there is room for it left of the cells. */
export const LABEL_MIN_PX = 150;
/** The pinned header band is never taller than this (StickyHeaders). */
export const PINNED_TOP_PX = 96;

/**
 * The part of the viewport, in page units, that the pinned header band and lane labels can never
 * cover: a card inside it is seen whole.
 */
export function clearViewport(editor: Editor): Box {
  const view = editor.getViewportPageBounds();
  const z = editor.getZoomLevel();
  const left = LABEL_MIN_PX / z;
  const top = PINNED_TOP_PX / z;
  return new Box(
    view.x + left,
    view.y + top,
    Math.max(0, view.w - left),
    Math.max(0, view.h - top),
  );
}

/**
 * The on-screen width of the sticky lane labels when the label column is partly scrolled away
 * (see StickyHeaders): a sixth of the screen, between 120 and 240 px.
 */
export function stickyLabelWidth(screenW: number): number {
  return Math.min(240, Math.max(120, Math.round(screenW / 6)));
}

/** The whole board, centred across, from the top; never past 100 %. */
export function wholeCamera(screen: Screen, layout: Pick<BoardLayout, 'width' | 'height'>): Camera {
  const z = Math.min(
    1,
    (screen.w - 2 * SIDE) / layout.width,
    (screen.h - TOP - BOTTOM) / layout.height,
  );
  return { x: (screen.w / z - layout.width) / 2, y: TOP / z, z };
}

/**
 * The top-left of the board at `z`, the label column narrowed to the sticky labels' width so
 * that they sit exactly over it and cover no card.
 */
export function cornerCamera(screen: Screen, z: number): Camera {
  const labels = Math.min(LABEL_W * z, stickyLabelWidth(screen.w));
  return { x: labels / z - LABEL_W, y: TOP / z, z };
}

/**
 * The opening view: the whole board when it fits at a zoom where titles are readable; else its
 * top-left corner at OPEN_ZOOM, to be scrolled like a document.
 */
export function fitCamera(screen: Screen, layout: Pick<BoardLayout, 'width' | 'height'>): Camera {
  const whole = wholeCamera(screen, layout);
  return whole.z >= SUMMARY_MIN_ZOOM ? whole : cornerCamera(screen, OPEN_ZOOM);
}

/**
 * "Readable size": full detail around the point at the centre of the screen (the top-left corner
 * of the board when that point is off the board).
 */
export function readableCamera(
  screen: Screen,
  camera: Camera,
  layout: Pick<BoardLayout, 'width' | 'height'>,
): Camera {
  const z = FULL_DETAIL_ZOOM;
  const cx = screen.w / 2 / camera.z - camera.x;
  const cy = screen.h / 2 / camera.z - camera.y;
  if (cx < 0 || cy < 0 || cx > layout.width || cy > layout.height) return cornerCamera(screen, z);
  return centredCamera(screen, cx, cy, z);
}

/** The camera that shows page point (cx, cy) at the centre of the screen at zoom z. */
export function centredCamera(screen: Screen, cx: number, cy: number, z: number): Camera {
  return { x: screen.w / 2 / z - cx, y: screen.h / 2 / z - cy, z };
}

/**
 * The camera's bounds: the board and a margin. The wheel pans (as on a whiteboard; Ctrl or pinch
 * zooms) and can never move the board out of the viewport; zooming out stops at showing it whole.
 */
export function boardCameraOptions(
  layout: Pick<BoardLayout, 'width' | 'height'>,
): Partial<TLCameraOptions> {
  return {
    wheelBehavior: 'pan',
    constraints: {
      bounds: { x: 0, y: 0, w: layout.width, h: layout.height },
      padding: { x: 48, y: 48 },
      origin: { x: 0.5, y: 0 },
      initialZoom: 'default',
      baseZoom: 'default',
      behavior: 'contain',
    },
  };
}

/** Opens the board (see fitCamera) and keeps the camera on it. */
export function fitBoard(editor: Editor, layout: BoardLayout): void {
  editor.setCameraOptions(boardCameraOptions(layout));
  editor.setCamera(fitCamera(editor.getViewportScreenBounds(), layout));
}

/** "Fit the board": all of it on screen. */
export function showWholeBoard(editor: Editor, layout: BoardLayout): void {
  editor.setCamera(wholeCamera(editor.getViewportScreenBounds(), layout), {
    animation: { duration: 200 },
  });
}

/**
 * "Readable size": full detail around the selection when there is one (as a whiteboard's "zoom to
 * selection" does: pick a card on the whole board, then read it), else where the person is looking.
 */
export function showReadableSize(editor: Editor, layout: BoardLayout): void {
  const screen = editor.getViewportScreenBounds();
  const selection = editor.getSelectionPageBounds();
  const camera = selection
    ? centredCamera(screen, selection.center.x, selection.center.y, FULL_DETAIL_ZOOM)
    : readableCamera(screen, editor.getCamera(), layout);
  editor.setCamera(camera, { animation: { duration: 200 } });
}
