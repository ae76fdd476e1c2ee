import {
  CARD_STATES,
  CHECKIN_STATUSES,
  type CheckinRecord,
  keysBetween,
  latestStatus,
  ROLES,
  type Roadmap,
  type RoadmapCard,
  templateRoadmap,
  validateRoadmap,
} from '@fdr/model';

/** Subjects of the generated task teams, in both languages. */
const TOPICS: readonly (readonly [fr: string, en: string])[] = [
  ['identité numérique', 'digital identity'],
  ['données ouvertes', 'open data'],
  ['infonuagique', 'cloud computing'],
  ['cybersécurité', 'cyber security'],
  ['services en ligne', 'online services'],
  ['accessibilité', 'accessibility'],
  ['interopérabilité', 'interoperability'],
  ['gestion des dossiers', 'records management'],
  ['approvisionnement agile', 'agile procurement'],
  ['protection de la vie privée', 'privacy protection'],
  ['compétences des équipes', 'team skills'],
  ['mesure du rendement', 'performance measurement'],
  ['expérience des usagers', 'user experience'],
  ['paiements numériques', 'digital payments'],
  ['registres partagés', 'shared registries'],
  ['services aux entreprises', 'business services'],
  ['communautés rurales', 'rural communities'],
  ['langues officielles', 'official languages'],
];

const JURISDICTIONS = [
  'Ontario',
  'Québec',
  'Colombie-Britannique',
  'Nouvelle-Écosse',
  'Manitoba',
  'Ville de Montréal',
  'Canada',
  'Alberta',
];

const PEOPLE = ['Amélie Roy', 'Ben Clarke', 'Chloé Tremblay', 'Dev Patel', 'Élise Gagnon'];

/**
 * Cards per row of a phase's cells, as the canvas lays them out (one per period, at least two):
 * generated cards are spread in proportion so that the lanes stay about the same height.
 */
function slotsPerRow(phase: Roadmap['phases'][number]): number {
  return Math.max(2, phase.periods.length);
}

/**
 * The 2016 template grown to `total` cards: its own task teams plus generated ones, bilingual,
 * with roles, states, periods, members and some check-ins, spread over every domain × phase cell
 * (a little unevenly, as real boards are). What a crowded board looks like, not a synthetic grid
 * of empty boxes: the card shape renders every field it has.
 */
export function crowdedRoadmap(total: number): Roadmap {
  const template = templateRoadmap();
  if (total < template.cards.length) {
    throw new Error(`a crowded board has at least the template's ${template.cards.length} cards`);
  }
  const extra = total - template.cards.length;
  const cells = template.domains.flatMap((domain, lane) =>
    template.phases.map((phase) => ({
      domainId: domain.id,
      phase,
      // Every third lane is busier: crowded boards are crowded in places.
      weight: slotsPerRow(phase) * (lane % 3 === 0 ? 1.5 : 1),
    })),
  );
  const totalWeight = cells.reduce((sum, cell) => sum + cell.weight, 0);
  // Largest remainder, so the counts add up to exactly `extra`.
  const exact = cells.map((cell) => (extra * cell.weight) / totalWeight);
  const counts = exact.map(Math.floor);
  const order = exact.map((value, index) => [value - Math.floor(value), index] as const);
  order.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = extra - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; i < missing; i++) counts[order[i]![1]]!++;

  const cards: RoadmapCard[] = [];
  let serial = 0;
  cells.forEach((cell, cellIndex) => {
    const existing = template.cards.filter(
      (card) => card.domainId === cell.domainId && card.phaseId === cell.phase.id,
    );
    cards.push(...existing);
    // After the template's own cards of the cell.
    const last = existing.map((card) => card.order).sort((a, b) => (a < b ? -1 : 1));
    const keys = keysBetween(last.at(-1) ?? null, null, counts[cellIndex]!);
    for (const order of keys) cards.push(generatedCard(serial++, cell.domainId, cell.phase, order));
  });
  // Through the model's own validator: the server would refuse anything else.
  return validateRoadmap({
    ...template,
    board: {
      ...template.board,
      title: { fr: `Tableau chargé (${total} cartes)`, en: `Crowded board (${total} cards)` },
    },
    cards,
  });
}

function generatedCard(
  n: number,
  domainId: string,
  phase: Roadmap['phases'][number],
  order: string,
): RoadmapCard {
  const [fr, en] = TOPICS[n % TOPICS.length]!;
  const id = `card-bench-${n}`;
  const periods = phase.periods.map((p) => p.id);
  // Some cards span the whole phase (no period), others one or two of its periods.
  const periodIds = n % 3 === 0 || periods.length === 0 ? [] : periods.slice(n % periods.length);
  // Two cards in three have check-ins; some are old enough to be stale.
  const checkins: CheckinRecord[] =
    n % 3 === 2
      ? []
      : [0, 1].slice(0, 1 + (n % 2)).map((k) => ({
          id: `checkin-bench-${n}-${k}`,
          cardId: id,
          status: CHECKIN_STATUSES[(n + k) % CHECKIN_STATUSES.length]!,
          progress: (n * 7 + k * 20) % 101,
          summary: { fr: `Avancement ${k + 1} : ${fr}`, en: `Progress ${k + 1}: ${en}` },
          nextMilestone: null,
          asks: { fr: '', en: '' },
          risks: { fr: '', en: '' },
          author: PEOPLE[n % PEOPLE.length]!,
          at: new Date(Date.UTC(2025, n % 12, 1 + k * 14, 15)).toISOString(),
        }));
  return {
    id,
    title: {
      fr: `Équipe spéciale ${n + 1} : ${fr}`,
      en: `Task team ${n + 1}: ${en}`,
    },
    role: ROLES[n % ROLES.length]!,
    state: CARD_STATES[n % CARD_STATES.length]!,
    domainId,
    phaseId: phase.id,
    periodIds,
    order,
    mandate: {
      fr: `Proposer une approche commune en matière de ${fr}.`,
      en: `Propose a common approach to ${en}.`,
    },
    deliverables: { fr: 'Rapport et recommandations', en: 'Report and recommendations' },
    leadJurisdiction: JURISDICTIONS[n % JURISDICTIONS.length]!,
    members: PEOPLE.slice(0, 2 + (n % 4)),
    formedFrom: [],
    archived: false,
    createdAt: '2016-10-01T00:00:00Z',
    checkins,
    latestStatus: latestStatus(checkins),
  };
}
