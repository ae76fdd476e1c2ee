import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { errorText } from '../errorText.ts';
import type { Lang } from '../i18n/strings.ts';
import { CodeField } from './CodeField.tsx';
import type { Enrolment } from './mfaApi.ts';
import { mfaStrings } from './mfaStrings.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

/**
 * Enrolment: the key as a QR code (drawn by our server) and as text, a first code to confirm,
 * then the recovery codes. Used on the security page and during a sign-in that requires it.
 */
export function EnrolPanel(props: {
  lang: Lang;
  begin: () => Promise<Enrolment>;
  confirm: (code: string) => Promise<string[]>;
  onDone: () => void;
  /** Said before the steps (why enrolment is asked for), not over the recovery codes. */
  intro?: string;
}) {
  const t = mfaStrings[props.lang];
  const { begin } = props;
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    begin().then(
      (found) => live && setEnrolment(found),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [begin]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCodes(await props.confirm(code));
    } catch (e) {
      setError(e);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  if (codes) return <RecoveryCodes lang={props.lang} codes={codes} onDone={props.onDone} />;
  const message = error ? errorText(error, props.lang) : null;
  if (!enrolment) {
    return message ? <ErrorAlert message={message} /> : <p role="status">{t.loading}</p>;
  }
  return (
    <form className="fdr-form fdr-mfa" onSubmit={submit} data-testid="mfa-enrol-form">
      {props.intro && <p>{props.intro}</p>}
      <p>{t.enrolStep1}</p>
      <img
        className="fdr-mfa__qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
        alt={t.qrAlt}
        width={200}
        height={200}
      />
      <dl>
        <dt className="fdr-mfa__secret-label">{t.secretLabel}</dt>
        <dd className="fdr-mfa__secret" data-testid="mfa-secret">
          {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
        </dd>
      </dl>
      <p>{t.enrolStep2}</p>
      <CodeField id="mfa-enrol-code" label={t.code} value={code} onChange={setCode} />
      <ErrorAlert message={message} />
      <button type="submit" className="fdr-button fdr-button--primary" disabled={busy}>
        {busy ? t.verifying : t.confirm}
      </button>
    </form>
  );
}
