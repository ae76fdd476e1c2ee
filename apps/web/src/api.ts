import type { BoardRole, BoardStructure, Localized } from '@fdr/model';

export type BoardTemplate = 'blank' | 'joint-councils-2016';

export interface BoardEntry {
  id: string;
  /** The signed-in user's role on the board (administrators act as secretariat). */
  role?: BoardRole;
  title: Localized;
  template: BoardTemplate;
  createdAt: number;
  updatedAt: number;
}

export interface PublicConfig {
  tldrawLicenseKey: string | null;
  /** Single sign-on, when the server has a provider: the button's words in both languages. */
  sso?: { label: { fr: string; en: string } } | null;
  /** False when the server allows single sign-on only (older servers do not say: true). */
  passwordSignIn?: boolean;
}

/** A refusal from the server, in both languages. */
export class ApiError extends Error {
  readonly status: number;
  readonly messages: Localized;
  constructor(status: number, messages: Localized) {
    super(messages.en);
    this.status = status;
    this.messages = messages;
  }
}

/** The server could not be reached at all (offline, or down). */
export class NetworkError extends Error {}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: {
        accept: 'application/json',
        ...(init?.body ? { 'content-type': 'application/json' } : {}),
      },
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const body = (await res.json().catch(() => null)) as
    | (T & { error?: string; errorFr?: string })
    | null;
  if (!res.ok) {
    throw new ApiError(res.status, {
      fr: body?.errorFr ?? `Erreur ${res.status}`,
      en: body?.error ?? `Error ${res.status}`,
    });
  }
  if (body === null)
    throw new ApiError(res.status, { fr: 'Réponse illisible', en: 'Unreadable answer' });
  return body;
}

export async function listBoards(): Promise<BoardEntry[]> {
  return (await request<{ boards: BoardEntry[] }>('/api/boards')).boards;
}

export async function createBoard(
  title: Localized,
  template: BoardTemplate,
  /** A blank board's time frame (the template keeps the draft's dates). */
  structure?: BoardStructure,
): Promise<BoardEntry> {
  const { board } = await request<{ board: BoardEntry }>('/api/boards', {
    method: 'POST',
    body: JSON.stringify({ title, template, ...(structure ? { structure } : {}) }),
  });
  return board;
}

export async function renameBoard(id: string, title: Partial<Localized>): Promise<BoardEntry> {
  const { board } = await request<{ board: BoardEntry }>(`/api/boards/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify({ title }),
  });
  return board;
}

/** The catalog entry, or null when the server does not know the board. */
export async function getBoard(id: string): Promise<BoardEntry | null> {
  try {
    return (await request<{ board: BoardEntry }>(`/api/boards/${encodeURIComponent(id)}`)).board;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const CONFIG_KEY = 'fdr.config';

/** The server's public settings; the last ones seen when offline. */
export async function getConfig(): Promise<PublicConfig> {
  try {
    const config = await request<PublicConfig>('/api/config');
    try {
      localStorage.setItem(CONFIG_KEY, JSON.stringify(config));
    } catch {
      // Not cached: offline loads will run without a license key.
    }
    return config;
  } catch {
    try {
      const cached = JSON.parse(localStorage.getItem(CONFIG_KEY) ?? 'null') as PublicConfig | null;
      if (
        cached &&
        (typeof cached.tldrawLicenseKey === 'string' || cached.tldrawLicenseKey === null)
      ) {
        return cached;
      }
    } catch {
      // Fall through.
    }
    return { tldrawLicenseKey: null };
  }
}
