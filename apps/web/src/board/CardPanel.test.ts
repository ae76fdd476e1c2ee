import { fromJSON, templateRoadmap, toJSON, updateCard } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { changedFields, draftOf } from './CardPanel.tsx';

const roadmap = toJSON(fromJSON(templateRoadmap()));
const card = roadmap.cards.find((c) => c.id === 'card-digital-identity')!;

describe('changedFields', () => {
  it('is empty when nothing was touched', () => {
    expect(changedFields(draftOf(card), draftOf(card))).toEqual({});
  });

  it('patches only the language and the fields that changed', () => {
    const initial = draftOf(card);
    const patch = changedFields(initial, {
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
    const initial = draftOf(card);
    expect(initial.formedFromFr.split('\n')).toHaveLength(2);
    const patch = changedFields(initial, {
      ...initial,
      formedFromFr: `${initial.formedFromFr}\nNouveau groupe`,
      formedFromEn: `${initial.formedFromEn}\n`,
    });
    expect(patch.formedFrom).toEqual([...card.formedFrom, { fr: 'Nouveau groupe', en: '' }]);
  });

  it('keeps a concurrent edit of the other language by a peer', () => {
    const doc = fromJSON(templateRoadmap());
    const initial = draftOf(toJSON(doc).cards.find((c) => c.id === card.id)!);
    // A peer changes the French title while this user edits the English one.
    updateCard(doc, { id: card.id, title: { fr: 'Identité numérique (révisé)' } }, 'peer');
    const patch = changedFields(initial, { ...initial, titleEn: 'Digital ID' });
    updateCard(doc, { id: card.id, ...patch }, 'me');
    expect(toJSON(doc).cards.find((c) => c.id === card.id)?.title).toEqual({
      fr: 'Identité numérique (révisé)',
      en: 'Digital ID',
    });
  });
});
