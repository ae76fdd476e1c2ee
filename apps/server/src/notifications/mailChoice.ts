import type { SqlExecutor } from '../auth/SqlExecutor.ts';
import type { MailKind } from '../mail/MailKind.ts';

/**
 * Whether a person takes a kind of mail, and in which language, from `mail_preferences` (no row:
 * every kind on, the default language). The mail preferences module's own `mailWanted` is the
 * reference for the first half; this reads the same columns.
 */
export async function mailChoice(
  tx: SqlExecutor,
  userId: string,
  kind: MailKind,
  defaultLang: 'fr' | 'en',
): Promise<{ wanted: boolean; lang: 'fr' | 'en' }> {
  const [row] = await tx.all('SELECT lang, off_kinds FROM mail_preferences WHERE user_id = ?', [
    userId,
  ]);
  if (!row) return { wanted: true, lang: defaultLang };
  let off: unknown = [];
  try {
    off = JSON.parse(String(row.off_kinds ?? '[]'));
  } catch {
    off = [];
  }
  const lang = row.lang === 'fr' || row.lang === 'en' ? row.lang : defaultLang;
  return { wanted: !(Array.isArray(off) && off.includes(kind)), lang };
}
