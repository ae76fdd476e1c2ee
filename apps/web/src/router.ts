import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'board'; boardId: string }
  | { name: 'members'; boardId: string }
  /** The accessible table view of the live board (issue 8). */
  | { name: 'table'; boardId: string }
  /** The meeting pack: a printable document of the board. */
  | { name: 'pack'; boardId: string }
  | { name: 'signin' }
  | { name: 'setup' }
  | { name: 'invite' }
  | { name: 'reset' }
  | { name: 'unknown' };

/** Pages that work without a session (their links carry their own single-use token). */
const PUBLIC: Record<string, Route> = {
  '/signin': { name: 'signin' },
  '/setup': { name: 'setup' },
  '/invite': { name: 'invite' },
  '/reset': { name: 'reset' },
};

export function isPublic(route: Route): boolean {
  return (
    route.name === 'signin' ||
    route.name === 'setup' ||
    route.name === 'invite' ||
    route.name === 'reset'
  );
}

/** Same rule as the server's: short, plain ids that travel safely in URLs and logs. */
export const BOARD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  const page = PUBLIC[pathname.replace(/\/$/, '')];
  if (page) return page;
  const members = /^\/b\/([^/]+)\/members\/?$/.exec(pathname);
  if (members) {
    try {
      const id = decodeURIComponent(members[1] ?? '');
      if (BOARD_ID.test(id)) return { name: 'members', boardId: id };
    } catch {
      return { name: 'unknown' };
    }
  }
  const view = /^\/b\/([^/]+)\/(table|pack)\/?$/.exec(pathname);
  if (view) {
    try {
      const id = decodeURIComponent(view[1] ?? '');
      const name = view[2] === 'table' ? 'table' : 'pack';
      if (BOARD_ID.test(id)) return { name, boardId: id };
    } catch {
      return { name: 'unknown' };
    }
  }
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

export function membersPath(boardId: string): string {
  return `${boardPath(boardId)}/members`;
}

export function tablePath(boardId: string): string {
  return `${boardPath(boardId)}/table`;
}

export function packPath(boardId: string): string {
  return `${boardPath(boardId)}/pack`;
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
