import { localize, type Roadmap, type RoadmapCard } from '@fdr/model';
import { type FormEvent, useId, useState } from 'react';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { Dialog } from './Dialog.tsx';

export interface MoveTarget {
  domainId: string;
  phaseId: string;
  place: 'first' | 'last';
}

/** "Move to domain / phase" from a row: two lists and a place, all reachable by keyboard. */
export function MoveCardDialog({
  card,
  roadmap,
  lang,
  onMove,
  onClose,
}: {
  card: RoadmapCard;
  roadmap: Roadmap;
  lang: Lang;
  onMove: (target: MoveTarget) => void;
  onClose: () => void;
}) {
  const s = strings[lang];
  const id = useId();
  const [domainId, setDomainId] = useState(card.domainId);
  const [phaseId, setPhaseId] = useState(card.phaseId);
  const [place, setPlace] = useState<'first' | 'last'>('last');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMove({ domainId, phaseId, place });
  };
  return (
    <Dialog
      heading={format(s.moveHeading, { title: localize(card.title, lang) })}
      onClose={onClose}
      testId="table-move-dialog"
    >
      <form onSubmit={submit}>
        <div className="fdr-field">
          <label htmlFor={`${id}-domain`}>{s.fieldDomain}</label>
          <select
            id={`${id}-domain`}
            value={domainId}
            onChange={(e) => setDomainId(e.target.value)}
            data-testid="table-move-domain"
          >
            {roadmap.domains.map((domain) => (
              <option key={domain.id} value={domain.id}>
                {localize(domain.label, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="fdr-field">
          <label htmlFor={`${id}-phase`}>{s.fieldPhase}</label>
          <select
            id={`${id}-phase`}
            value={phaseId}
            onChange={(e) => setPhaseId(e.target.value)}
            data-testid="table-move-phase"
          >
            {roadmap.phases.map((phase) => (
              <option key={phase.id} value={phase.id}>
                {localize(phase.label, lang)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="fdr-field">
          <legend>{s.fieldPosition}</legend>
          <label className="fdr-radio">
            <input
              type="radio"
              name={`${id}-place`}
              checked={place === 'first'}
              onChange={() => setPlace('first')}
            />
            {s.positionFirst}
          </label>
          <label className="fdr-radio">
            <input
              type="radio"
              name={`${id}-place`}
              checked={place === 'last'}
              onChange={() => setPlace('last')}
            />
            {s.positionLast}
          </label>
        </fieldset>
        <div className="fdr-actions">
          <button type="submit" className="fdr-button fdr-button--primary">
            {s.moveButton}
          </button>
          <button type="button" className="fdr-button fdr-button--quiet" onClick={onClose}>
            {s.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
