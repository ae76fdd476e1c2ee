import { CARD_STATES, type CardState } from '@fdr/model';
import type { SelectHTMLAttributes } from 'react';
import type { Lang } from '../i18n/strings.ts';
import { stateLabelOf } from './labels.ts';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: CardState;
  onChange: (state: CardState) => void;
  lang: Lang;
};

/** The states of a task team (existing, new, external identity). */
export function StateSelect({ value, onChange, lang, ...select }: Props) {
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value as CardState)}>
      {CARD_STATES.map((state) => (
        <option key={state} value={state}>
          {stateLabelOf(state, lang)}
        </option>
      ))}
    </select>
  );
}
