import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { AccountLayout } from '../account/AccountLayout.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { errorText } from '../errorText.ts';
import type { Lang } from '../i18n/strings.ts';
import { CodeField } from './CodeField.tsx';
import { EnrolPanel } from './EnrolPanel.tsx';
import {
  beginSignInEnrolment,
  confirmSignInEnrolment,
  type SecondFactorPending,
  verifySignIn,
} from './mfaApi.ts';
import { mfaStrings } from './mfaStrings.ts';

/**
 * The second step of sign-in, after a right password: a code (or a recovery code), or, when the
 * server requires a factor the account does not have yet, its enrolment. No session before.
 */
export function SecondFactorStep(props: {
  lang: Lang;
  setLang: (lang: Lang) => void;
  pending: SecondFactorPending;
  onSignedIn: () => void;
  onStartOver: () => void;
}) {
  const t = mfaStrings[props.lang];
  const { token } = props.pending;
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const begin = useCallback(() => beginSignInEnrolment(token), [token]);
  const confirm = useCallback(
    async (value: string) => (await confirmSignInEnrolment(token, value)).recoveryCodes,
    [token],
  );

  // The password form is gone: keyboard and screen-reader users continue in the code field.
  const step = props.pending.step;
  useEffect(() => {
    if (step === 'code') document.getElementById('mfa-code')?.focus();
  }, [step]);

  if (props.pending.step === 'enrol') {
    return (
      <AccountLayout lang={props.lang} setLang={props.setLang} title={t.enrolTitle}>
        <EnrolPanel
          lang={props.lang}
          intro={t.enrolRequired}
          begin={begin}
          confirm={confirm}
          onDone={props.onSignedIn}
        />
      </AccountLayout>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await verifySignIn(token, code);
      props.onSignedIn();
    } catch (e) {
      setError(errorText(e, props.lang));
      setCode('');
      setBusy(false);
    }
  };

  return (
    <AccountLayout lang={props.lang} setLang={props.setLang} title={t.codeTitle}>
      <form className="fdr-form" onSubmit={submit} data-testid="mfa-code-form">
        <p>{t.codeIntro}</p>
        <CodeField
          key={recovery ? 'recovery' : 'code'}
          id="mfa-code"
          label={recovery ? t.recoveryCode : t.code}
          value={code}
          onChange={setCode}
          recovery={recovery}
        />
        <ErrorAlert message={error} />
        <button type="submit" className="fdr-button fdr-button--primary" disabled={busy}>
          {busy ? t.verifying : t.verify}
        </button>
        <button
          type="button"
          className="fdr-button fdr-button--quiet"
          onClick={() => {
            setRecovery(!recovery);
            setCode('');
          }}
        >
          {recovery ? t.useApp : t.useRecovery}
        </button>
        <button type="button" className="fdr-button fdr-button--quiet" onClick={props.onStartOver}>
          {t.startOver}
        </button>
      </form>
    </AccountLayout>
  );
}
