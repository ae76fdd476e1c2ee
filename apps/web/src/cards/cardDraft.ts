import type {
  CardState,
  CreateCardInput,
  PhaseRecord,
  RoadmapCard,
  Role,
  UpdateCardInput,
} from '@fdr/model';
import {
  draftChanges,
  lines,
  pairedLines,
  type SameRules,
  sameIds,
  sameLines,
  sameText,
  sameValue,
} from '../drafts/recordDraft.ts';

/** A card as its editors show it: the side panel on the canvas and a row of the table. */
export interface CardDraft {
  titleFr: string;
  titleEn: string;
  role: Role;
  state: CardState;
  domainId: string;
  phaseId: string;
  periodIds: readonly string[];
  lead: string;
  /** One member a line. */
  members: string;
  /** One working group a line; line n of each language is the same group. */
  formedFromFr: string;
  formedFromEn: string;
  mandateFr: string;
  mandateEn: string;
  deliverablesFr: string;
  deliverablesEn: string;
}

/** What `updateCard` writes: only the fields that changed. */
export type CardPatch = Omit<UpdateCardInput, 'id'>;

const RULES: SameRules<CardDraft> = {
  titleFr: sameText,
  titleEn: sameText,
  role: sameValue,
  state: sameValue,
  domainId: sameValue,
  phaseId: sameValue,
  periodIds: sameIds,
  lead: sameText,
  members: sameLines,
  // Compared as pairs below: a line's meaning depends on the line beside it.
  formedFromFr: () => true,
  formedFromEn: () => true,
  mandateFr: sameText,
  mandateEn: sameText,
  deliverablesFr: sameText,
  deliverablesEn: sameText,
};

export function cardDraftOf(card: RoadmapCard): CardDraft {
  return {
    titleFr: card.title.fr,
    titleEn: card.title.en,
    role: card.role,
    state: card.state,
    domainId: card.domainId,
    phaseId: card.phaseId,
    periodIds: card.periodIds,
    lead: card.leadJurisdiction ?? '',
    members: card.members.join('\n'),
    formedFromFr: card.formedFrom.map((group) => group.fr).join('\n'),
    formedFromEn: card.formedFrom.map((group) => group.en).join('\n'),
    mandateFr: card.mandate.fr,
    mandateEn: card.mandate.en,
    deliverablesFr: card.deliverables.fr,
    deliverablesEn: card.deliverables.en,
  };
}

/** A new task team in a cell, with the defaults of the creation forms. */
export function emptyCardDraft(domainId: string, phaseId: string): CardDraft {
  return {
    titleFr: '',
    titleEn: '',
    role: 'In',
    state: 'new',
    domainId,
    phaseId,
    periodIds: [],
    lead: '',
    members: '',
    formedFromFr: '',
    formedFromEn: '',
    mandateFr: '',
    mandateEn: '',
    deliverablesFr: '',
    deliverablesEn: '',
  };
}

/** True when the draft would leave the card without a title in both languages. */
export function missingTitle(draft: CardDraft): boolean {
  return draft.titleFr.trim() === '' && draft.titleEn.trim() === '';
}

/**
 * The draft in a phase: periods belong to their phase, so only the ticked periods of that phase
 * stay (none, for a phase the person just picked), as `moveCard` keeps them.
 */
export function inPhase(draft: CardDraft, phase: Pick<PhaseRecord, 'id' | 'periods'>): CardDraft {
  const periodIds = draft.periodIds.filter((id) => phase.periods.some((p) => p.id === id));
  return { ...draft, phaseId: phase.id, periodIds };
}

/** The ticked periods after ticking or unticking one, in the phase's order. */
export function tickPeriod(
  draft: CardDraft,
  phase: PhaseRecord,
  periodId: string,
  ticked: boolean,
): readonly string[] {
  return phase.periods
    .map((period) => period.id)
    .filter((id) => (id === periodId ? ticked : draft.periodIds.includes(id)));
}

/**
 * Only what the person changed since the editor opened. Moving the card is a separate command
 * (`moveCard`, from `domainId` and `phaseId`); a new phase rewrites the periods with it.
 */
export function cardPatch(initial: CardDraft, draft: CardDraft): CardPatch {
  const changes = draftChanges(RULES, initial, draft);
  const patch: { -readonly [K in keyof CardPatch]: CardPatch[K] } = {};
  const title = changes.text('titleFr', 'titleEn');
  if (title) patch.title = title;
  const mandate = changes.text('mandateFr', 'mandateEn');
  if (mandate) patch.mandate = mandate;
  const deliverables = changes.text('deliverablesFr', 'deliverablesEn');
  if (deliverables) patch.deliverables = deliverables;
  if (changes.changed('role')) patch.role = draft.role;
  if (changes.changed('state')) patch.state = draft.state;
  if (changes.changed('lead')) patch.leadJurisdiction = draft.lead.trim() || null;
  if (changes.changed('members')) patch.members = lines(draft.members);
  const groups = pairedLines(draft.formedFromFr, draft.formedFromEn);
  const before = pairedLines(initial.formedFromFr, initial.formedFromEn);
  if (JSON.stringify(groups) !== JSON.stringify(before)) patch.formedFrom = groups;
  if (changes.changed('periodIds') || changes.changed('phaseId')) patch.periodIds = draft.periodIds;
  return patch;
}

/**
 * The patch of an editor that does not move the card (a row of the table), against the phase the
 * card is in now: if someone moved it meanwhile, periods ticked in the old phase are dropped
 * instead of being refused by the model.
 */
export function patchInPlace(initial: CardDraft, draft: CardDraft, phase: PhaseRecord): CardPatch {
  return cardPatch(initial, inPhase(draft, phase));
}

/** The `createCard` input of a new card's draft. */
export function newCardInput(draft: CardDraft): Omit<CreateCardInput, 'position'> {
  return {
    title: { fr: draft.titleFr.trim(), en: draft.titleEn.trim() },
    role: draft.role,
    state: draft.state,
    domainId: draft.domainId,
    phaseId: draft.phaseId,
    periodIds: draft.periodIds,
    mandate: { fr: draft.mandateFr.trim(), en: draft.mandateEn.trim() },
    deliverables: { fr: draft.deliverablesFr.trim(), en: draft.deliverablesEn.trim() },
    leadJurisdiction: draft.lead.trim() || null,
    members: lines(draft.members),
    formedFrom: pairedLines(draft.formedFromFr, draft.formedFromEn),
  };
}
