import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { AccountLayout } from '../account/AccountLayout.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { errorText } from '../errorText.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { Link } from '../Link.tsx';
import { CodeField } from './CodeField.tsx';
import { EnrolPanel } from './EnrolPanel.tsx';
import {
  beginEnrolment,
  confirmEnrolment,
  disableMfa,
  type MfaStatus,
  mfaStatus,
  regenerateCodes,
} from './mfaApi.ts';
import { mfaStrings } from './mfaStrings.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

type View = 'status' | 'enrol' | { codes: string[] };

/** The signed-in user's second factor: set it up, new recovery codes, or turn it off. */
export function SecurityPage({ lang, setLang }: { lang: Lang; setLang: (lang: Lang) => void }) {
  const t = mfaStrings[lang];
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [view, setView] = useState<View>('status');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    mfaStatus().then(setStatus, (e: unknown) => setError(errorText(e, lang)));
  }, [lang]);
  useEffect(load, [load]);
  const begin = useCallback(() => beginEnrolment(), []);
  const confirm = useCallback(
    async (value: string) => (await confirmEnrolment(value)).recoveryCodes,
    [],
  );
  const backToStatus = () => {
    setView('status');
    load();
  };

  const act = (action: 'regenerate' | 'disable') => async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      if (action === 'regenerate') setView({ codes: (await regenerateCodes(code)).recoveryCodes });
      else {
        await disableMfa(code);
        setNotice(t.turnedOff);
        load();
      }
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setCode('');
      setBusy(false);
    }
  };

  let body: React.ReactNode;
  if (view === 'enrol') {
    body = <EnrolPanel lang={lang} begin={begin} confirm={confirm} onDone={backToStatus} />;
  } else if (typeof view === 'object') {
    body = <RecoveryCodes lang={lang} codes={view.codes} onDone={backToStatus} />;
  } else if (!status) {
    body = error ? <ErrorAlert message={error} /> : <p role="status">{t.loading}</p>;
  } else if (!status.enrolled) {
    body = (
      <div className="fdr-form">
        <p aria-live="polite" data-testid="mfa-status">
          {notice ?? t.disabled}
        </p>
        {status.required && <p>{t.requiredNote}</p>}
        <button
          type="button"
          className="fdr-button fdr-button--primary"
          onClick={() => setView('enrol')}
        >
          {t.setUp}
        </button>
      </div>
    );
  } else {
    body = (
      <form className="fdr-form" onSubmit={act('regenerate')} data-testid="mfa-manage-form">
        <p data-testid="mfa-status">{format(t.enabled, { count: status.recoveryCodesLeft })}</p>
        {status.required && <p>{t.requiredNote}</p>}
        <CodeField id="mfa-current-code" label={t.currentCode} value={code} onChange={setCode} />
        <ErrorAlert message={error} />
        <button type="submit" className="fdr-button fdr-button--primary" disabled={busy}>
          {t.regenerate}
        </button>
        {!status.required && (
          <button
            type="button"
            className="fdr-button"
            disabled={busy}
            onClick={() => void act('disable')()}
          >
            {t.turnOff}
          </button>
        )}
      </form>
    );
  }

  return (
    <AccountLayout lang={lang} setLang={setLang} title={t.securityTitle}>
      {body}
      <p>
        <Link href="/">{t.back}</Link>
      </p>
    </AccountLayout>
  );
}
