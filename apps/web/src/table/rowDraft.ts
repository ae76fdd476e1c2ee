import type { CardState, Localized, RoadmapCard, Role, UpdateCardInput } from '@fdr/model';

/** The editable fields of a card as its row shows them while it is being edited. */
export interface RowDraft {
  titleFr: string;
  titleEn: string;
  role: Role;
  state: CardState;
  periodIds: string[];
  lead: string;
  members: string;
  formedFromFr: string;
  formedFromEn: string;
  mandateFr: string;
  mandateEn: string;
  deliverablesFr: string;
  deliverablesEn: string;
}

export type CardPatch = Omit<UpdateCardInput, 'id'>;

export function rowDraftOf(card: RoadmapCard): RowDraft {
  return {
    titleFr: card.title.fr,
    titleEn: card.title.en,
    role: card.role,
    state: card.state,
    periodIds: [...card.periodIds],
    lead: card.leadJurisdiction ?? '',
    members: card.members.join('\n'),
    formedFromFr: card.formedFrom.map((g) => g.fr).join('\n'),
    formedFromEn: card.formedFrom.map((g) => g.en).join('\n'),
    mandateFr: card.mandate.fr,
    mandateEn: card.mandate.en,
    deliverablesFr: card.deliverables.fr,
    deliverablesEn: card.deliverables.en,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Line n of the French list goes with line n of the English one. */
function pairedLines(fr: string, en: string): Localized[] {
  const a = fr.split('\n').map((l) => l.trim());
  const b = en.split('\n').map((l) => l.trim());
  const groups: Localized[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const group = { fr: a[i] ?? '', en: b[i] ?? '' };
    if (group.fr !== '' || group.en !== '') groups.push(group);
  }
  return groups;
}

/**
 * Only what the person changed since the row opened for editing, one language at a time: a
 * peer's concurrent edit of another field, or of the other language, survives the save.
 */
export function rowPatch(initial: RowDraft, draft: RowDraft): CardPatch {
  const patch: { -readonly [K in keyof CardPatch]?: CardPatch[K] } = {};
  const text = (fr: keyof RowDraft, en: keyof RowDraft): Partial<Localized> | undefined => {
    const value: { fr?: string; en?: string } = {};
    const changed = (key: keyof RowDraft) =>
      String(draft[key]).trim() !== String(initial[key]).trim();
    if (changed(fr)) value.fr = String(draft[fr]).trim();
    if (changed(en)) value.en = String(draft[en]).trim();
    return Object.keys(value).length > 0 ? value : undefined;
  };
  const title = text('titleFr', 'titleEn');
  if (title) patch.title = title;
  const mandate = text('mandateFr', 'mandateEn');
  if (mandate) patch.mandate = mandate;
  const deliverables = text('deliverablesFr', 'deliverablesEn');
  if (deliverables) patch.deliverables = deliverables;
  if (draft.role !== initial.role) patch.role = draft.role;
  if (draft.state !== initial.state) patch.state = draft.state;
  if (draft.lead.trim() !== initial.lead.trim()) patch.leadJurisdiction = draft.lead.trim() || null;
  if (lines(draft.members).join('\n') !== lines(initial.members).join('\n')) {
    patch.members = lines(draft.members);
  }
  const before = pairedLines(initial.formedFromFr, initial.formedFromEn);
  const after = pairedLines(draft.formedFromFr, draft.formedFromEn);
  if (JSON.stringify(before) !== JSON.stringify(after)) patch.formedFrom = after;
  if (draft.periodIds.join() !== initial.periodIds.join()) patch.periodIds = draft.periodIds;
  return patch;
}

/** True when the draft would leave the card without a title in both languages. */
export function missingTitle(draft: RowDraft): boolean {
  return draft.titleFr.trim() === '' && draft.titleEn.trim() === '';
}
