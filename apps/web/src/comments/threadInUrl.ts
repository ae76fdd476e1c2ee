import type { CommentTarget } from './commentsApi.ts';

/*
 * `/b/:id?card=<id>` (or `?item=<id>`) followed from outside (a notification, a mail, a pasted
 * link) opens that card's (item's) panel on its thread. The same `?card=` also carries the
 * selection between the board's views: those writes mark the history entry with `SELECTION_MARK`,
 * and a marked entry only selects.
 */

export const SELECTION_MARK = 'fdrSelection';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** The thread a link asks for, or null (none, a malformed id, or only a carried selection). */
export function threadFromUrl(search: string, state: unknown): CommentTarget | null {
  if (state && typeof state === 'object' && (state as Record<string, unknown>)[SELECTION_MARK])
    return null;
  const params = new URLSearchParams(search);
  const item = params.get('item');
  if (item && ID.test(item)) return { kind: 'item', id: item };
  const card = params.get('card');
  if (card && ID.test(card)) return { kind: 'card', id: card };
  return null;
}

/** History state with the mark: this entry's `?card=` is a selection, not a link to a thread. */
export function markedState(state: unknown): Record<string, unknown> {
  return {
    ...(state && typeof state === 'object' ? (state as Record<string, unknown>) : {}),
    [SELECTION_MARK]: true,
  };
}
