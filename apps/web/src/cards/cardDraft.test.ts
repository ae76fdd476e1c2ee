import {
  createTemplateDoc,
  fromJSON,
  moveCard,
  templateRoadmap,
  toJSON,
  updateCard,
} from '@fdr/model';
import { describe, expect, it } from 'vitest';
import {
  cardDraftOf,
  cardPatch,
  emptyCardDraft,
  inPhase,
  missingTitle,
  newCardInput,
  patchInPlace,
  tickPeriod,
} from './cardDraft.ts';

const roadmap = toJSON(fromJSON(templateRoadmap()));
const card = roadmap.cards.find((c) => c.id === 'card-digital-identity')!;

describe('cardPatch', () => {
  it('is empty when nothing was touched', () => {
    expect(cardPatch(cardDraftOf(card), cardDraftOf(card))).toEqual({});
  });

  it('patches only the language and the fields that changed', () => {
    const initial = cardDraftOf(card);
    const patch = cardPatch(initial, {
      ...initial,
      titleEn: '  Digital identity and trust ',
      role: 'CE',
      members: 'Ontario\n\n Québec \n',
      lead: '   ',
    });
    expect(patch).toEqual({
      title: { en: 'Digital identity and trust' },
      role: 'CE',
      members: ['Ontario', 'Québec'],
    });
    // An empty lead jurisdiction that was already empty is not a change.
    expect('leadJurisdiction' in patch).toBe(false);
  });

  it('pairs the French and English lines of the groups a team was formed from', () => {
    const initial = cardDraftOf(card);
    expect(initial.formedFromFr.split('\n')).toHaveLength(2);
    const patch = cardPatch(initial, {
      ...initial,
      formedFromFr: `${initial.formedFromFr}\nNouveau groupe`,
      formedFromEn: `${initial.formedFromEn}\n`,
    });
    expect(patch.formedFrom).toEqual([...card.formedFrom, { fr: 'Nouveau groupe', en: '' }]);
  });

  it('keeps a concurrent edit of the other language by a peer', () => {
    const doc = fromJSON(templateRoadmap());
    const initial = cardDraftOf(toJSON(doc).cards.find((c) => c.id === card.id)!);
    // A peer changes the French title while this user edits the English one.
    updateCard(doc, { id: card.id, title: { fr: 'Identité numérique (révisé)' } }, 'peer');
    const patch = cardPatch(initial, { ...initial, titleEn: 'Digital ID' });
    updateCard(doc, { id: card.id, ...patch }, 'me');
    expect(toJSON(doc).cards.find((c) => c.id === card.id)?.title).toEqual({
      fr: 'Identité numérique (révisé)',
      en: 'Digital ID',
    });
  });
});

describe('card drafts', () => {
  const security = () => toJSON(createTemplateDoc()).cards.find((c) => c.id === 'card-security')!;

  it('ignores spaces around texts and blank lines in lists, and clears an emptied lead', () => {
    const initial = { ...cardDraftOf(security()), lead: 'Ontario' };
    expect(cardPatch(initial, { ...initial, lead: '  ' })).toEqual({ leadJurisdiction: null });
    expect(cardPatch(initial, { ...initial, mandateFr: `${initial.mandateFr}  ` })).toEqual({});
    expect(cardPatch(initial, { ...initial, members: `\n${initial.members}\n\n` })).toEqual({});
  });

  it('needs a title in one language at least', () => {
    const initial = cardDraftOf(security());
    expect(missingTitle({ ...initial, titleFr: '', titleEn: ' ' })).toBe(true);
    expect(missingTitle({ ...initial, titleFr: '' })).toBe(false);
  });

  it('ticks periods in the order of the phase and drops them with the phase', () => {
    const roadmap = toJSON(createTemplateDoc());
    const [phase1, phase2] = roadmap.phases;
    const draft = { ...cardDraftOf(security()), periodIds: [] };
    const [first, second] = phase1!.periods;
    const late = { ...draft, periodIds: tickPeriod(draft, phase1!, second!.id, true) };
    expect(tickPeriod(late, phase1!, first!.id, true)).toEqual([first!.id, second!.id]);
    expect(tickPeriod(late, phase1!, second!.id, false)).toEqual([]);
    const moved = inPhase(late, phase2!);
    expect(moved).toMatchObject({ phaseId: phase2!.id, periodIds: [] });
    // A new phase writes the periods even when none were ticked before either.
    expect(cardPatch(draft, inPhase(draft, phase2!))).toEqual({ periodIds: [] });
  });

  it('saves a row whose card was moved to another phase while it was edited', () => {
    const doc = createTemplateDoc();
    const before = toJSON(doc);
    const [phase1, phase2] = before.phases;
    const card = before.cards.find((c) => c.id === 'card-security')!;
    expect(card.phaseId).toBe(phase1!.id);
    const initial = cardDraftOf(card);
    const draft = {
      ...initial,
      titleEn: 'Security and trust',
      periodIds: tickPeriod(initial, phase1!, phase1!.periods[1]!.id, true),
    };
    // Meanwhile a peer moves the card to phase 2.
    moveCard(doc, { id: card.id, domainId: card.domainId, phaseId: phase2!.id }, 'peer');
    const now = toJSON(doc).cards.find((c) => c.id === card.id)!;
    const phase = toJSON(doc).phases.find((p) => p.id === now.phaseId)!;
    updateCard(doc, { id: card.id, ...patchInPlace(initial, draft, phase) }, 'me');
    const saved = toJSON(doc).cards.find((c) => c.id === card.id)!;
    expect(saved.title.en).toBe('Security and trust');
    expect(saved.phaseId).toBe(phase2!.id);
    expect(saved.periodIds).toEqual([]);
  });

  it("turns a new card's draft into the createCard input", () => {
    const draft = {
      ...emptyCardDraft('domain-1', 'phase-1'),
      titleFr: ' Sécurité ',
      members: 'Alice\n\n Bob ',
      formedFromFr: 'GT A',
      formedFromEn: 'WG A',
    };
    expect(newCardInput(draft)).toEqual({
      title: { fr: 'Sécurité', en: '' },
      role: 'In',
      state: 'new',
      domainId: 'domain-1',
      phaseId: 'phase-1',
      periodIds: [],
      mandate: { fr: '', en: '' },
      deliverables: { fr: '', en: '' },
      leadJurisdiction: null,
      members: ['Alice', 'Bob'],
      formedFrom: [{ fr: 'GT A', en: 'WG A' }],
    });
  });
});
