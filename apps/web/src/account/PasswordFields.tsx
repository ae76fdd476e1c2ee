import { MIN_PASSWORD_LENGTH } from '@fdr/model';
import { useId } from 'react';
import { accountStrings } from '../i18n/accountStrings.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';

/** A new password and its confirmation, with the length rule stated up front. */
export function PasswordFields(props: {
  lang: Lang;
  value: { password: string; confirm: string };
  onChange: (value: { password: string; confirm: string }) => void;
  label?: string;
}) {
  const t = accountStrings[props.lang];
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-p`}>{props.label ?? t.password}</label>
      <input
        id={`${id}-p`}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        aria-describedby={`${id}-hint`}
        value={props.value.password}
        onChange={(e) => props.onChange({ ...props.value, password: e.target.value })}
      />
      <p id={`${id}-hint`} className="fdr-hint">
        {format(t.passwordHint, { min: MIN_PASSWORD_LENGTH })}
      </p>
      <label htmlFor={`${id}-c`}>{t.confirmPassword}</label>
      <input
        id={`${id}-c`}
        type="password"
        autoComplete="new-password"
        required
        value={props.value.confirm}
        onChange={(e) => props.onChange({ ...props.value, confirm: e.target.value })}
      />
    </>
  );
}
