import type { BoardMembership, BoardRole, Localized } from '@fdr/model';
import { ApiError, NetworkError } from '../api.ts';
import type { SecondFactorPending } from '../mfa/mfaApi.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

/** A JSON call to our REST API; refusals become ApiError (both languages), no answer NetworkError. */
export async function call<T>(path: string, body?: unknown, method?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const json = (await res.json().catch(() => null)) as
    | (T & { error?: string; errorFr?: string })
    | null;
  if (!res.ok || json === null) {
    throw new ApiError(res.status, {
      fr: json?.errorFr ?? `Erreur ${res.status}`,
      en: json?.error ?? `Error ${res.status}`,
    });
  }
  return json;
}

/** The signed-in user and their roles, or null when nobody is signed in. */
export async function me(): Promise<{ user: User; memberships: BoardMembership[] } | null> {
  try {
    return await call('/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const signIn = (email: string, password: string) =>
  call<{ user: User } | { secondFactor: SecondFactorPending }>('/api/auth/signin', {
    email,
    password,
  });
/** `logoutUrl`: the provider's sign-out page, for a session opened through single sign-on. */
export const signOut = () => call<{ ok: true; logoutUrl?: string }>('/api/auth/signout', {});
export const completeSetup = (
  token: string,
  account: { email: string; name: string; password: string },
) =>
  call<{ user: User } | { secondFactor: SecondFactorPending }>('/api/auth/setup', {
    token,
    ...account,
  });
export const resetPassword = (token: string, password: string) =>
  call<{ user: User }>('/api/auth/reset', { token, password });
export const inviteInfo = (token: string) =>
  call<{
    boardId: string;
    boardTitle: Localized | null;
    role: BoardRole;
    cardIds: string[];
    expiresAt: number;
    usable: boolean;
  }>('/api/invites/info', { token });
export const acceptInvite = (
  token: string,
  account?: { email: string; name: string; password: string },
) =>
  call<{ user: User; membership: BoardMembership; secondFactor?: SecondFactorPending }>(
    '/api/invites/accept',
    { token, ...account },
  );

const board = (id: string) => `/api/boards/${encodeURIComponent(id)}`;
export const members = (boardId: string) =>
  call<{ members: (BoardMembership & { email: string; name: string })[] }>(
    `${board(boardId)}/members`,
  );
export const setRole = (
  boardId: string,
  userId: string,
  role: BoardRole,
  cardIds: readonly string[],
) =>
  call<{ membership: BoardMembership }>(
    `${board(boardId)}/members/${encodeURIComponent(userId)}`,
    { role, cardIds },
    'PUT',
  );
export const removeMember = (boardId: string, userId: string) =>
  call<{ ok: true }>(
    `${board(boardId)}/members/${encodeURIComponent(userId)}`,
    undefined,
    'DELETE',
  );
/** With `email`, the server mails the invitation when it can (`mailed`). */
export const createInvite = (boardId: string, role: BoardRole, cardIds: string[], email?: string) =>
  call<{ url: string; expiresAt: number; mailed?: boolean }>(`${board(boardId)}/invites`, {
    role,
    cardIds,
    ...(email ? { email } : {}),
  });
export const invites = (boardId: string) =>
  call<{
    invites: {
      role: BoardRole;
      cardIds: string[];
      createdAt: number;
      expiresAt: number;
      status: 'pending' | 'used' | 'expired';
      acceptedAt: number | null;
      acceptedBy: { name: string; email: string } | null;
    }[];
  }>(`${board(boardId)}/invites`);
export const boardCards = (boardId: string) =>
  call<{
    cards: { id: string; title: Localized; domainId: string }[];
    domains: { id: string; label: Localized }[];
  }>(`${board(boardId)}/cards`);
export const boardTitle = (boardId: string) =>
  call<{ board: { title: Localized } }>(board(boardId));

/** The token carried in the page's fragment (never sent to the server in a URL). */
export function fragmentToken(): string {
  return decodeURIComponent(location.hash.replace(/^#/, ''));
}
