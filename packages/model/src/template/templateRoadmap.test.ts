import { describe, expect, it } from 'vitest';
import { toJSON } from '../doc/toJSON.ts';
import { validateRoadmap } from '../roadmap.ts';
import { createTemplateDoc } from './createTemplateDoc.ts';
import { templateRoadmap } from './templateRoadmap.ts';

// Expected values hard-coded from the domain description of the 2016 draft (the test must not
// read files outside the repo): 31 table rows, one of which ("Prototype project X (three of
// them)") is 3 cards.
const template = templateRoadmap();

function relativeLuminance(hex: string): number {
  const channel = (offset: number): number => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

describe('templateRoadmap', () => {
  it('is a valid roadmap document', () => {
    expect(validateRoadmap(template)).toEqual(template);
  });

  it('has the ten domains of interest in order, in both languages', () => {
    expect(template.domains.map((d) => d.label.fr)).toEqual([
      'Gouvernance numérique',
      'Modernisation des politiques et des lois',
      'Harmonisation juridictionnelle',
      'Habilitation du numérique',
      'Expérience des clients',
      'Mobilisation des clients',
      'Compétences numériques',
      'Structure des programmes',
      'Partenariats stratégiques',
      'Mesures et production de rapports',
    ]);
    expect(template.domains[0]?.label.en).toBe('Digital governance');
    expect(template.domains[9]?.label.en).toBe('Measurement and reporting');
    const orders = template.domains.map((d) => d.order);
    expect([...orders].sort()).toEqual(orders);
  });

  it('gives each domain a distinct colour readable under white text (WCAG AA)', () => {
    const colours = template.domains.map((d) => d.colour);
    expect(new Set(colours).size).toBe(10);
    for (const colour of colours) {
      const contrast = 1.05 / (relativeLuminance(colour) + 0.05);
      expect(contrast, colour).toBeGreaterThanOrEqual(4.5);
    }
    const rgb = (hex: string) => [1, 3, 5].map((o) => Number.parseInt(hex.slice(o, o + 2), 16));
    for (const [i, a] of colours.entries()) {
      for (const b of colours.slice(i + 1)) {
        const distance = Math.hypot(...rgb(a).map((c, k) => c - (rgb(b)[k] ?? 0)));
        expect(distance, `${a} vs ${b}`).toBeGreaterThan(40);
      }
    }
  });

  it('has Phase 1 with its three periods and an open-ended Phase 2', () => {
    const [phase1, phase2] = template.phases;
    expect(template.phases).toHaveLength(2);
    expect(phase1?.start).toBe('2016-10-01');
    expect(phase1?.end).toBe('2018-03-31');
    expect(phase1?.periods.map((p) => [p.label.fr, p.label.en, p.start, p.end])).toEqual([
      ['Période 1', 'Period 1', '2016-10-01', '2017-03-31'],
      ['Période 2', 'Period 2', '2017-04-01', '2017-09-30'],
      ['Période 3', 'Period 3', '2017-10-01', '2018-03-31'],
    ]);
    expect(phase2?.start).toBe('2018-04-01');
    expect(phase2?.end).toBeNull();
  });

  it('has every task team of the future state, three of them prototype projects', () => {
    expect(template.cards).toHaveLength(33);
    expect(new Set(template.cards.map((c) => c.id)).size).toBe(33);
    const titles = template.cards.map((c) => c.title.fr);
    for (const expected of [
      'Équipe spéciale chargée du modèle de gouvernance',
      "Équipe spéciale chargée de l'identification numérique",
      'Gestion des relations avec le client et des cas',
      'Équipe des tâches chargée de la mobilisation',
      'Équipe chargée des compétences numériques',
      'Équipe spéciale chargée de la recherche',
    ]) {
      expect(titles).toContain(expected);
    }
    expect(template.cards.filter((c) => c.title.en.startsWith('Prototype project'))).toHaveLength(
      3,
    );
    const byId = new Map(template.cards.map((c) => [c.id, c]));
    expect(byId.get('card-governance-model')).toMatchObject({
      role: 'Pr',
      domainId: 'domain-digital-governance',
      phaseId: 'phase-1',
      state: 'new',
    });
    expect(byId.get('card-privacy')).toMatchObject({
      role: 'CE',
      domainId: 'domain-digital-enablement',
      phaseId: 'phase-2',
      state: 'existing-modified',
    });
    expect(byId.get('card-digital-identity')?.formedFrom.map((g) => g.fr)).toEqual([
      "Sous-comité sur la gestion de l'identité",
      'Sous-comité national des DPI sur la protection des renseignements',
    ]);
    expect(byId.get('card-procurement')).toMatchObject({ phaseId: 'phase-2', role: 'Int' });
  });

  it('counts task teams per domain and per role as in the table', () => {
    const perDomain = template.domains.map(
      (d) => template.cards.filter((c) => c.domainId === d.id).length,
    );
    expect(perDomain).toEqual([3, 1, 2, 7, 4, 2, 3, 2, 5, 4]);
    const perRole = { CE: 0, Pr: 0, Int: 0, In: 0 };
    for (const card of template.cards) perRole[card.role]++;
    expect(perRole).toEqual({ CE: 4, Pr: 4, Int: 14, In: 11 });
  });

  it('has the roadmap items by period', () => {
    expect(template.items).toHaveLength(29);
    const pilotA = template.items.find((i) => i.id === 'item-pilot-a');
    expect(pilotA).toMatchObject({
      role: 'In',
      domainId: 'domain-strategic-partnerships',
      startPeriodId: 'period-2',
      endPeriodId: 'period-3',
    });
    expect(pilotA?.label.fr).toMatch(/^Projet pilote A : identité numérique/);
    const cloud = template.items.find((i) => i.id === 'item-cloud-architecture');
    expect(cloud).toMatchObject({
      kind: 'ongoing',
      startPeriodId: 'period-1',
      endPeriodId: 'period-3',
    });
    const perDomain = template.domains.map(
      (d) => template.items.filter((i) => i.domainId === d.id).length,
    );
    expect(perDomain).toEqual([4, 1, 3, 6, 2, 0, 1, 4, 5, 3]);
  });

  it('labels everything in both languages', () => {
    const labels = [
      template.board.title,
      ...template.domains.map((d) => d.label),
      ...template.phases.flatMap((p) => [p.label, ...p.periods.map((q) => q.label)]),
      ...template.cards.flatMap((c) => [c.title, ...c.formedFrom]),
      ...template.items.map((i) => i.label),
    ];
    for (const label of labels) {
      expect(label.fr.trim(), JSON.stringify(label)).not.toBe('');
      expect(label.en.trim(), JSON.stringify(label)).not.toBe('');
    }
    // Deliverables are optional, but when given they are given in both languages.
    for (const card of template.cards) {
      expect(card.deliverables.fr === '', card.id).toBe(card.deliverables.en === '');
    }
  });

  it('builds a Y.Doc that reads back as the same roadmap', () => {
    expect(toJSON(createTemplateDoc())).toEqual(template);
  });

  it('returns independent copies', () => {
    const a = templateRoadmap();
    const period = a.phases[0]?.periods[0] as { label: unknown };
    period.label = { fr: 'x', en: 'x' };
    expect(templateRoadmap().phases[0]?.periods[0]?.label.fr).toBe('Période 1');
  });
});
