import { call } from '../account/accountApi.ts';
import type { Lang } from '../i18n/strings.ts';

/** Kinds of mail a person may turn off (invitations and password resets are always sent). */
export const OPTIONAL_MAIL_KINDS = ['mention', 'reply', 'checkin-reminder', 'digest'] as const;
export type OptionalMailKind = (typeof OPTIONAL_MAIL_KINDS)[number];

export interface MailPreferences {
  lang: Lang;
  off: string[];
  /** False when the server has no SMTP settings: nothing is mailed. */
  mailConfigured: boolean;
}

export const mailPreferences = () => call<MailPreferences>('/api/account/mail');
export const saveMailPreferences = (prefs: { lang: Lang; off: string[] }) =>
  call<MailPreferences>('/api/account/mail', prefs, 'PUT');

const board = (id: string) => `/api/boards/${encodeURIComponent(id)}`;

/** One row of a board's outbox, as the secretariat sees it. */
export interface MailRow {
  id: string | number;
  kind: string;
  email: string;
  state: string;
  attempts: number;
  lastError: string | null;
  createdAt: number | null;
  sentAt: number | null;
}

/** A row from the server, read field by field (missing fields shown as unknown). */
export function readMailRow(raw: unknown, index: number): MailRow {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (...values: unknown[]) => values.find((v) => typeof v === 'string') as string;
  const num = (...values: unknown[]) =>
    (values.find((v) => typeof v === 'number') as number | undefined) ?? null;
  return {
    id: (r.id as string | number | undefined) ?? index,
    kind: text(r.kind) ?? '',
    email: text(r.email, r.recipient) ?? '',
    state: text(r.state) ?? '',
    attempts: num(r.attempts) ?? 0,
    lastError: text(r.lastError, r.last_error) ?? null,
    createdAt: num(r.createdAt, r.created_at),
    sentAt: num(r.sentAt, r.sent_at),
  };
}

export async function boardMail(boardId: string): Promise<MailRow[]> {
  const body = await call<Record<string, unknown>>(`${board(boardId)}/mail`);
  const rows = Array.isArray(body.messages) ? body.messages : [];
  return rows.map(readMailRow);
}

export const reminderSchedule = (boardId: string) =>
  call<{ everyDays: number | null }>(`${board(boardId)}/reminders`);
export const saveReminderSchedule = (boardId: string, everyDays: number | null) =>
  call<{ everyDays: number | null }>(`${board(boardId)}/reminders`, { everyDays }, 'PUT');

export const askForCheckin = (boardId: string, cardIds: string[]) =>
  call<{ asked: number }>(`${board(boardId)}/checkins/ask`, { cardIds });

/** Whether the server sends mail (`GET /api/config` → `mail`); null when it does not say. */
export async function serverMail(): Promise<boolean | null> {
  try {
    const config = await call<{ mail?: unknown }>('/api/config');
    return typeof config.mail === 'boolean' ? config.mail : null;
  } catch {
    return null;
  }
}

/** A browser-side look at an address: the server is the judge. */
export function plausibleEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
