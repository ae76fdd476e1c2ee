import { createItem, localize, type Roadmap, removeItem, updateItem } from '@fdr/model';
import { useState } from 'react';
import type * as Y from 'yjs';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { ConfirmDialog } from '../table/ConfirmDialog.tsx';
import { Dialog } from '../table/Dialog.tsx';
import type { FocusTarget } from '../table/useTableFocus.ts';
import { ItemDialog } from './ItemDialog.tsx';
import type { ItemActions } from './ItemsTable.tsx';
import { itemDraftOf, itemPatch } from './itemDraft.ts';
import { boardPeriods } from './itemRows.ts';
import { itemStrings } from './itemStrings.ts';

type Open =
  | { kind: 'add'; domainId: string }
  | { kind: 'edit' | 'span' | 'remove'; itemId: string };

/**
 * The roadmap items' dialogs in the table view (add, edit, domain and periods, remove) and the
 * row actions that open them. Each dialog's confirmation is one model command through `run`
 * (one transaction, undoable by its author); focus then returns to the row's button, found
 * again wherever the row went.
 */
export function useItemDialogs({
  roadmap,
  lang,
  run,
  onClosed,
}: {
  roadmap: Roadmap;
  lang: Lang;
  /** Runs a command as this person; false when the model refused it (already announced). */
  run: (command: (doc: Y.Doc, origin: unknown) => void) => boolean;
  /** Where focus should go now that the dialog is closed. */
  onClosed: (target: FocusTarget | null) => void;
}) {
  const s = strings[lang];
  const t = itemStrings[lang];
  const [open, setOpen] = useState<Open | null>(null);
  const actions: ItemActions = {
    onAdd: (domainId) => setOpen({ kind: 'add', domainId }),
    onEdit: (itemId) => setOpen({ kind: 'edit', itemId }),
    onSpan: (itemId) => setOpen({ kind: 'span', itemId }),
    onRemove: (itemId) => setOpen({ kind: 'remove', itemId }),
  };
  const close = (target?: FocusTarget) => {
    onClosed(
      target ??
        (open?.kind === 'add'
          ? { selector: `[data-add-item="${CSS.escape(open.domainId)}"]` }
          : open
            ? { itemId: open.itemId, action: open.kind }
            : null),
    );
    setOpen(null);
  };

  const item = open && 'itemId' in open ? roadmap.items.find((i) => i.id === open.itemId) : null;
  const periods = boardPeriods(roadmap);
  let dialog = null;
  if (open?.kind === 'add') {
    const domain = roadmap.domains.find((d) => d.id === open.domainId);
    const first = periods[0]?.period.id;
    if (domain && first) {
      dialog = (
        <ItemDialog
          heading={format(t.addHeading, { domain: localize(domain.label, lang) })}
          roadmap={roadmap}
          initial={{
            labelFr: '',
            labelEn: '',
            role: 'In',
            kind: 'new',
            domainId: domain.id,
            startPeriodId: first,
            endPeriodId: first,
            cardIds: [],
          }}
          text
          place
          submitLabel={s.create}
          lang={lang}
          testId="item-add-dialog"
          onClose={() => close()}
          onSubmit={(draft) => {
            let created = '';
            const ok = run((doc, origin) => {
              created = createItem(
                doc,
                {
                  label: { fr: draft.labelFr.trim(), en: draft.labelEn.trim() },
                  role: draft.role,
                  kind: draft.kind,
                  domainId: draft.domainId,
                  startPeriodId: draft.startPeriodId,
                  endPeriodId: draft.endPeriodId,
                  cardIds: draft.cardIds,
                },
                origin,
              );
            });
            if (ok) close({ itemId: created, action: 'edit' });
          }}
        />
      );
    } else if (domain) {
      dialog = (
        <Dialog
          heading={format(t.addHeading, { domain: localize(domain.label, lang) })}
          onClose={() => close()}
        >
          <p>{t.noPeriods}</p>
          <div className="fdr-actions">
            <button type="button" className="fdr-button" onClick={() => close()}>
              {s.cancel}
            </button>
          </div>
        </Dialog>
      );
    }
  } else if (item && (open?.kind === 'edit' || open?.kind === 'span')) {
    const label = localize(item.label, lang);
    const editing = open.kind === 'edit';
    const initial = itemDraftOf(item);
    dialog = (
      <ItemDialog
        heading={format(editing ? t.editHeading : t.spanHeading, { label })}
        roadmap={roadmap}
        initial={initial}
        text={editing}
        place={!editing}
        submitLabel={editing ? s.save : t.spanSubmit}
        lang={lang}
        testId={editing ? 'item-edit-dialog' : 'item-span-dialog'}
        onClose={() => close()}
        onSubmit={(draft) => {
          const patch = itemPatch(initial, draft);
          if (Object.keys(patch).length === 0) close();
          else if (run((doc, origin) => updateItem(doc, { id: item.id, ...patch }, origin)))
            close();
        }}
      />
    );
  } else if (item && open?.kind === 'remove') {
    dialog = (
      <ConfirmDialog
        heading={format(t.removeLabel, { label: localize(item.label, lang) })}
        question={t.removeConfirm}
        action={t.remove}
        lang={lang}
        testId="item-remove-dialog"
        confirmTestId="item-remove-confirm"
        onClose={() => close()}
        onConfirm={() => {
          const next = neighbour(item.id);
          if (run((doc, origin) => removeItem(doc, { id: item.id }, origin))) close(next);
        }}
      />
    );
  }

  /** Where focus goes once an item leaves: the next row of its table, else the previous. */
  function neighbour(itemId: string): FocusTarget {
    const row = document.querySelector(`tr[data-item-id="${CSS.escape(itemId)}"]`);
    const other = (row?.nextElementSibling ?? row?.previousElementSibling) as HTMLElement | null;
    const otherId = other?.dataset.itemId;
    return otherId
      ? { itemId: otherId, action: 'remove' }
      : { selector: `[data-add-item="${CSS.escape(item?.domainId ?? '')}"]` };
  }

  return { actions, dialog, isOpen: open !== null };
}
