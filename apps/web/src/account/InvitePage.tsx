import { BOARD_ROLE_LABELS, localize } from '@fdr/model';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { errorText } from '../errorText.ts';
import { accountStrings } from '../i18n/accountStrings.ts';
import { format } from '../i18n/format.ts';
import { ssoStrings } from '../i18n/ssoStrings.ts';
import type { Lang } from '../i18n/strings.ts';
import type { SecondFactorPending } from '../mfa/mfaApi.ts';
import { SecondFactorStep } from '../mfa/SecondFactorStep.tsx';
import { boardPath, myTeamsPath, navigate } from '../router.ts';
import { SsoButton } from '../sso/SsoButton.tsx';
import { useSignInOptions } from '../sso/useSignInOptions.ts';
import { AccountField } from './AccountField.tsx';
import { AccountLayout } from './AccountLayout.tsx';
import { acceptInvite, fragmentToken, inviteInfo, me, type User } from './accountApi.ts';
import { PasswordFields } from './PasswordFields.tsx';

type Info = Awaited<ReturnType<typeof inviteInfo>>;

/** An invitation link: accept it as the signed-in user, or create an account with it. */
export function InvitePage({ lang, setLang }: { lang: Lang; setLang: (lang: Lang) => void }) {
  const t = accountStrings[lang];
  const token = fragmentToken();
  const [info, setInfo] = useState<Info | null>(null);
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [account, setAccount] = useState({ name: '', email: '' });
  const [passwords, setPasswords] = useState({ password: '', confirm: '' });
  const [pending, setPending] = useState<{ pending: SecondFactorPending; landing: string } | null>(
    null,
  );

  useEffect(() => {
    Promise.all([inviteInfo(token), me()])
      .then(([i, m]) => {
        setInfo(i);
        setUser(m?.user ?? null);
      })
      .catch((e: unknown) => setError(errorText(e, lang)));
  }, [token, lang]);

  const accept = async (event: FormEvent) => {
    event.preventDefault();
    if (!user && passwords.password !== passwords.confirm) return setError(t.passwordsDiffer);
    setBusy(true);
    setError(null);
    try {
      const { membership, secondFactor } = await acceptInvite(
        token,
        user ? undefined : { ...account, password: passwords.password },
      );
      // A task team comes to post check-ins: their page, not the canvas.
      const landing = membership.role === 'task-team' ? myTeamsPath : boardPath(membership.boardId);
      // REQUIRE_MFA=all: the new account enrols an authenticator before its first session.
      if (secondFactor) {
        setPending({ pending: secondFactor, landing });
        return;
      }
      navigate(landing);
    } catch (e) {
      setError(errorText(e, lang));
      setBusy(false);
    }
  };

  const options = useSignInOptions();
  if (pending) {
    return (
      <SecondFactorStep
        lang={lang}
        setLang={setLang}
        pending={pending.pending}
        onSignedIn={() => navigate(pending.landing)}
        onStartOver={() => navigate('/signin')}
      />
    );
  }
  const roleName = info ? BOARD_ROLE_LABELS[info.role][lang] : '';
  // Someone without a session may accept through the provider, which makes their account.
  const viaSso = info?.usable && !user && options?.sso ? options.sso[lang] : null;
  return (
    <AccountLayout lang={lang} setLang={setLang} title={t.inviteTitle}>
      {!info && !error && <p role="status">{t.loading}</p>}
      {info && !info.usable && <p role="alert">{t.inviteUnusable}</p>}
      {info?.usable && (
        <p>
          {format(t.inviteIntro, {
            board: info.boardTitle ? localize(info.boardTitle, lang) : info.boardId,
            role: roleName,
          })}
        </p>
      )}
      {viaSso && (
        <>
          <p>{ssoStrings[lang].inviteWithSso}</p>
          <SsoButton label={viaSso} next="/" invite={token} />
          {options?.passwordSignIn && <p className="fdr-sso-or">{ssoStrings[lang].orPassword}</p>}
        </>
      )}
      {info?.usable && (user || options?.passwordSignIn !== false) && (
        <form className="fdr-form" onSubmit={accept} data-testid="invite-form">
          {user ? (
            <button type="submit" className="fdr-button fdr-button--primary" disabled={busy}>
              {format(t.inviteAcceptAs, { name: user.name })}
            </button>
          ) : (
            <>
              <p className="fdr-hint">{t.inviteHaveAccount}</p>
              <AccountField
                id="invite-name"
                label={t.name}
                autoComplete="name"
                required
                value={account.name}
                onChange={(value) => setAccount({ ...account, name: value })}
              />
              <AccountField
                id="invite-email"
                label={t.email}
                type="email"
                autoComplete="username"
                required
                value={account.email}
                onChange={(value) => setAccount({ ...account, email: value })}
              />
              <PasswordFields lang={lang} value={passwords} onChange={setPasswords} />
              <button type="submit" className="fdr-button fdr-button--primary" disabled={busy}>
                {t.inviteCreateAccount}
              </button>
            </>
          )}
        </form>
      )}
      <ErrorAlert message={error} />
    </AccountLayout>
  );
}
