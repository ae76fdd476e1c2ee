import { AccountField } from '../account/AccountField.tsx';

/** A one-time code field: the keyboard of digits on phones, and the code offered by autofill. */
export function CodeField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A recovery code has letters: a text keyboard then. */
  recovery?: boolean;
}) {
  return (
    <AccountField
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      autoComplete="one-time-code"
      inputMode={props.recovery ? 'text' : 'numeric'}
      {...(props.recovery ? {} : { pattern: '[0-9 ]*', maxLength: 7 })}
      spellCheck={false}
      required
    />
  );
}
