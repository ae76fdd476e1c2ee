import type {
  CreateItemInput,
  ItemKind,
  ItemRecord,
  Roadmap,
  Role,
  UpdateItemInput,
} from '@fdr/model';

/** What the item forms edit: the fields of an item as the inputs hold them. */
export interface ItemDraft {
  labelFr: string;
  labelEn: string;
  role: Role;
  kind: ItemKind;
  domainId: string;
  startPeriodId: string;
  endPeriodId: string;
  cardIds: string[];
}

export function itemDraftOf(item: ItemRecord): ItemDraft {
  return {
    labelFr: item.label.fr,
    labelEn: item.label.en,
    role: item.role,
    kind: item.kind,
    domainId: item.domainId,
    startPeriodId: item.startPeriodId,
    endPeriodId: item.endPeriodId,
    cardIds: [...item.cardIds],
  };
}

/** A new item: in the given lane (else the first), over the first period of the board. */
export function emptyItemDraft(roadmap: Roadmap, domainId?: string): ItemDraft {
  const first = boardPeriods(roadmap)[0]?.id ?? '';
  return {
    labelFr: '',
    labelEn: '',
    role: 'In',
    kind: 'new',
    domainId: domainId ?? roadmap.domains[0]?.id ?? '',
    startPeriodId: first,
    endPeriodId: first,
    cardIds: [],
  };
}

/** Every period of the board in board order, with its phase. */
export function boardPeriods(roadmap: Roadmap) {
  return roadmap.phases.flatMap((phase) => phase.periods.map((period) => ({ ...period, phase })));
}

export function missingLabel(draft: ItemDraft): boolean {
  return draft.labelFr.trim() === '' && draft.labelEn.trim() === '';
}

/**
 * A new first (or last) period: the other end follows when it would be crossed, so the span
 * always runs forwards (the model refuses an inverted one).
 */
export function withEnd(
  draft: ItemDraft,
  roadmap: Roadmap,
  end: 'start' | 'end',
  periodId: string,
): ItemDraft {
  const order = boardPeriods(roadmap).map((p) => p.id);
  const at = order.indexOf(periodId);
  if (end === 'start') {
    const other = order.indexOf(draft.endPeriodId);
    return {
      ...draft,
      startPeriodId: periodId,
      endPeriodId: other < at ? periodId : draft.endPeriodId,
    };
  }
  const other = order.indexOf(draft.startPeriodId);
  return {
    ...draft,
    endPeriodId: periodId,
    startPeriodId: other > at ? periodId : draft.startPeriodId,
  };
}

export function newItemInput(draft: ItemDraft): CreateItemInput {
  return {
    label: { fr: draft.labelFr.trim(), en: draft.labelEn.trim() },
    role: draft.role,
    kind: draft.kind,
    domainId: draft.domainId,
    startPeriodId: draft.startPeriodId,
    endPeriodId: draft.endPeriodId,
    cardIds: draft.cardIds,
  };
}

/** Only what changed: an unchanged field is not written (and cannot undo a peer's edit). */
export function itemPatch(initial: ItemDraft, draft: ItemDraft): Omit<UpdateItemInput, 'id'> {
  const patch: { -readonly [K in keyof Omit<UpdateItemInput, 'id'>]: UpdateItemInput[K] } = {};
  const label: { fr?: string; en?: string } = {};
  if (draft.labelFr.trim() !== initial.labelFr) label.fr = draft.labelFr.trim();
  if (draft.labelEn.trim() !== initial.labelEn) label.en = draft.labelEn.trim();
  if (Object.keys(label).length > 0) patch.label = label;
  if (draft.role !== initial.role) patch.role = draft.role;
  if (draft.kind !== initial.kind) patch.kind = draft.kind;
  if (draft.domainId !== initial.domainId) patch.domainId = draft.domainId;
  if (draft.startPeriodId !== initial.startPeriodId) patch.startPeriodId = draft.startPeriodId;
  if (draft.endPeriodId !== initial.endPeriodId) patch.endPeriodId = draft.endPeriodId;
  if (draft.cardIds.join() !== initial.cardIds.join()) patch.cardIds = draft.cardIds;
  return patch;
}
