import { createTemplateDoc, moveCard, toJSON } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { moveCardInput } from './moveTarget.ts';

describe('moveCardInput', () => {
  it('puts the card at the top of the cell, or after its cards', () => {
    const target = { domainId: 'domain-digital-skills', phaseId: 'phase-2' };
    expect(moveCardInput('c', { ...target, place: 'first' })).toEqual({
      id: 'c',
      ...target,
      position: { index: 0 },
    });
    expect(moveCardInput('c', { ...target, place: 'last' })).toEqual({
      id: 'c',
      ...target,
      position: {},
    });
  });

  it('gives the model a move it carries out', () => {
    const doc = createTemplateDoc();
    const cell = (id: string) => {
      const card = toJSON(doc).cards.find((c) => c.id === id)!;
      return [card.domainId, card.phaseId];
    };
    const inCell = (domainId: string, phaseId: string) =>
      toJSON(doc)
        .cards.filter((c) => c.domainId === domainId && c.phaseId === phaseId && !c.archived)
        .map((c) => c.id);
    const [domainId, phaseId] = cell('card-open-data') as [string, string];
    moveCard(doc, moveCardInput('card-security', { domainId, phaseId, place: 'first' }), 'x');
    expect(inCell(domainId, phaseId)[0]).toBe('card-security');
    moveCard(doc, moveCardInput('card-privacy', { domainId, phaseId, place: 'last' }), 'x');
    expect(inCell(domainId, phaseId).at(-1)).toBe('card-privacy');
  });
});
