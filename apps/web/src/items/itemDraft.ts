import type { ItemKind, ItemRecord, Role, UpdateItemInput } from '@fdr/model';

/** A roadmap item as its dialogs show it. */
export interface ItemDraft {
  labelFr: string;
  labelEn: string;
  role: Role;
  kind: ItemKind;
  domainId: string;
  startPeriodId: string;
  endPeriodId: string;
  /** The task teams (cards) that deliver it. */
  cardIds: readonly string[];
}

/** What `updateItem` writes: only the fields that changed. */
export type ItemPatch = Omit<UpdateItemInput, 'id'>;

export function itemDraftOf(item: ItemRecord): ItemDraft {
  return {
    labelFr: item.label.fr,
    labelEn: item.label.en,
    role: item.role,
    kind: item.kind,
    domainId: item.domainId,
    startPeriodId: item.startPeriodId,
    endPeriodId: item.endPeriodId,
    cardIds: item.cardIds,
  };
}

/**
 * The fields of `draft` that differ from `initial` (the item when the dialog opened), each
 * language of the label on its own: a colleague's concurrent edit of another field, or of the
 * other language, survives.
 */
export function itemPatch(initial: ItemDraft, draft: ItemDraft): ItemPatch {
  const patch: { -readonly [K in keyof ItemPatch]?: ItemPatch[K] } = {};
  const fr = draft.labelFr.trim();
  const en = draft.labelEn.trim();
  if (fr !== initial.labelFr.trim() || en !== initial.labelEn.trim()) {
    patch.label = {
      ...(fr !== initial.labelFr.trim() ? { fr } : {}),
      ...(en !== initial.labelEn.trim() ? { en } : {}),
    };
  }
  if (draft.role !== initial.role) patch.role = draft.role;
  if (draft.kind !== initial.kind) patch.kind = draft.kind;
  if (draft.domainId !== initial.domainId) patch.domainId = draft.domainId;
  if (draft.startPeriodId !== initial.startPeriodId) patch.startPeriodId = draft.startPeriodId;
  if (draft.endPeriodId !== initial.endPeriodId) patch.endPeriodId = draft.endPeriodId;
  // The same teams in another order are the same list.
  const before = new Set(initial.cardIds);
  if (draft.cardIds.length !== before.size || draft.cardIds.some((id) => !before.has(id))) {
    patch.cardIds = draft.cardIds;
  }
  return patch;
}
