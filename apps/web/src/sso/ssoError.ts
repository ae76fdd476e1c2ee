import { ssoStrings } from '../i18n/ssoStrings.ts';
import type { Lang } from '../i18n/strings.ts';

type Key = keyof (typeof ssoStrings)['en'];

/** The server's `?sso_error=` codes (apps/server/src/auth/SsoError.ts) and their message. */
const MESSAGES: Record<string, Key> = {
  state: 'error_state',
  code: 'error_code',
  token: 'error_token',
  provider: 'error_provider',
  denied: 'error_denied',
  'email-unverified': 'error_emailUnverified',
  'no-email': 'error_noEmail',
  invite: 'error_invite',
};

/**
 * The message of the single sign-on error named in the address, in the UI language; null when
 * there is none. An unknown code still says that the sign-in failed.
 */
export function ssoErrorText(search: string, lang: Lang, passwordSignIn: boolean): string | null {
  const code = new URLSearchParams(search).get('sso_error');
  if (code === null) return null;
  const t = ssoStrings[lang];
  // The provider is down: say that the password still works, when it is on.
  if (code === 'provider' && passwordSignIn) return t.error_providerPassword;
  return t[MESSAGES[code] ?? 'error_unknown'];
}
