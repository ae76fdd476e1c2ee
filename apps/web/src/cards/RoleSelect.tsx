import { ROLES, type Role } from '@fdr/model';
import type { SelectHTMLAttributes } from 'react';
import type { Lang } from '../i18n/strings.ts';
import { roleLabelOf } from './labels.ts';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: Role;
  onChange: (role: Role) => void;
  lang: Lang;
};

/** The four roles of a task team, each with its code and its name. */
export function RoleSelect({ value, onChange, lang, ...select }: Props) {
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {role} — {roleLabelOf(role, lang)}
        </option>
      ))}
    </select>
  );
}
