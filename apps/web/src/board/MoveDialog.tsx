import { localize, moveCard, type Roadmap } from '@fdr/model';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import type { RunCommand } from './CardPanel.tsx';

/**
 * The keyboard alternative to dragging: move the selected card to a domain and a phase, first or
 * last in that cell. Same model command as a drop.
 */
export function MoveDialog({
  cardId,
  roadmap,
  lang,
  run,
  onClose,
  onMoved,
}: {
  cardId: string;
  roadmap: Roadmap;
  lang: Lang;
  run: RunCommand;
  onClose: () => void;
  onMoved: (cardId: string) => void;
}) {
  const t = strings[lang];
  const id = useId();
  const card = roadmap.cards.find((c) => c.id === cardId);
  const [domainId, setDomainId] = useState(card?.domainId ?? '');
  const [phaseId, setPhaseId] = useState(card?.phaseId ?? '');
  const [place, setPlace] = useState<'first' | 'last'>('last');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  if (!card) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = run((doc, origin) =>
      moveCard(
        doc,
        { id: cardId, domainId, phaseId, position: place === 'first' ? { index: 0 } : {} },
        origin,
      ),
    );
    if (ok) onMoved(cardId);
  };

  return (
    <div className="fdr-dialog-backdrop">
      <div
        className="fdr-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-heading`}
        data-testid="move-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={`${id}-heading`}>{format(t.moveHeading, { title: localize(card.title, lang) })}</h2>
        <form onSubmit={submit}>
          <div className="fdr-field">
            <label htmlFor={`${id}-domain`}>{t.fieldDomain}</label>
            <select
              ref={first}
              id={`${id}-domain`}
              value={domainId}
              onChange={(e) => setDomainId(e.target.value)}
              data-testid="move-domain"
            >
              {roadmap.domains.map((domain) => (
                <option key={domain.id} value={domain.id}>
                  {localize(domain.label, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="fdr-field">
            <label htmlFor={`${id}-phase`}>{t.fieldPhase}</label>
            <select
              id={`${id}-phase`}
              value={phaseId}
              onChange={(e) => setPhaseId(e.target.value)}
              data-testid="move-phase"
            >
              {roadmap.phases.map((phase) => (
                <option key={phase.id} value={phase.id}>
                  {localize(phase.label, lang)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="fdr-field">
            <legend>{t.fieldPosition}</legend>
            <label className="fdr-radio">
              <input
                type="radio"
                name={`${id}-place`}
                checked={place === 'first'}
                onChange={() => setPlace('first')}
              />
              {t.positionFirst}
            </label>
            <label className="fdr-radio">
              <input
                type="radio"
                name={`${id}-place`}
                checked={place === 'last'}
                onChange={() => setPlace('last')}
              />
              {t.positionLast}
            </label>
          </fieldset>
          <div className="fdr-actions">
            <button type="submit" className="fdr-button fdr-button--primary">
              {t.moveButton}
            </button>
            <button type="button" className="fdr-button fdr-button--quiet" onClick={onClose}>
              {t.cancel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
