import { useSyncExternalStore } from 'react';

export type Route = { name: 'home' } | { name: 'board'; boardId: string } | { name: 'unknown' };

/** Same rule as the server's: short, plain ids that travel safely in URLs and logs. */
export const BOARD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  const match = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (match) {
    let id: string;
    try {
      id = decodeURIComponent(match[1] ?? '');
    } catch {
      return { name: 'unknown' };
    }
    if (BOARD_ID.test(id)) return { name: 'board', boardId: id };
  }
  return { name: 'unknown' };
}

export function boardPath(boardId: string): string {
  return `/b/${encodeURIComponent(boardId)}`;
}

/**
 * A board id from what someone pasted: a full link to a board (any host: links get copied
 * between environments), a path, or a bare id.
 */
export function boardIdFromInput(input: string): string | null {
  const text = input.trim();
  if (BOARD_ID.test(text)) return text;
  let path = text;
  try {
    path = new URL(text, 'http://placeholder.invalid').pathname;
  } catch {
    return null;
  }
  const route = parseRoute(path);
  return route.name === 'board' ? route.boardId : null;
}

export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

function subscribe(onChange: () => void): () => void {
  addEventListener('popstate', onChange);
  return () => removeEventListener('popstate', onChange);
}

/** The current route; re-renders on navigation (links, back and forward). */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => location.pathname);
  return parseRoute(pathname);
}
