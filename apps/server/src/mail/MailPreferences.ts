import type { SqlExecutor } from '../auth/SqlExecutor.ts';
import { type MailKind, OPTIONAL_MAIL_KINDS } from './MailKind.ts';
import type { Lang } from './renderMail.ts';
import { isOptionalKind, type OptionalMailKind } from './unsubscribeToken.ts';

export interface MailPreferences {
  /** The language put first in this person's messages (their choice, else the default). */
  lang: Lang;
  /** The optional kinds this person turned off. */
  off: OptionalMailKind[];
}

async function row(sql: SqlExecutor, userId: string) {
  const [found] = await sql.all('SELECT lang, off_kinds FROM mail_preferences WHERE user_id = ?', [
    userId,
  ]);
  return found;
}

function offKinds(raw: unknown): OptionalMailKind[] {
  try {
    const parsed = JSON.parse(String(raw ?? '[]')) as unknown;
    return Array.isArray(parsed) ? parsed.filter(isOptionalKind) : [];
  } catch {
    return [];
  }
}

/**
 * Whether this person wants this kind of mail. Invitations and password resets are always
 * sent; the other kinds unless turned off. Reads through the caller's transaction.
 */
export async function mailWanted(
  tx: SqlExecutor,
  userId: string,
  kind: MailKind,
): Promise<boolean> {
  if (!isOptionalKind(kind)) return true;
  const found = await row(tx, userId);
  return !offKinds(found?.off_kinds).includes(kind);
}

export async function getMailPreferences(
  sql: SqlExecutor,
  userId: string,
  defaultLang: Lang,
): Promise<MailPreferences> {
  const found = await row(sql, userId);
  const lang = found?.lang === 'fr' || found?.lang === 'en' ? found.lang : defaultLang;
  return { lang, off: offKinds(found?.off_kinds) };
}

/** The language to write to this person in (their choice, else `defaultLang`). */
export async function mailLanguage(
  sql: SqlExecutor,
  userId: string,
  defaultLang: Lang,
): Promise<Lang> {
  return (await getMailPreferences(sql, userId, defaultLang)).lang;
}

/** Sets the language and/or the kinds turned off (the list replaces the previous one). */
export async function setMailPreferences(
  sql: SqlExecutor,
  userId: string,
  change: { lang?: Lang | null; off?: readonly OptionalMailKind[] },
  now = Date.now(),
): Promise<void> {
  await sql.transaction(async (tx) => {
    const found = await row(tx, userId);
    const lang = change.lang !== undefined ? change.lang : ((found?.lang as Lang | null) ?? null);
    const off = change.off
      ? OPTIONAL_MAIL_KINDS.filter((k) => change.off!.includes(k))
      : offKinds(found?.off_kinds);
    await tx.run(
      `INSERT INTO mail_preferences (user_id, lang, off_kinds, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang, off_kinds = excluded.off_kinds,
       updated_at = excluded.updated_at`,
      [userId, lang, JSON.stringify(off), now],
    );
  });
}

/** Turns one kind off (an unsubscribe link); true when the person exists. */
export async function turnOff(
  sql: SqlExecutor,
  userId: string,
  kind: OptionalMailKind,
): Promise<boolean> {
  const [user] = await sql.all('SELECT id FROM users WHERE id = ?', [userId]);
  if (!user) return false;
  const current = await getMailPreferences(sql, userId, 'en');
  if (!current.off.includes(kind))
    await setMailPreferences(sql, userId, { off: [...current.off, kind] });
  return true;
}
