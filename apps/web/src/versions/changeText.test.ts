import {
  addPeriod,
  archiveCard,
  createItem,
  createTemplateDoc,
  moveCard,
  recolourDomain,
  recordCheckin,
  removeItem,
  renameDomain,
  setPeriodDates,
  setPhaseDates,
  toJSON,
  updateCard,
  updateItem,
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

  it('tells items added, removed, renamed, moved and re-spanned, in both languages', () => {
    const { changes } = editTemplate((doc) => {
      updateItem(doc, { id: 'item-service-design-handbook', endPeriodId: 'period-2' }, 'test');
      updateItem(
        doc,
        { id: 'item-open-data', domainId: 'domain-digital-skills', label: { en: 'Open data 2' } },
        'test',
      );
      removeItem(doc, { id: 'item-pilot-c' }, 'test');
      createItem(
        doc,
        {
          label: { fr: 'Nouvelle activité', en: 'New activity' },
          role: 'Pr',
          kind: 'new',
          domainId: 'domain-digital-governance',
          startPeriodId: 'period-2',
          endPeriodId: 'period-3',
        },
        'test',
      );
    });
    const en = changes.map((change) => changeText(change, 'en'));
    const fr = changes.map((change) => changeText(change, 'fr'));
    expect(en).toContain(
      'Item “Service design handbook” now spans Period 1 – Period 2 (was Period 1 – Period 3)',
    );
    expect(fr).toContain(
      'L’activité « Manuel de conception des services » couvre maintenant Période 1 – Période 2 (auparavant Période 1 – Période 3)',
    );
    expect(en).toContain('Item “Open data” renamed “Open data 2”');
    expect(en).toContain('Item “Open data 2” moved from Digital enablement to Digital skills');
    expect(en).toContain(
      'Roadmap item removed: “Pilot C: to be determined” (Strategic partnerships, Period 3)',
    );
    expect(en).toContain(
      'Roadmap item added: “New activity” (Digital governance, Period 2 – Period 3)',
    );
    expect(fr).toContain(
      'Activité de la feuille de route ajoutée : « Nouvelle activité » (Gouvernance numérique, Période 2 – Période 3)',
    );
  });
});

describe('change text: the board structure', () => {
  it('tells structure changes in sentences, in both languages', () => {
    const { changes } = editTemplate((doc) => {
      renameDomain(
        doc,
        { id: 'domain-digital-skills', label: { en: 'Digital talent', fr: 'Talents numériques' } },
        'test',
      );
      setPhaseDates(doc, { id: 'phase-2', start: '2018-04-01', end: '2019-03-31' }, 'test');
      addPeriod(
        doc,
        {
          id: 'period-4',
          phaseId: 'phase-2',
          label: { fr: 'Période 4', en: 'Period 4' },
          start: '2018-04-01',
          end: '2018-09-30',
        },
        'test',
      );
      setPeriodDates(doc, { id: 'period-3', start: '2017-10-01', end: '2018-01-31' }, 'test');
      recolourDomain(doc, { id: 'domain-digital-governance', colour: '#283593' }, 'test');
    });
    const en = changes.map((change) => changeText(change, 'en'));
    const fr = changes.map((change) => changeText(change, 'fr'));
    expect(en).toContain('Domain “Digital skills” renamed “Digital talent”');
    expect(fr).toContain('Domaine « Compétences numériques » renommé « Talents numériques »');
    expect(en).toContain('Period 4 added to Phase 2');
    expect(fr).toContain('Période 4 ajoutée à la Phase 2');
    expect(en).toContain('Phase 2 re-dated: Apr 1, 2018 – … becomes Apr 1, 2018 – Mar 31, 2019');
    expect(en).toContain(
      'Period 3 re-dated: Oct 1, 2017 – Mar 31, 2018 becomes Oct 1, 2017 – Jan 31, 2018',
    );
    expect(en).toContain('Domain “Digital governance” recoloured');
    expect(fr).toContain('Couleur du domaine « Gouvernance numérique » changée');
  });
});
