import { useEffect, useRef } from 'react';
import type { Lang } from '../i18n/strings.ts';
import { mfaStrings } from './mfaStrings.ts';

/** The recovery codes, shown once; focus moves to them so a screen reader reads them next. */
export function RecoveryCodes(props: { lang: Lang; codes: string[]; onDone: () => void }) {
  const t = mfaStrings[props.lang];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="fdr-form" aria-labelledby="mfa-recovery-title">
      <h2 id="mfa-recovery-title" ref={heading} tabIndex={-1}>
        {t.recoveryTitle}
      </h2>
      <p>{t.recoveryIntro}</p>
      <ul className="fdr-mfa__codes" data-testid="mfa-recovery-codes">
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="fdr-button fdr-button--primary" onClick={props.onDone}>
        {t.recoveryDone}
      </button>
    </section>
  );
}
