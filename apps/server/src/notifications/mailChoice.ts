import type { SqlExecutor } from '../auth/SqlExecutor.ts';
import type { MailKind } from '../mail/MailKind.ts';
import { mailLanguage, mailWanted } from '../mail/MailPreferences.ts';

/** Whether a person takes a kind of mail, and in which language (mail/MailPreferences.ts). */
export async function mailChoice(
  tx: SqlExecutor,
  userId: string,
  kind: MailKind,
  defaultLang: 'fr' | 'en',
): Promise<{ wanted: boolean; lang: 'fr' | 'en' }> {
  return {
    wanted: await mailWanted(tx, userId, kind),
    lang: await mailLanguage(tx, userId, defaultLang),
  };
}
