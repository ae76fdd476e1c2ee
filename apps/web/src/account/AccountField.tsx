import type { InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> & {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
};

/** A labelled field of the account forms (sign in, first start, invitation). */
export function AccountField({ id, label, value, onChange, ...input }: Props) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input {...input} id={id} value={value} onChange={(e) => onChange(e.target.value)} />
    </>
  );
}
