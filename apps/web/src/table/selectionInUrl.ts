/*
 * The selected card travels in the address (`?card=<id>`), so switching between the canvas, the
 * table and the meeting pack keeps it, and a link can point at one card. Written with
 * `replaceState`: selecting is not a navigation (Back leaves the page, not the selection).
 */

import { markedState } from '../comments/threadInUrl.ts';

const CARD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function cardFromSearch(search: string): string | null {
  const id = new URLSearchParams(search).get('card');
  return id && CARD_ID.test(id) ? id : null;
}

export function selectedCardInUrl(): string | null {
  return typeof location === 'undefined' ? null : cardFromSearch(location.search);
}

/** The same query string with `card` set (or removed). */
export function withCard(search: string, cardId: string | null): string {
  const params = new URLSearchParams(search);
  if (cardId) params.set('card', cardId);
  else params.delete('card');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function setSelectedCardInUrl(cardId: string | null): void {
  const search = withCard(location.search, cardId);
  if (search === location.search) return;
  // Marked: reloading this address selects the card again, it does not open its thread.
  history.replaceState(
    markedState(history.state),
    '',
    `${location.pathname}${search}${location.hash}`,
  );
}
