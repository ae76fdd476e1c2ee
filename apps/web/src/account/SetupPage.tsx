import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { errorText } from '../errorText.ts';
import { accountStrings } from '../i18n/accountStrings.ts';
import type { Lang } from '../i18n/strings.ts';
import type { SecondFactorPending } from '../mfa/mfaApi.ts';
import { SecondFactorStep } from '../mfa/SecondFactorStep.tsx';
import { navigate } from '../router.ts';
import { AccountField } from './AccountField.tsx';
import { AccountLayout } from './AccountLayout.tsx';
import { completeSetup, fragmentToken } from './accountApi.ts';
import { PasswordFields } from './PasswordFields.tsx';

/** First start: the one-time link from the server's log creates the administrator. */
export function SetupPage({ lang, setLang }: { lang: Lang; setLang: (lang: Lang) => void }) {
  const t = accountStrings[lang];
  const token = fragmentToken();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [passwords, setPasswords] = useState({ password: '', confirm: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<SecondFactorPending | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passwords.password !== passwords.confirm) return setError(t.passwordsDiffer);
    setBusy(true);
    setError(null);
    try {
      const answer = await completeSetup(token, { name, email, password: passwords.password });
      // REQUIRE_MFA: enrolment first (mfa/), then the session.
      if ('secondFactor' in answer) {
        setPending(answer.secondFactor);
        return;
      }
      navigate('/');
    } catch (e) {
      setError(errorText(e, lang));
      setBusy(false);
    }
  };

  if (pending) {
    return (
      <SecondFactorStep
        lang={lang}
        setLang={setLang}
        pending={pending}
        onSignedIn={() => navigate('/')}
        onStartOver={() => navigate('/signin')}
      />
    );
  }

  return (
    <AccountLayout lang={lang} setLang={setLang} title={t.setupTitle}>
      {token === '' ? (
        <p role="alert">{t.setupMissingToken}</p>
      ) : (
        <form className="fdr-form" onSubmit={submit} data-testid="setup-form">
          <p>{t.setupIntro}</p>
          <AccountField
            id="setup-name"
            label={t.name}
            autoComplete="name"
            required
            value={name}
            onChange={setName}
          />
          <AccountField
            id="setup-email"
            label={t.email}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={setEmail}
          />
          <PasswordFields lang={lang} value={passwords} onChange={setPasswords} />
          <ErrorAlert message={error} />
          <button type="submit" className="fdr-button fdr-button--primary" disabled={busy}>
            {t.setupSubmit}
          </button>
        </form>
      )}
    </AccountLayout>
  );
}
