import { parsePresencePart } from '@fdr/model';
import type { TLInstancePresence } from 'tldraw';
import { cleanName } from '../sync/identity.ts';

/** Cards and item bars dragged by someone, in page coordinates: what peers draw as ghosts. */
export interface DragState {
  cards: { cardId: string; x: number; y: number }[];
  items?: { itemId: string; x: number; y: number; w: number }[];
}

/** What each tab publishes in awareness (and all a peer's state may hold that we read). */
export interface AwarenessState {
  user?: { id: string; name: string; color: string };
  /** tldraw's presence (cursor, camera, selection...), without record id. */
  presence?: Omit<TLInstancePresence, 'id' | 'typeName'> | null;
  drag?: DragState | null;
}

/** A peer's awareness state, read: every field has the type the page renders, or is absent. */
export interface PeerState {
  /** `accountId`: the signed-in account, as the server stamped it. */
  user: { id: string; name: string; color: string; accountId?: string };
  presence: NonNullable<AwarenessState['presence']> | null;
  drag: DragState | null;
}

/** Shown for a peer whose colour is not one we can put in a style attribute as is. */
export const FALLBACK_COLOUR = '#455a64';
const ID_MAX = 200;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readUser(value: unknown): PeerState['user'] | null {
  if (!isObject(value)) return null;
  const { id, name, color, accountId } = value;
  if (typeof id !== 'string' || id === '' || id.length > ID_MAX) return null;
  const clean = typeof name === 'string' ? cleanName(name) : '';
  if (clean === '') return null;
  // Colours go into style attributes: only `#rrggbb`, never `url(...)` or an expression.
  const colour =
    typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : FALLBACK_COLOUR;
  const account =
    typeof accountId === 'string' && accountId !== '' && accountId.length <= ID_MAX
      ? { accountId }
      : {};
  return { id, name: clean, color: colour, ...account };
}

/**
 * One peer's awareness state as the page may render it, or null when it names no usable person.
 * Peers are not trusted: a state is whatever another client (or a script using its session)
 * chose to send, so each field is checked here and left out when it does not fit, instead of
 * one bad peer breaking the page for everyone. The presence and drag parts are read with the
 * model's `parsePresencePart`; tldraw's store validates the presence again when it is put.
 */
export function readPeer(state: unknown): PeerState | null {
  if (!isObject(state)) return null;
  const user = readUser(state.user);
  if (!user) return null;
  // The model's presence shape (the one the server checks) decides what the parts may hold.
  const presence = parsePresencePart('presence', state.presence) as PeerState['presence'];
  const drag = parsePresencePart('drag', state.drag);
  const dragging = drag && (drag.cards.length > 0 || (drag.items?.length ?? 0) > 0);
  return { user, presence, drag: dragging ? drag : null };
}
