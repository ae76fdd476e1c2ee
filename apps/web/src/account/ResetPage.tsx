import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { errorText } from '../errorText.ts';
import { accountStrings } from '../i18n/accountStrings.ts';
import type { Lang } from '../i18n/strings.ts';
import { Link } from '../Link.tsx';
import { AccountLayout } from './AccountLayout.tsx';
import { fragmentToken, resetPassword } from './accountApi.ts';
import { PasswordFields } from './PasswordFields.tsx';

/** A one-time link from an administrator: choose a new password. */
export function ResetPage({ lang, setLang }: { lang: Lang; setLang: (lang: Lang) => void }) {
  const t = accountStrings[lang];
  const [passwords, setPasswords] = useState({ password: '', confirm: '' });
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passwords.password !== passwords.confirm) return setError(t.passwordsDiffer);
    setState('busy');
    setError(null);
    try {
      await resetPassword(fragmentToken(), passwords.password);
      setState('done');
    } catch (e) {
      setError(errorText(e, lang));
      setState('idle');
    }
  };

  return (
    <AccountLayout lang={lang} setLang={setLang} title={t.resetTitle}>
      {state === 'done' ? (
        <p role="status">
          {t.resetDone} <Link href="/signin">{t.signIn}</Link>
        </p>
      ) : (
        <form className="fdr-form" onSubmit={submit}>
          <PasswordFields
            lang={lang}
            value={passwords}
            onChange={setPasswords}
            label={t.newPassword}
          />
          <ErrorAlert message={error} />
          <button
            type="submit"
            className="fdr-button fdr-button--primary"
            disabled={state === 'busy'}
          >
            {t.resetSubmit}
          </button>
        </form>
      )}
    </AccountLayout>
  );
}
