import { localize, type Roadmap } from '@fdr/model';
import type { Ref } from 'react';
import { type Lang, strings } from '../i18n/strings.ts';

/**
 * The two lists that name a cell of the board, a domain and a phase, each with its label: the
 * keyboard's way to say where a card goes (card panel, move dialogs of the canvas and the table).
 * No tldraw here: the table's chunk uses it too.
 */
export function CellPicker({
  roadmap,
  lang,
  id,
  domainId,
  phaseId,
  onDomainChange,
  onPhaseChange,
  domainRef,
  testIdPrefix,
}: {
  roadmap: Roadmap;
  lang: Lang;
  /** The form's `useId`: the lists are `<id>-domain` and `<id>-phase`. */
  id: string;
  domainId: string;
  phaseId: string;
  onDomainChange: (domainId: string) => void;
  onPhaseChange: (phaseId: string) => void;
  /** For a dialog that focuses the first list itself (the native `<dialog>` does it alone). */
  domainRef?: Ref<HTMLSelectElement>;
  /** The lists' `data-testid`s are `<prefix>-domain` and `<prefix>-phase`. */
  testIdPrefix?: string;
}) {
  const t = strings[lang];
  return (
    <>
      <div className="fdr-field">
        <label htmlFor={`${id}-domain`}>{t.fieldDomain}</label>
        <select
          ref={domainRef}
          id={`${id}-domain`}
          value={domainId}
          onChange={(e) => onDomainChange(e.target.value)}
          data-testid={testIdPrefix ? `${testIdPrefix}-domain` : undefined}
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
          onChange={(e) => onPhaseChange(e.target.value)}
          data-testid={testIdPrefix ? `${testIdPrefix}-phase` : undefined}
        >
          {roadmap.phases.map((phase) => (
            <option key={phase.id} value={phase.id}>
              {localize(phase.label, lang)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
