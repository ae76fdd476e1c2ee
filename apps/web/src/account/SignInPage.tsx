import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { errorText } from '../errorText.ts';
import { accountStrings } from '../i18n/accountStrings.ts';
import { ssoStrings } from '../i18n/ssoStrings.ts';
import type { Lang } from '../i18n/strings.ts';
import type { SecondFactorPending } from '../mfa/mfaApi.ts';
import { SecondFactorStep } from '../mfa/SecondFactorStep.tsx';
import { myTeamsPath, navigate } from '../router.ts';
import { SsoButton } from '../sso/SsoButton.tsx';
import { ssoErrorText } from '../sso/ssoError.ts';
import { useSignInOptions } from '../sso/useSignInOptions.ts';
import { AccountField } from './AccountField.tsx';
import { AccountLayout } from './AccountLayout.tsx';
import { me, signIn } from './accountApi.ts';

/** Where to go after signing in: only a path of this site (no open redirect). */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * The page after signing in: the one asked for; else, for someone whose only roles are in task
 * teams, "My task teams" (they come to post a check-in); else the boards.
 */
async function landingPage(search: string): Promise<string> {
  const next = new URLSearchParams(search).get('next');
  // `/` is where everyone lands when signed out: not a page asked for.
  if (next !== null && next !== '/') return safeNext(search);
  try {
    const found = await me();
    const roles = found?.memberships.map((m) => m.role) ?? [];
    if (!found?.user.isAdmin && roles.length > 0 && roles.every((r) => r === 'task-team')) {
      return myTeamsPath;
    }
  } catch {
    // The boards, then.
  }
  return '/';
}

export function SignInPage({ lang, setLang }: { lang: Lang; setLang: (lang: Lang) => void }) {
  const t = accountStrings[lang];
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<SecondFactorPending | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await signIn(email, password);
      // A second factor first (mfa/): no session until it succeeds.
      if ('secondFactor' in answer) {
        setPending(answer.secondFactor);
        setBusy(false);
        return;
      }
      navigate(await landingPage(location.search));
    } catch (e) {
      setError(errorText(e, lang));
      setBusy(false);
    }
  };

  const options = useSignInOptions();
  const ssoError = options ? ssoErrorText(location.search, lang, options.passwordSignIn) : null;
  if (pending) {
    return (
      <SecondFactorStep
        lang={lang}
        setLang={setLang}
        pending={pending}
        onSignedIn={() => void landingPage(location.search).then(navigate)}
        onStartOver={() => {
          setPending(null);
          setPassword('');
        }}
      />
    );
  }

  return (
    <AccountLayout lang={lang} setLang={setLang} title={t.signInTitle}>
      {!options && <p role="status">{t.loading}</p>}
      <ErrorAlert message={ssoError} />
      {options?.sso && <SsoButton label={options.sso[lang]} next={safeNext(location.search)} />}
      {options?.sso && options.passwordSignIn && (
        <p className="fdr-sso-or">{ssoStrings[lang].orPassword}</p>
      )}
      {options?.passwordSignIn && (
        <form className="fdr-form" onSubmit={submit} data-testid="signin-form">
          <AccountField
            id="signin-email"
            label={t.email}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={setEmail}
          />
          <AccountField
            id="signin-password"
            label={t.password}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
          />
          <ErrorAlert message={error} />
          <button type="submit" className="fdr-button fdr-button--primary" disabled={busy}>
            {busy ? t.signingIn : t.signIn}
          </button>
        </form>
      )}
    </AccountLayout>
  );
}
