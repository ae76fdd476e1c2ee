import {
  archiveCard,
  type Change,
  createTemplateDoc,
  diff,
  moveCard,
  recordCheckin,
  toJSON,
  updateCard,
} from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { cardOfChange, changeText } from './changeText.ts';

const cell = {
  domainId: 'd1',
  phaseId: 'p1',
  domain: { fr: 'Habilitation du numérique', en: 'Digital enablement' },
  phase: { fr: 'Phase 1', en: 'Phase 1' },
};
const label = { fr: 'Libellé', en: 'Label' };
const title = { fr: 'Sécurité', en: 'Security' };

/** One change of every kind: the switch must cover them all. */
const ALL: Change[] = [
  { kind: 'board-renamed', from: label, to: title },
  { kind: 'board-settings-changed', fields: ['staleAfterDays'] },
  { kind: 'domain-added', domainId: 'd', label },
  { kind: 'domain-removed', domainId: 'd', label },
  { kind: 'domain-renamed', domainId: 'd', from: label, to: title },
  { kind: 'domain-reordered', domainId: 'd', label },
  { kind: 'domain-recoloured', domainId: 'd', label, from: '#000000', to: '#ffffff' },
  { kind: 'phase-added', phaseId: 'p', label },
  { kind: 'phase-removed', phaseId: 'p', label },
  { kind: 'phase-renamed', phaseId: 'p', from: label, to: title },
  {
    kind: 'phase-dates-changed',
    phaseId: 'p',
    label,
    from: { start: '2016-10-01', end: '2018-03-31' },
    to: { start: '2016-10-01', end: null },
  },
  { kind: 'period-added', periodId: 'x', phaseId: 'p', label },
  { kind: 'period-removed', periodId: 'x', phaseId: 'p', label },
  { kind: 'period-renamed', periodId: 'x', from: label, to: title },
  { kind: 'card-added', cardId: 'c', title, to: cell },
  { kind: 'card-removed', cardId: 'c', title, from: cell },
  { kind: 'card-renamed', cardId: 'c', from: label, to: title },
  { kind: 'card-moved', cardId: 'c', title, from: cell, to: { ...cell, phaseId: 'p2' } },
  { kind: 'card-reordered', cardId: 'c', title, cell },
  { kind: 'card-archived', cardId: 'c', title },
  { kind: 'card-restored', cardId: 'c', title },
  { kind: 'card-fields-changed', cardId: 'c', title, fields: ['mandate', 'members'] },
  { kind: 'card-status-changed', cardId: 'c', title, from: null, to: 'blocked' },
  { kind: 'card-checked-in', cardId: 'c', title, checkinIds: ['a', 'b'] },
  { kind: 'item-added', itemId: 'i', label },
  { kind: 'item-removed', itemId: 'i', label },
  { kind: 'item-changed', itemId: 'i', label, fields: ['startPeriodId'] },
  { kind: 'annotations-changed', added: 1, removed: 2, changed: 3, schemaChanged: false },
];

describe('change text', () => {
  it('writes every kind of change in both languages, every marker filled', () => {
    for (const change of ALL) {
      for (const lang of ['fr', 'en'] as const) {
        const text = changeText(change, lang);
        expect(text, `${change.kind} ${lang}`).not.toMatch(/\{\w+\}/);
        expect(text.length).toBeGreaterThan(5);
      }
    }
    expect(ALL.filter((c) => cardOfChange(c) === 'c')).toHaveLength(10);
  });

  it('names both cells of a move, both titles of a rename, both statuses', () => {
    const doc = createTemplateDoc();
    const before = toJSON(doc);
    const card = before.cards[0]!;
    const target = before.domains.find((d) => d.id !== card.domainId)!;
    moveCard(doc, { id: card.id, domainId: target.id, phaseId: card.phaseId }, 'test');
    updateCard(doc, { id: card.id, title: { en: 'Governance model (new)' } }, 'test');
    recordCheckin(doc, { cardId: card.id, status: 'at-risk', author: 'A' }, 'test');
    archiveCard(doc, { id: before.cards[1]!.id }, 'test');
    const texts = diff(before, toJSON(doc)).map((change) => changeText(change, 'en'));
    const from = before.domains.find((d) => d.id === card.domainId)!.label.en;
    expect(texts).toContain(
      `“Governance model (new)” moved from ${from} · Phase 1 to ${target.label.en} · Phase 1`,
    );
    expect(texts).toContain(`“${card.title.en}” renamed “Governance model (new)”`);
    expect(texts).toContain('“Governance model (new)”: status no check-in → At risk');
    expect(texts).toContain('“Governance model (new)”: 1 new check-in');
    expect(texts).toContain(`“${before.cards[1]!.title.en}” archived`);
    const fr = diff(before, toJSON(doc)).map((change) => changeText(change, 'fr'));
    expect(fr.some((text) => text.includes('déplacée de') && text.includes(target.label.fr))).toBe(
      true,
    );
  });
});
