import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'board'; boardId: string }
  | { name: 'members'; boardId: string }
  /** The accessible table view of the live board. */
  | { name: 'table'; boardId: string }
  /** The meeting pack: a printable document of the board. */
  | { name: 'pack'; boardId: string }
  /** The board's structure: domains of interest, phases and periods. */
  | { name: 'structure'; boardId: string }
  /** A task-team member's cards and their check-in forms. */
  | { name: 'my-teams' }
  /** Latest check-in per task team, overdue teams and the reminder text. */
  | { name: 'status'; boardId: string }
  /** What changed since the last named version, or since a date. */
  | { name: 'since'; boardId: string }
  /** A board's meetings: list and plan. */
  | { name: 'meetings'; boardId: string }
  /** One meeting: agenda, presenter controls, votes, decisions, actions. */
  | { name: 'meeting'; boardId: string; meetingId: string }
  /** The register of a board's decisions: filters and CSV export. */
  | { name: 'decisions'; boardId: string }
  /** Versions: list, take, restore. */
  | { name: 'versions'; boardId: string }
  /** One version, read-only on the canvas. */
  | { name: 'version'; boardId: string; versionId: string }
  /** A version compared with another one, or with `now`. */
  | { name: 'compare'; boardId: string; versionId: string; other: string }
  | { name: 'signin' }
  | { name: 'setup' }
  | { name: 'invite' }
  | { name: 'reset' }
  /** The signed-in user's second factor (mfa/SecurityPage.tsx). */
  | { name: 'security' }
  /** The signed-in user's mail preferences (mail/MailPreferencesPage.tsx). */
  | { name: 'mail' }
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
  if (/^\/account\/security\/?$/.test(pathname)) return { name: 'security' };
  if (/^\/account\/mail\/?$/.test(pathname)) return { name: 'mail' };
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
  const view = /^\/b\/([^/]+)\/(table|pack|structure)\/?$/.exec(pathname);
  if (view) {
    try {
      const id = decodeURIComponent(view[1] ?? '');
      const name = view[2] === 'table' ? 'table' : view[2] === 'structure' ? 'structure' : 'pack';
      if (BOARD_ID.test(id)) return { name, boardId: id };
    } catch {
      return { name: 'unknown' };
    }
  }
  const meetings = meetingRoute(pathname);
  if (meetings) return meetings;
  const checkinsAndVersions = checkinAndVersionRoute(pathname);
  if (checkinsAndVersions) return checkinsAndVersions;
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

/** `/b/:id/meetings`, `/b/:id/meetings/:meetingId` and `/b/:id/decisions`; null otherwise. */
function meetingRoute(pathname: string): Route | null {
  const match = /^\/b\/([^/]+)\/(meetings|decisions)(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!match) return null;
  let boardId: string;
  let meetingId: string;
  try {
    boardId = decodeURIComponent(match[1] ?? '');
    meetingId = decodeURIComponent(match[3] ?? '');
  } catch {
    return { name: 'unknown' };
  }
  if (!BOARD_ID.test(boardId)) return { name: 'unknown' };
  if (match[2] === 'decisions') {
    return match[3] === undefined ? { name: 'decisions', boardId } : { name: 'unknown' };
  }
  if (match[3] === undefined) return { name: 'meetings', boardId };
  return BOARD_ID.test(meetingId) ? { name: 'meeting', boardId, meetingId } : { name: 'unknown' };
}

/** `/me`, and a board's status, since, versions, version and compare pages; null otherwise. */
function checkinAndVersionRoute(pathname: string): Route | null {
  if (/^\/me\/?$/.test(pathname)) return { name: 'my-teams' };
  const match =
    /^\/b\/([^/]+)\/(status|since|versions)(?:\/([^/]+)(?:\/compare\/([^/]+))?)?\/?$/.exec(
      pathname,
    );
  if (!match) return null;
  let ids: string[];
  try {
    ids = [match[1], match[3], match[4]].map((part) => decodeURIComponent(part ?? ''));
  } catch {
    return { name: 'unknown' };
  }
  const [boardId = '', versionId = '', other = ''] = ids;
  const page = match[2];
  if (!BOARD_ID.test(boardId)) return { name: 'unknown' };
  if (match[3] === undefined) {
    return {
      name: page === 'status' ? 'status' : page === 'since' ? 'since' : 'versions',
      boardId,
    };
  }
  if (page !== 'versions' || !BOARD_ID.test(versionId)) return { name: 'unknown' };
  if (match[4] === undefined) return { name: 'version', boardId, versionId };
  return BOARD_ID.test(other)
    ? { name: 'compare', boardId, versionId, other }
    : { name: 'unknown' };
}

export const myTeamsPath = '/me';
export const statusPath = (boardId: string) => `${boardPath(boardId)}/status`;
export const sincePath = (boardId: string) => `${boardPath(boardId)}/since`;
export const versionsPath = (boardId: string) => `${boardPath(boardId)}/versions`;
export const versionPath = (boardId: string, versionId: string) =>
  `${versionsPath(boardId)}/${encodeURIComponent(versionId)}`;
/** `other`: another version's id, or `now` for the live board. */
export const comparePath = (boardId: string, versionId: string, other: string) =>
  `${versionPath(boardId, versionId)}/compare/${encodeURIComponent(other)}`;

export function boardPath(boardId: string): string {
  return `/b/${encodeURIComponent(boardId)}`;
}

export const meetingsPath = (boardId: string) => `${boardPath(boardId)}/meetings`;
export const meetingPath = (boardId: string, meetingId: string) =>
  `${meetingsPath(boardId)}/${encodeURIComponent(meetingId)}`;
export const decisionsPath = (boardId: string) => `${boardPath(boardId)}/decisions`;

export function membersPath(boardId: string): string {
  return `${boardPath(boardId)}/members`;
}

export function tablePath(boardId: string): string {
  return `${boardPath(boardId)}/table`;
}

export function structurePath(boardId: string): string {
  return `${boardPath(boardId)}/structure`;
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

export const mailPreferencesPath = '/account/mail';

export function navigate(path: string, state: unknown = null): void {
  if (path === location.pathname) return;
  history.pushState(state, '', path);
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
