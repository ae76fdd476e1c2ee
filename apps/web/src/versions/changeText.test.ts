import {
  archiveCard,
  createTemplateDoc,
  moveCard,
  recordCheckin,
  toJSON,
  updateCard,
} from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { editTemplate } from '../test/editTemplate.ts';
import { cardOfChange, changeText } from './changeText.ts';

describe('change text', () => {
  it('finds the card a change is about, for showing it on the canvas', () => {
    const title = { fr: 'Sécurité', en: 'Security' };
    expect(cardOfChange({ kind: 'card-archived', cardId: 'c', title })).toBe('c');
    expect(cardOfChange({ kind: 'domain-added', domainId: 'd', label: title })).toBeNull();
    expect(cardOfChange({ kind: 'board-settings-changed', fields: [] })).toBeNull();
  });

  it('names both cells of a move, both titles of a rename, both statuses', () => {
    const template = toJSON(createTemplateDoc());
    const card = template.cards[0]!;
    const target = template.domains.find((d) => d.id !== card.domainId)!;
    const { before, changes } = editTemplate((doc) => {
      moveCard(doc, { id: card.id, domainId: target.id, phaseId: card.phaseId }, 'test');
      updateCard(doc, { id: card.id, title: { en: 'Governance model (new)' } }, 'test');
      recordCheckin(doc, { cardId: card.id, status: 'at-risk', author: 'A' }, 'test');
      archiveCard(doc, { id: template.cards[1]!.id }, 'test');
    });
    const texts = changes.map((change) => changeText(change, 'en'));
    const from = before.domains.find((d) => d.id === card.domainId)!.label.en;
    expect(texts).toContain(
      `“Governance model (new)” moved from ${from} · Phase 1 to ${target.label.en} · Phase 1`,
    );
    expect(texts).toContain(`“${card.title.en}” renamed “Governance model (new)”`);
    expect(texts).toContain('“Governance model (new)”: status no check-in → At risk');
    expect(texts).toContain('“Governance model (new)”: 1 new check-in');
    expect(texts).toContain(`“${before.cards[1]!.title.en}” archived`);
    const fr = changes.map((change) => changeText(change, 'fr'));
    expect(fr.some((text) => text.includes('déplacée de') && text.includes(target.label.fr))).toBe(
      true,
    );
  });
});
