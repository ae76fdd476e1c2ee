import {
  CARD_TITLE_MAX,
  type CardState,
  type DomainRecord,
  localize,
  type PhaseRecord,
  type Role,
} from '@fdr/model';
import { type FormEvent, useId, useState } from 'react';
import { RoleSelect } from '../cards/RoleSelect.tsx';
import { StateSelect } from '../cards/StateSelect.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { Dialog } from './Dialog.tsx';

export interface NewCard {
  title: { fr: string; en: string };
  role: Role;
  state: CardState;
}

/** A new task team in a given cell; the other fields are edited in its row afterwards. */
export function AddCardDialog({
  domain,
  phase,
  lang,
  onCreate,
  onClose,
}: {
  domain: DomainRecord;
  phase: PhaseRecord;
  lang: Lang;
  onCreate: (card: NewCard) => void;
  onClose: () => void;
}) {
  const s = strings[lang];
  const t = tableStrings[lang];
  const id = useId();
  const [fr, setFr] = useState('');
  const [en, setEn] = useState('');
  const [role, setRole] = useState<Role>('In');
  const [state, setState] = useState<CardState>('new');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (fr.trim() === '' && en.trim() === '') {
      setError(s.titleRequired);
      return;
    }
    onCreate({ title: { fr: fr.trim(), en: en.trim() }, role, state });
  };
  return (
    <Dialog
      heading={format(t.addCardHeading, {
        domain: localize(domain.label, lang),
        phase: localize(phase.label, lang),
      })}
      onClose={onClose}
      testId="add-card-dialog"
    >
      <form onSubmit={submit}>
        <div className="fdr-field">
          <label htmlFor={`${id}-fr`}>{`${s.fieldTitle} — ${s.french}`}</label>
          <input
            id={`${id}-fr`}
            lang="fr"
            maxLength={CARD_TITLE_MAX}
            value={fr}
            onChange={(e) => setFr(e.target.value)}
          />
        </div>
        <div className="fdr-field">
          <label htmlFor={`${id}-en`}>{`${s.fieldTitle} — ${s.english}`}</label>
          <input
            id={`${id}-en`}
            lang="en"
            maxLength={CARD_TITLE_MAX}
            value={en}
            onChange={(e) => setEn(e.target.value)}
          />
        </div>
        <div className="fdr-two-columns">
          <div className="fdr-field">
            <label htmlFor={`${id}-role`}>{s.fieldRole}</label>
            <RoleSelect id={`${id}-role`} value={role} onChange={setRole} lang={lang} />
          </div>
          <div className="fdr-field">
            <label htmlFor={`${id}-state`}>{s.fieldState}</label>
            <StateSelect id={`${id}-state`} value={state} onChange={setState} lang={lang} />
          </div>
        </div>
        <ErrorAlert message={error} />
        <div className="fdr-actions">
          <button type="submit" className="fdr-button fdr-button--primary">
            {s.create}
          </button>
          <button type="button" className="fdr-button fdr-button--quiet" onClick={onClose}>
            {s.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
