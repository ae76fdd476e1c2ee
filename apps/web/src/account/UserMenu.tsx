import './account.css';
import { accountStrings } from '../i18n/accountStrings.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { Link } from '../Link.tsx';
import { mailStrings } from '../mail/mailStrings.ts';
import { mfaStrings } from '../mfa/mfaStrings.ts';
import { mailPreferencesPath, navigate } from '../router.ts';
import { signOut, type User } from './accountApi.ts';

/** Who is signed in, and the way out. */
export function UserMenu({ user, lang }: { user: User; lang: Lang }) {
  const t = accountStrings[lang];
  return (
    <div className="fdr-user-menu">
      <span>{format(t.signedInAs, { name: user.name })}</span>
      <Link href="/account/security" data-testid="account-security">
        {mfaStrings[lang].securityLink}
      </Link>
      <Link href={mailPreferencesPath} data-testid="account-mail">
        {mailStrings[lang].menuLink}
      </Link>
      <button
        type="button"
        className="fdr-button fdr-button--quiet"
        data-testid="sign-out"
        onClick={() =>
          void signOut().then(
            // Signed in through single sign-on: the provider ends its session too, then sends
            // the browser back here.
            ({ logoutUrl }) => (logoutUrl ? location.assign(logoutUrl) : navigate('/signin')),
            () => navigate('/signin'),
          )
        }
      >
        {t.signOut}
      </button>
    </div>
  );
}
