import { type Roadmap, removeItem, updateItem } from '@fdr/model';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { RunCommand } from '../board/CardPanel.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import type { Lang } from '../i18n/strings.ts';
import { ItemCardsField } from './ItemCardsField.tsx';
import { ItemFields } from './ItemFields.tsx';
import { itemLabel } from './ItemShapeUtil.tsx';
import { type ItemDraft, itemDraftOf, itemPatch, missingLabel } from './itemDraft.ts';
import { timelineStrings } from './timelineStrings.ts';

/**
 * The side panel of a roadmap item: every field, French and English side by side, and the task
 * teams that deliver it. Council and secretariat save (one command) or remove it; other roles
 * read it. Opened with Enter or a double-click on a bar.
 */
export function ItemPanel({
  itemId,
  roadmap,
  lang,
  run,
  readOnly,
  onClose,
  onDone,
  comments,
}: {
  itemId: string;
  roadmap: Roadmap;
  lang: Lang;
  run: RunCommand;
  readOnly: boolean;
  onClose: () => void;
  onDone: (itemId: string | null, message: string) => void;
  /** The item's conversation, last in the panel. */
  comments?: ReactNode;
}) {
  const t = timelineStrings[lang];
  const id = useId();
  const item = roadmap.items.find((i) => i.id === itemId);
  const [initial] = useState<ItemDraft | null>(() => (item ? itemDraftOf(item) : null));
  const [draft, setDraft] = useState<ItemDraft | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => (readOnly ? close.current : first.current)?.focus(), [readOnly]);

  if (!item || !draft || !initial) {
    return (
      <aside className="fdr-panel" aria-label={t.item}>
        <p>{t.item} ?</p>
        <button type="button" className="fdr-button" onClick={onClose}>
          {t.close}
        </button>
      </aside>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    if (missingLabel(draft)) {
      setError(t.labelRequired);
      return;
    }
    setError(null);
    const patch = itemPatch(initial, draft);
    if (Object.keys(patch).length === 0) {
      onDone(itemId, t.saved);
      return;
    }
    if (run((doc, origin) => updateItem(doc, { id: itemId, ...patch }, origin))) {
      onDone(itemId, t.saved);
    }
  };

  const remove = () => {
    if (!window.confirm(t.removeConfirm)) return;
    if (run((doc, origin) => removeItem(doc, { id: itemId }, origin))) onDone(null, t.removed);
  };

  return (
    <aside
      className="fdr-panel"
      aria-labelledby={`${id}-heading`}
      data-testid="item-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="fdr-panel__head">
        <h2 id={`${id}-heading`}>
          <span className="fdr-panel__kind">{t.item} · </span>
          {itemLabel({ labelFr: initial.labelFr, labelEn: initial.labelEn }, lang)}
        </h2>
        <button
          ref={close}
          type="button"
          className="fdr-button fdr-button--quiet"
          onClick={onClose}
        >
          {t.close}
        </button>
      </div>
      {readOnly && (
        <p className="fdr-panel__note" role="note">
          {t.readOnly}
        </p>
      )}
      <form onSubmit={submit} className="fdr-panel__form">
        <ItemFields
          id={id}
          draft={draft}
          setDraft={(update) => setDraft((d) => (d ? update(d) : d))}
          roadmap={roadmap}
          lang={lang}
          parts="all"
          firstRef={first}
          disabled={readOnly}
        />
        <ItemCardsField
          roadmap={roadmap}
          lang={lang}
          domainId={draft.domainId}
          cardIds={draft.cardIds}
          onChange={(cardIds) => setDraft((d) => (d ? { ...d, cardIds } : d))}
          readOnly={readOnly}
        />
        <ErrorAlert message={error} />
        {!readOnly && (
          <div className="fdr-actions">
            <button
              type="submit"
              className="fdr-button fdr-button--primary"
              data-testid="item-save"
            >
              {t.save}
            </button>
            <button
              type="button"
              className="fdr-button fdr-button--danger"
              onClick={remove}
              data-testid="item-remove"
            >
              {t.remove}
            </button>
          </div>
        )}
      </form>
      {comments}
    </aside>
  );
}
