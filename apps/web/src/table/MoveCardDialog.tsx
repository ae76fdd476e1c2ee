import { localize, type Roadmap, type RoadmapCard } from '@fdr/model';
import { MoveCardForm } from '../board/MoveCardForm.tsx';
import type { MoveTarget } from '../board/moveTarget.ts';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { Dialog } from './Dialog.tsx';

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
  return (
    <Dialog
      heading={format(strings[lang].moveHeading, { title: localize(card.title, lang) })}
      onClose={onClose}
      testId="table-move-dialog"
    >
      <MoveCardForm
        card={card}
        roadmap={roadmap}
        lang={lang}
        onMove={onMove}
        onCancel={onClose}
        testIdPrefix="table-move"
      />
    </Dialog>
  );
}
