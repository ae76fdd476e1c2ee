import type { Roadmap, RoadmapCard } from '@fdr/model';
import { type FormEvent, type Ref, useId, useState } from 'react';
import { type Lang, strings } from '../i18n/strings.ts';
import { CellPicker } from './CellPicker.tsx';
import type { MoveTarget } from './moveTarget.ts';

/**
 * The form of both move dialogs, the keyboard alternative to dragging (canvas and table): the cell
 * and the place in it, then Move or Cancel. The dialogs around it differ (the canvas keeps its own
 * overlay, the table a native `<dialog>`), so each passes what it needs.
 */
export function MoveCardForm({
  card,
  roadmap,
  lang,
  onMove,
  onCancel,
  domainRef,
  testIdPrefix,
}: {
  card: RoadmapCard;
  roadmap: Roadmap;
  lang: Lang;
  onMove: (target: MoveTarget) => void;
  onCancel: () => void;
  domainRef?: Ref<HTMLSelectElement>;
  /** The cell lists' `data-testid`s are `<prefix>-domain` and `<prefix>-phase`. */
  testIdPrefix: string;
}) {
  const t = strings[lang];
  const id = useId();
  const [domainId, setDomainId] = useState(card.domainId);
  const [phaseId, setPhaseId] = useState(card.phaseId);
  const [place, setPlace] = useState<MoveTarget['place']>('last');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMove({ domainId, phaseId, place });
  };
  return (
    <form onSubmit={submit}>
      <CellPicker
        roadmap={roadmap}
        lang={lang}
        id={id}
        domainId={domainId}
        phaseId={phaseId}
        onDomainChange={setDomainId}
        onPhaseChange={setPhaseId}
        domainRef={domainRef}
        testIdPrefix={testIdPrefix}
      />
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
        <button type="button" className="fdr-button fdr-button--quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
