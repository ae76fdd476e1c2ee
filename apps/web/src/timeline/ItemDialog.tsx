import { createItem, localize, type Roadmap, updateItem } from '@fdr/model';
import { type FormEvent, useId, useState } from 'react';
import type { RunCommand } from '../board/CardPanel.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { Dialog } from '../table/Dialog.tsx';
import { ItemFields } from './ItemFields.tsx';
import {
  boardPeriods,
  emptyItemDraft,
  type ItemDraft,
  itemDraftOf,
  itemPatch,
  missingLabel,
  newItemInput,
} from './itemDraft.ts';
import { timelineStrings } from './timelineStrings.ts';

export type ItemDialogMode =
  | { kind: 'create'; domainId?: string }
  | { kind: 'move'; itemId: string };

/**
 * The keyboard's way to every change a mouse makes to a bar: create an item (label, role, kind,
 * domain, first and last period), or move and stretch one (domain, first and last period).
 * Enter submits; the same commands as the canvas.
 */
export function ItemDialog({
  mode,
  roadmap,
  lang,
  run,
  onClose,
  onDone,
}: {
  mode: ItemDialogMode;
  roadmap: Roadmap;
  lang: Lang;
  run: RunCommand;
  onClose: () => void;
  onDone: (itemId: string, message: string) => void;
}) {
  const t = timelineStrings[lang];
  const id = useId();
  const item = mode.kind === 'move' ? roadmap.items.find((i) => i.id === mode.itemId) : undefined;
  const [initial] = useState<ItemDraft>(() =>
    item
      ? itemDraftOf(item)
      : emptyItemDraft(roadmap, mode.kind === 'create' ? mode.domainId : undefined),
  );
  const [draft, setDraft] = useState<ItemDraft>(initial);
  const [error, setError] = useState<string | null>(null);
  const noPeriods = boardPeriods(roadmap).length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode.kind === 'create') {
      if (missingLabel(draft)) {
        setError(t.labelRequired);
        return;
      }
      let created = '';
      if (run((doc, origin) => (created = createItem(doc, newItemInput(draft), origin)))) {
        onDone(created, t.created);
      }
      return;
    }
    const patch = itemPatch(initial, draft);
    if (Object.keys(patch).length === 0) {
      onDone(mode.itemId, t.moved);
      return;
    }
    if (run((doc, origin) => updateItem(doc, { id: mode.itemId, ...patch }, origin))) {
      onDone(mode.itemId, t.moved);
    }
  };

  const heading =
    mode.kind === 'create'
      ? t.newItemHeading
      : format(t.moveHeading, { label: item ? localize(item.label, lang) : '' });
  return (
    <Dialog
      heading={heading}
      onClose={onClose}
      testId={mode.kind === 'create' ? 'item-dialog' : 'item-move-dialog'}
    >
      {noPeriods ? (
        <>
          <p role="alert">{t.noPeriods}</p>
          <div className="fdr-actions">
            <button type="button" className="fdr-button" onClick={onClose}>
              {t.close}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          <ItemFields
            id={id}
            draft={draft}
            setDraft={setDraft}
            roadmap={roadmap}
            lang={lang}
            parts={mode.kind === 'create' ? 'all' : 'place'}
          />
          <ErrorAlert message={error} />
          <div className="fdr-actions">
            <button
              type="submit"
              className="fdr-button fdr-button--primary"
              data-testid="item-submit"
            >
              {mode.kind === 'create' ? t.create : t.save}
            </button>
            <button type="button" className="fdr-button fdr-button--quiet" onClick={onClose}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
