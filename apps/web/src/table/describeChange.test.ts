import {
  archiveCard,
  CARD_DIFF_FIELDS,
  moveCard,
  recordCheckin,
  updateCard,
  updateItem,
} from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { editTemplate } from '../test/editTemplate.ts';
import { describeChange, notableChanges } from './describeChange.ts';

describe('describeChange', () => {
  it('tells what changed on a card in the UI language', () => {
    const { changes: all } = editTemplate((doc) => {
      moveCard(
        doc,
        { id: 'card-security', domainId: 'domain-digital-skills', phaseId: 'phase-2' },
        'x',
      );
      updateCard(doc, { id: 'card-open-data', role: 'Pr', leadJurisdiction: 'Ontario' }, 'x');
      recordCheckin(doc, { cardId: 'card-privacy', status: 'blocked', author: 'A' }, 'x');
      archiveCard(doc, { id: 'card-research' }, 'x');
    });
    const changes = notableChanges(all);
    const en = changes.map((c) => describeChange(c, 'en'));
    const fr = changes.map((c) => describeChange(c, 'fr'));
    expect(en).toContain('“Security” moved to Digital skills, Phase 2.');
    expect(fr).toContain(
      '« Équipe spéciale chargée de la sécurité » déplacée vers Compétences numériques, Phase 2.',
    );
    expect(en).toContain('“Open data” edited: role, lead jurisdiction.');
    expect(en).toContain('“Privacy”: check-in none → Blocked.');
    expect(fr).toContain(
      '« Équipe spéciale chargée de la protection des renseignements personnels » : bilan aucun → Bloqué.',
    );
    expect(en).toContain('Card archived: “Research”.');
    // The check-in itself is folded into the status change.
    expect(changes.some((c) => c.kind === 'card-checked-in')).toBe(false);
  });

  it('tells a re-spanned and an edited item briefly', () => {
    const { changes } = editTemplate((doc) => {
      updateItem(
        doc,
        { id: 'item-service-design-handbook', startPeriodId: 'period-2', kind: 'new' },
        'x',
      );
    });
    expect(changes.map((c) => describeChange(c, 'en'))).toEqual([
      'Item “Service design handbook” now spans Period 2 – Period 3.',
      'Item “Service design handbook” edited: kind.',
    ]);
    expect(describeChange(changes[0]!, 'fr')).toBe(
      'L’activité « Manuel de conception des services » couvre maintenant Période 2 – Période 3.',
    );
  });

  it('names every card field the diff reports', () => {
    for (const lang of ['fr', 'en'] as const) {
      const text = describeChange(
        {
          kind: 'card-fields-changed',
          cardId: 'c',
          title: { fr: 'T', en: 'T' },
          fields: CARD_DIFF_FIELDS,
        },
        lang,
      );
      expect(text).not.toMatch(/undefined|\{/);
    }
  });
});
