import { localize, moveCard, type Roadmap } from '@fdr/model';
import { useEffect, useId, useRef } from 'react';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { enterSubmits } from '../overlay/enterSubmits.ts';
import type { RunCommand } from './CardPanel.tsx';
import { MoveCardForm } from './MoveCardForm.tsx';
import { type MoveTarget, moveCardInput } from './moveTarget.ts';

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
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  if (!card) return null;

  const move = (target: MoveTarget) => {
    const ok = run((doc, origin) => moveCard(doc, moveCardInput(cardId, target), origin));
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
          } else enterSubmits(e);
        }}
      >
        <h2 id={`${id}-heading`}>{format(t.moveHeading, { title: localize(card.title, lang) })}</h2>
        <MoveCardForm
          card={card}
          roadmap={roadmap}
          lang={lang}
          onMove={move}
          onCancel={onClose}
          domainRef={first}
          testIdPrefix="move"
        />
      </div>
    </div>
  );
}
