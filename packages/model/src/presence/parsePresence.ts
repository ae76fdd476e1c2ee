/**
 * The presence (awareness state) one browser tab publishes on a board, as the web app writes and
 * reads it (apps/web/src/board/PresenceBinding.ts): who it is, tldraw's instance presence
 * (cursor, camera, selection, laser scribbles) and the cards and roadmap items it is dragging. Every field is
 * optional at the top level: a tab that has just connected publishes `{}`.
 *
 * Presence comes from other people's browsers, so it is untrusted: `parsePresence` returns a
 * clean copy holding only these fields, or null when anything does not fit (a name that is not
 * a string, an unknown cursor type...). The server drops such a state instead of relaying it, and
 * a client can drop it instead of drawing it.
 */
export interface Presence {
  user?: PresenceUser;
  presence?: PresenceCanvas | null;
  drag?: PresenceDrag | null;
}

export interface PresenceUser {
  id: string;
  name: string;
  /** `#rrggbb` */
  color: string;
  /**
   * The signed-in account behind this presence, stamped by the server (a browser's own value is
   * replaced or removed there): what a meeting's presenter is recognised by.
   */
  accountId?: string;
}

export interface PresenceBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PresenceScribble {
  id: string;
  points: { x: number; y: number; z?: number }[];
  size: number;
  color: (typeof SCRIBBLE_COLOURS)[number];
  opacity: number;
  state: (typeof SCRIBBLE_STATES)[number];
  delay: number;
  shrink: number;
  taper: boolean;
}

/** tldraw's instance presence without its record id (TLInstancePresence of tldraw 5). */
export interface PresenceCanvas {
  userId: string;
  userName: string;
  lastActivityTimestamp: number | null;
  color: string;
  camera: { x: number; y: number; z: number } | null;
  selectedShapeIds: string[];
  currentPageId: string;
  brush: PresenceBox | null;
  scribbles: PresenceScribble[];
  screenBounds: PresenceBox | null;
  followingUserId: string | null;
  cursor: { x: number; y: number; type: (typeof CURSOR_TYPES)[number]; rotation: number } | null;
  chatMessage: string;
  meta: Record<string, unknown>;
}

export interface PresenceDrag {
  cards: { cardId: string; x: number; y: number }[];
  /** Roadmap items' bars being moved or stretched: where the bar is, and how wide. */
  items?: { itemId: string; x: number; y: number; w: number }[];
}

/**
 * Longest display name: the web app trims the names people type to 60 characters, but a new
 * identity is named after the account (up to 200) plus a number.
 */
export const PRESENCE_NAME_MAX = 256;
/** Longest id (user, card, shape, page: uuids and tldraw ids are far shorter). */
const ID_MAX = 200;
const CHAT_MAX = 1000;
/** Most selected shapes, dragged cards, scribbles and points per scribble carried. */
const SELECTION_MAX = 10_000;
const DRAG_MAX = 1000;
const SCRIBBLES_MAX = 64;
/** The web app sends at most 120 points per scribble. */
const SCRIBBLE_POINTS_MAX = 120;

const CURSOR_TYPES = [
  'none',
  'default',
  'pointer',
  'cross',
  'comment',
  'grab',
  'rotate',
  'grabbing',
  'resize-edge',
  'resize-corner',
  'text',
  'move',
  'ew-resize',
  'ns-resize',
  'nesw-resize',
  'nwse-resize',
  'nesw-rotate',
  'nwse-rotate',
  'swne-rotate',
  'senw-rotate',
  'zoom-in',
  'zoom-out',
] as const;
const SCRIBBLE_COLOURS = [
  'accent',
  'white',
  'black',
  'selection-stroke',
  'selection-fill',
  'laser',
  'muted-1',
] as const;
const SCRIBBLE_STATES = ['starting', 'paused', 'active', 'complete', 'stopping'] as const;

/** Thrown inside the parser on the first field that does not fit. */
class Unfit extends Error {}

type Obj = Record<string, unknown>;

function object(value: unknown): Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Unfit();
  return value as Obj;
}

function string(value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length > max) throw new Unfit();
  return value;
}

function id(value: unknown, prefix = ''): string {
  const text = string(value, ID_MAX);
  if (text === '' || !text.startsWith(prefix)) throw new Unfit();
  return text;
}

function number(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Unfit();
  return value;
}

function boolean(value: unknown): boolean {
  if (typeof value !== 'boolean') throw new Unfit();
  return value;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T {
  if (!values.includes(value as T)) throw new Unfit();
  return value as T;
}

function list<T>(value: unknown, max: number, item: (v: unknown) => T): T[] {
  if (!Array.isArray(value) || value.length > max) throw new Unfit();
  return value.map(item);
}

function nullable<T>(value: unknown, parse: (v: unknown) => T): T | null {
  return value === null ? null : parse(value);
}

function colour(value: unknown): string {
  const text = string(value, 7);
  if (!/^#[0-9a-fA-F]{6}$/.test(text)) throw new Unfit();
  return text;
}

function box(value: unknown): PresenceBox {
  const o = object(value);
  return { x: number(o.x), y: number(o.y), w: number(o.w), h: number(o.h) };
}

function user(value: unknown): PresenceUser {
  const o = object(value);
  const clean: PresenceUser = {
    id: id(o.id),
    name: string(o.name, PRESENCE_NAME_MAX),
    color: colour(o.color),
  };
  if (o.accountId !== undefined) clean.accountId = id(o.accountId);
  return clean;
}

function point(value: unknown): { x: number; y: number; z?: number } {
  const o = object(value);
  const p: { x: number; y: number; z?: number } = { x: number(o.x), y: number(o.y) };
  if (o.z !== undefined) p.z = number(o.z);
  return p;
}

function scribble(value: unknown): PresenceScribble {
  const o = object(value);
  const size = number(o.size);
  if (size <= 0) throw new Unfit();
  return {
    id: id(o.id),
    points: list(o.points, SCRIBBLE_POINTS_MAX, point),
    size,
    color: oneOf(SCRIBBLE_COLOURS, o.color),
    opacity: number(o.opacity),
    state: oneOf(SCRIBBLE_STATES, o.state),
    delay: number(o.delay),
    shrink: number(o.shrink),
    taper: boolean(o.taper),
  };
}

function canvas(value: unknown): PresenceCanvas {
  const o = object(value);
  return {
    userId: id(o.userId, 'user:'),
    userName: string(o.userName, PRESENCE_NAME_MAX),
    lastActivityTimestamp: nullable(o.lastActivityTimestamp, number),
    color: colour(o.color),
    camera: nullable(o.camera, (v) => {
      const c = object(v);
      return { x: number(c.x), y: number(c.y), z: number(c.z) };
    }),
    selectedShapeIds: list(o.selectedShapeIds, SELECTION_MAX, (v) => id(v, 'shape:')),
    currentPageId: id(o.currentPageId, 'page:'),
    brush: nullable(o.brush, box),
    scribbles: list(o.scribbles, SCRIBBLES_MAX, scribble),
    screenBounds: nullable(o.screenBounds, box),
    followingUserId: nullable(o.followingUserId, (v) => id(v, 'user:')),
    cursor: nullable(o.cursor, (v) => {
      const c = object(v);
      return {
        x: number(c.x),
        y: number(c.y),
        type: oneOf(CURSOR_TYPES, c.type),
        rotation: number(c.rotation),
      };
    }),
    chatMessage: string(o.chatMessage, CHAT_MAX),
    meta: object(o.meta),
  };
}

function drag(value: unknown): PresenceDrag {
  const o = object(value);
  const clean: PresenceDrag = {
    cards: list(o.cards, DRAG_MAX, (v) => {
      const card = object(v);
      return { cardId: id(card.cardId), x: number(card.x), y: number(card.y) };
    }),
  };
  if (o.items !== undefined) {
    clean.items = list(o.items, DRAG_MAX, (v) => {
      const item = object(v);
      const w = number(item.w);
      if (w <= 0) throw new Unfit();
      return { itemId: id(item.itemId), x: number(item.x), y: number(item.y), w };
    });
  }
  return clean;
}

/** A clean copy of an awareness state that fits the shape the web app uses, or null. */
export function parsePresence(state: unknown): Presence | null {
  try {
    const o = object(state);
    const clean: Presence = {};
    if (o.user !== undefined) clean.user = user(o.user);
    if (o.presence !== undefined) clean.presence = nullable(o.presence, canvas);
    if (o.drag !== undefined) clean.drag = nullable(o.drag, drag);
    return clean;
  } catch (error) {
    if (error instanceof Unfit) return null;
    throw error;
  }
}

const PARTS = { user, presence: canvas, drag } as const;

/**
 * One part of a presence state, clean, or null when it is absent or does not fit: for a reader
 * that keeps a peer's other parts when one is off (the web app draws the person without a cursor
 * rather than not at all).
 */
export function parsePresencePart<K extends keyof typeof PARTS>(
  key: K,
  value: unknown,
): ReturnType<(typeof PARTS)[K]> | null {
  if (value === undefined || value === null) return null;
  try {
    return PARTS[key](value) as ReturnType<(typeof PARTS)[K]>;
  } catch (error) {
    if (error instanceof Unfit) return null;
    throw error;
  }
}
