import { keysBetween } from '../fractionalIndex.ts';
import type { CardState } from '../records/card.ts';
import type { DomainRecord } from '../records/domain.ts';
import type { ItemKind, ItemRecord } from '../records/item.ts';
import type { Localized } from '../records/localized.ts';
import type { PhaseRecord } from '../records/phase.ts';
import type { Role } from '../records/role.ts';
import {
  ROADMAP_FORMAT,
  ROADMAP_JSON_VERSION,
  type Roadmap,
  type RoadmapCard,
} from '../roadmap.ts';

/*
 * "Joint Councils roadmap — August 2016 working draft", from the source deck summarized in
 * DOMAIN.md. Domain and phase of each task team, and the period of each roadmap item, are a
 * best reading of slides whose layout was lost in text extraction; users correct them on the
 * board. Ids are fixed so that boards created from the template can be compared and so canvas
 * shape ids derived from them are stable.
 */

const text = (fr: string, en: string): Localized => ({ fr, en });

type DomainSpec = readonly [slug: string, fr: string, en: string, colour: string];

// Ten hues that keep white lane-header text at WCAG AA contrast (checked by the tests).
const DOMAINS: readonly DomainSpec[] = [
  ['digital-governance', 'Gouvernance numérique', 'Digital governance', '#1f4e79'],
  [
    'policy-legislation',
    'Modernisation des politiques et des lois',
    'Policy and legislation modernization',
    '#6a3d9a',
  ],
  [
    'jurisdictional-alignment',
    'Harmonisation juridictionnelle',
    'Jurisdictional alignment',
    '#00695c',
  ],
  ['digital-enablement', 'Habilitation du numérique', 'Digital enablement', '#b3261e'],
  ['client-experience', 'Expérience des clients', 'Client experience', '#a14a00'],
  ['client-engagement', 'Mobilisation des clients', 'Client engagement', '#2e7d32'],
  ['digital-skills', 'Compétences numériques', 'Digital skills', '#ad1457'],
  ['program-structure', 'Structure des programmes', 'Program structure', '#6b6100'],
  ['strategic-partnerships', 'Partenariats stratégiques', 'Strategic partnerships', '#455a64'],
  [
    'measurement-reporting',
    'Mesures et production de rapports',
    'Measurement and reporting',
    '#0277bd',
  ],
];

const domainId = (position: number): string => `domain-${DOMAINS[position - 1]?.[0]}`;

const PHASES: readonly PhaseRecord[] = [
  {
    id: 'phase-1',
    label: text('Phase 1', 'Phase 1'),
    start: '2016-10-01',
    end: '2018-03-31',
    periods: [
      {
        id: 'period-1',
        label: text('Période 1', 'Period 1'),
        start: '2016-10-01',
        end: '2017-03-31',
      },
      {
        id: 'period-2',
        label: text('Période 2', 'Period 2'),
        start: '2017-04-01',
        end: '2017-09-30',
      },
      {
        id: 'period-3',
        label: text('Période 3', 'Period 3'),
        start: '2017-10-01',
        end: '2018-03-31',
      },
    ],
  },
  { id: 'phase-2', label: text('Phase 2', 'Phase 2'), start: '2018-04-01', end: null, periods: [] },
];

// Current-state bodies the future task teams grow out of.
const GROUPS = {
  councilsFramework: text(
    'Groupe de travail sur le cadre des conseils mixtes',
    'Joint Councils Framework Working Group',
  ),
  ictPolicy: text('Groupe de travail sur la politique sur la TIC', 'ICT Policy Working Group'),
  serviceNetwork: text(
    'Groupe de travail sur la collaboration du réseau de service',
    'Service Network Collaboration Working Group',
  ),
  cloud: text("Groupe de travail sur l'infonuagique", 'Cloud Computing Working Group'),
  identity: text("Sous-comité sur la gestion de l'identité", 'Identity Management Subcommittee'),
  infoProtection: text(
    'Sous-comité national des DPI sur la protection des renseignements',
    'National CIO Subcommittee on Information Protection',
  ),
  digitalExchange: text(
    'Initiative Carrefour numérique canadien',
    'Canadian Digital Exchange initiative',
  ),
  openData: text(
    "Groupe de travail sur les données et l'information ouvertes",
    'Open Data and Information Working Group',
  ),
  privacy: text(
    'Sous-comité sur la protection des renseignements personnels',
    'Privacy Subcommittee',
  ),
  serviceModelling: text(
    'Sous-comité sur la modélisation des services',
    'Service Modelling Subcommittee',
  ),
  channelShift: text(
    'Groupe de travail sur le changement des canaux',
    'Channel Shift Working Group',
  ),
  deathNotification: text(
    'Groupe de travail sur les avis de décès',
    'Death Notification Working Group',
  ),
  businessServices: text(
    'Communauté de pratique des services aux entreprises',
    'Business Services Community of Practice',
  ),
  itProcurement: text(
    "Groupe de travail sur les acquisitions en technologies de l'information",
    'IT Procurement Working Group',
  ),
  research: text('Comité de recherche', 'Research Committee'),
} as const;

type CardSpec = {
  readonly slug: string;
  readonly fr: string;
  readonly en: string;
  readonly role: Role;
  readonly domain: number;
  readonly phase: 1 | 2;
  readonly formedFrom?: readonly Localized[];
  /** Defaults to 'new' without formedFrom, 'existing-modified' with it. */
  readonly state?: CardState;
  /** Deliverables named for the team on the future-state slide, where there are any. */
  readonly deliverables?: Localized;
};

const CARDS: readonly CardSpec[] = [
  {
    slug: 'governance-model',
    fr: 'Équipe spéciale chargée du modèle de gouvernance',
    en: 'Governance model',
    role: 'Pr',
    domain: 1,
    phase: 1,
    deliverables: text(
      'Proposition pour le modèle de gouvernance numérique pancanadien; mandat de la structure de gouvernance numérique pancanadienne.',
      'Proposal for the pan-Canadian digital governance model; terms of reference for the pan-Canadian digital governance structure.',
    ),
  },
  {
    slug: 'digital-government-program',
    fr: 'Équipe spéciale chargée du programme de gouvernement numérique',
    en: 'Digital government program',
    role: 'Pr',
    domain: 1,
    phase: 1,
    deliverables: text(
      'Proposition concernant le gouvernement numérique pancanadien; stratégie et analyse de rentabilisation relatives au gouvernement numérique.',
      'Pan-Canadian digital government proposal; digital government strategy and business case.',
    ),
  },
  {
    slug: 'council-alignment',
    fr: "Équipe spéciale chargée de l'harmonisation entre les membres du Conseil",
    en: 'Council alignment',
    role: 'In',
    domain: 1,
    phase: 1,
    formedFrom: [GROUPS.councilsFramework],
  },
  {
    slug: 'policy-legislation-transformation',
    fr: 'Équipe spéciale chargée de la transformation des politiques et des lois',
    en: 'Policy and legislation transformation',
    role: 'Int',
    domain: 2,
    phase: 1,
    formedFrom: [GROUPS.ictPolicy],
    deliverables: text(
      'Cadre et feuille de route pour la transformation des politiques et des lois.',
      'Framework and roadmap for policy and legislation transformation.',
    ),
  },
  {
    slug: 'assets-activities',
    fr: 'Équipe spéciale chargée des actifs et des activités',
    en: 'Assets and activities',
    role: 'In',
    domain: 3,
    phase: 1,
    formedFrom: [GROUPS.serviceNetwork],
    deliverables: text(
      'Inventaire des actifs et des activités pour le gouvernement numérique.',
      'Inventory of digital government assets and activities.',
    ),
  },
  {
    slug: 'digital-government-blueprint',
    fr: 'Équipe spéciale chargée du plan directeur du gouvernement numérique',
    en: 'Digital government blueprint',
    role: 'Int',
    domain: 3,
    phase: 1,
    deliverables: text(
      'Recherche et ébauche du plan directeur du gouvernement numérique; architecture du gouvernement numérique.',
      'Research and draft of the digital government blueprint; digital government architecture.',
    ),
  },
  {
    slug: 'cloud-architecture',
    fr: "Équipe spéciale chargée de l'architecture en nuage",
    en: 'Cloud architecture',
    role: 'In',
    domain: 4,
    phase: 1,
    formedFrom: [GROUPS.cloud],
    deliverables: text(
      "Modèles d'architecture en nuage pour l'harmonisation pancanadienne.",
      'Cloud architecture models for pan-Canadian alignment.',
    ),
  },
  {
    slug: 'digital-identity',
    fr: "Équipe spéciale chargée de l'identification numérique",
    en: 'Digital identity',
    role: 'Int',
    domain: 4,
    phase: 1,
    formedFrom: [GROUPS.identity, GROUPS.infoProtection],
    deliverables: text(
      "Cadre et feuille de route de l'identification numérique pancanadienne.",
      'Pan-Canadian digital identity framework and roadmap.',
    ),
  },
  {
    slug: 'canadian-data-exchange',
    fr: "Équipe spéciale chargée de l'échange de données canadiennes",
    en: 'Canadian data exchange',
    role: 'In',
    domain: 4,
    phase: 1,
    formedFrom: [GROUPS.digitalExchange],
    state: 'external-identity',
  },
  {
    slug: 'open-data',
    fr: 'Équipe spéciale chargée des données ouvertes',
    en: 'Open data',
    role: 'CE',
    domain: 4,
    phase: 1,
    formedFrom: [GROUPS.openData],
    deliverables: text('Services consultatifs.', 'Advisory services.'),
  },
  {
    slug: 'security',
    fr: 'Équipe spéciale chargée de la sécurité',
    en: 'Security',
    role: 'CE',
    domain: 4,
    phase: 1,
  },
  {
    slug: 'privacy',
    fr: 'Équipe spéciale chargée de la protection des renseignements personnels',
    en: 'Privacy',
    role: 'CE',
    domain: 4,
    phase: 2,
    formedFrom: [GROUPS.privacy],
  },
  {
    slug: 'crm-case-management',
    fr: 'Gestion des relations avec le client et des cas',
    en: 'CRM and case management',
    role: 'In',
    domain: 4,
    phase: 1,
  },
  {
    slug: 'service-design',
    fr: 'Équipe spéciale chargée de la conception des services',
    en: 'Service design',
    role: 'In',
    domain: 5,
    phase: 1,
    formedFrom: [GROUPS.serviceModelling, GROUPS.channelShift],
    deliverables: text('Manuel de conception des services.', 'Service design handbook.'),
  },
  {
    slug: 'death-notification',
    fr: 'Équipe spéciale chargée des avis de décès (PROTOTYPE)',
    en: 'Death notification (prototype)',
    role: 'In',
    domain: 5,
    phase: 1,
    formedFrom: [GROUPS.deathNotification],
    deliverables: text('Projet pilote relatif aux avis de décès.', 'Death notification pilot.'),
  },
  {
    slug: 'service-standards',
    fr: 'Équipe spéciale chargée des normes de service',
    en: 'Service standards',
    role: 'Int',
    domain: 5,
    phase: 1,
  },
  {
    slug: 'business-services',
    fr: 'Équipe spéciale chargée des services aux entreprises',
    en: 'Business services',
    role: 'Int',
    domain: 5,
    phase: 1,
    formedFrom: [GROUPS.businessServices],
    state: 'external-identity',
    deliverables: text(
      "Relier les activités des équipes spéciales aux initiatives prioritaires par les carrefours d'innovation numérique des services aux entreprises dans l'ensemble du Canada.",
      "Link the task teams' activities to priority initiatives through business-services digital innovation hubs across Canada.",
    ),
  },
  {
    slug: 'engagement',
    fr: 'Équipe des tâches chargée de la mobilisation',
    en: 'Engagement',
    role: 'Pr',
    domain: 6,
    phase: 1,
  },
  {
    slug: 'stakeholder-mapping',
    fr: 'Équipe spéciale chargée de la cartographie des intervenants',
    en: 'Stakeholder mapping',
    role: 'Int',
    domain: 6,
    phase: 1,
  },
  {
    slug: 'digital-skills',
    fr: 'Équipe chargée des compétences numériques',
    en: 'Digital skills',
    role: 'Int',
    domain: 7,
    phase: 1,
  },
  {
    slug: 'recruitment-strategies',
    fr: 'Équipe spéciale chargée des stratégies de recrutement',
    en: 'Recruitment strategies',
    role: 'Int',
    domain: 7,
    phase: 1,
  },
  {
    slug: 'innovation-lab-model',
    fr: "Équipe spéciale chargée du modèle de laboratoire d'innovation",
    en: 'Innovation lab model',
    role: 'In',
    domain: 7,
    phase: 1,
    deliverables: text(
      "Modèle de laboratoire d'innovation du gouvernement numérique.",
      'Digital government innovation lab model.',
    ),
  },
  {
    slug: 'alternative-service-delivery',
    fr: 'Équipe spéciale chargée de la diversification des modes de prestation de services',
    en: 'Alternative service delivery',
    role: 'Int',
    domain: 8,
    phase: 1,
  },
  {
    slug: 'procurement',
    fr: "Équipe spéciale chargée de l'approvisionnement",
    en: 'Procurement',
    role: 'Int',
    domain: 8,
    phase: 2,
    formedFrom: [GROUPS.itProcurement],
  },
  {
    slug: 'p3-framework',
    fr: 'Équipe spéciale chargée du cadre PPP',
    en: 'P3 framework',
    role: 'Int',
    domain: 9,
    phase: 1,
    deliverables: text(
      'Cadre de partenariat public-privé.',
      'Public-private partnership framework.',
    ),
  },
  {
    slug: 'digital-pilot-selection',
    fr: 'Équipe spéciale chargée de la détermination des projets pilotes liés au numérique',
    en: 'Digital pilot selection',
    role: 'Int',
    domain: 9,
    phase: 1,
    deliverables: text(
      "Critères d'établissement de l'ordre de priorité des projets pilotes du gouvernement numérique (programme et candidats).",
      'Prioritization criteria for digital government pilots (program and candidates).',
    ),
  },
  // The slide shows one "prototype project X" box standing for three teams; the roadmap names
  // their pilots A, B and C.
  ...(['A', 'B', 'C'] as const).map(
    (letter): CardSpec => ({
      slug: `prototype-project-${letter.toLowerCase()}`,
      fr: `Équipe spéciale chargée du projet prototype ${letter}`,
      en: `Prototype project ${letter}`,
      role: 'In',
      domain: 9,
      phase: 2,
    }),
  ),
  {
    slug: 'measurement-framework',
    fr: 'Équipe spéciale chargée du cadre de mesure',
    en: 'Measurement framework',
    role: 'Int',
    domain: 10,
    phase: 1,
    deliverables: text(
      "Cadre de mesure de l'optimisation des ressources découlant du gouvernement numérique pancanadien.",
      'Value-for-money measurement framework for pan-Canadian digital government.',
    ),
  },
  {
    slug: 'baseline-assessment',
    fr: "Équipe spéciale chargée de l'évaluation de la base de référence",
    en: 'Baseline assessment',
    role: 'Int',
    domain: 10,
    phase: 1,
  },
  {
    slug: 'reviews-reporting',
    fr: 'Équipe spéciale chargée des examens et des rapports',
    en: 'Reviews and reporting',
    role: 'Pr',
    domain: 10,
    phase: 1,
  },
  {
    slug: 'research',
    fr: 'Équipe spéciale chargée de la recherche',
    en: 'Research',
    role: 'CE',
    domain: 10,
    phase: 1,
    formedFrom: [GROUPS.research],
    deliverables: text(
      'Recherches sur les méthodes, les outils et les sujets de recherche ciblés.',
      'Research on methodologies, tools and target research topics.',
    ),
  },
];

type ItemSpec = readonly [
  slug: string,
  domain: number,
  role: Role,
  fr: string,
  en: string,
  start: 1 | 2 | 3,
  end: 1 | 2 | 3,
  kind?: ItemKind,
];

// "(Br)" items of the slide are stored with the intermediary role 'Int'. Items carried by a body
// that already existed in 2016 are marked ongoing, the others new.
const ITEMS: readonly ItemSpec[] = [
  [
    'pan-canadian-proposal',
    8,
    'Pr',
    'Proposition concernant le gouvernement numérique pancanadien',
    'Pan-Canadian digital government proposal',
    1,
    1,
  ],
  [
    'socialize-proposal',
    8,
    'Pr',
    'Socialiser la proposition concernant le gouvernement numérique',
    'Socialize the digital government proposal',
    2,
    2,
  ],
  [
    'strategy-business-case',
    8,
    'Int',
    "Élaborer la stratégie et l'analyse de rentabilisation relatives au gouvernement numérique",
    'Develop the digital government strategy and business case',
    2,
    3,
  ],
  [
    'support-resources',
    8,
    'Int',
    'Obtenir des ressources de soutien',
    'Secure support resources',
    3,
    3,
  ],
  [
    'governance-model-proposal',
    1,
    'Pr',
    'Proposition pour le modèle de gouvernance numérique pancanadien',
    'Proposal for the pan-Canadian digital governance model',
    1,
    1,
  ],
  [
    'governance-terms-of-reference',
    1,
    'Int',
    'Élaborer le mandat de la structure de gouvernance numérique pancanadienne',
    'Draft terms of reference for the governance structure',
    2,
    2,
  ],
  [
    'new-council',
    1,
    'Int',
    'Membres, mandat et gouvernance du nouveau Conseil',
    'Members, mandate and governance of the new Council',
    3,
    3,
  ],
  [
    'institute-governance',
    1,
    'Int',
    'Instituer la gouvernance numérique pancanadienne',
    'Institute pan-Canadian digital governance',
    3,
    3,
  ],
  [
    'assets-inventory',
    3,
    'In',
    'Inventaire des actifs et des activités pour le gouvernement numérique',
    'Inventory of digital government assets and activities',
    1,
    2,
  ],
  [
    'blueprint-research',
    3,
    'Int',
    "Faire des recherches sur le plan directeur du gouvernement numérique et en faire l'ébauche — le gouvernement en tant que plateforme",
    'Research and draft the digital government blueprint — government as a platform',
    2,
    3,
  ],
  [
    'initiative-alignment',
    3,
    'Int',
    'Harmonisation des initiatives',
    'Alignment of initiatives',
    3,
    3,
  ],
  [
    'value-for-money-framework',
    10,
    'Int',
    "Cadre de mesure de l'optimisation des ressources découlant du gouvernement numérique pancanadien",
    'Value-for-money measurement framework',
    1,
    2,
  ],
  [
    'socialize-framework',
    10,
    'Pr',
    "Socialiser le cadre de mesure de l'optimisation des ressources",
    'Socialize the framework',
    3,
    3,
  ],
  [
    'research-methodologies',
    10,
    'CE',
    'Recherche sur les méthodes, les outils et les sujets de recherche ciblés',
    'Research methodologies, tools and target research topics',
    1,
    1,
  ],
  [
    'foundation-principles',
    4,
    'Int',
    "Fondement du gouvernement numérique — principes d'harmonisation",
    'Digital government foundation — alignment principles',
    1,
    1,
  ],
  ['cloud-architecture', 4, 'In', 'Architecture en nuage', 'Cloud architecture', 1, 3, 'ongoing'],
  [
    'canadian-digital-exchange',
    4,
    'In',
    'Initiative Carrefour numérique canadien',
    'Canadian Digital Exchange initiative',
    1,
    3,
    'ongoing',
  ],
  [
    'digital-identity-framework',
    4,
    'Int',
    "Cadre et feuille de route de l'identification numérique pancanadienne (gestion de l'identité, cadre de confiance et sécurité)",
    'Pan-Canadian digital identity framework and roadmap (identity management, trust framework, security)',
    2,
    3,
  ],
  ['open-data', 4, 'CE', 'Données ouvertes', 'Open data', 1, 3, 'ongoing'],
  [
    'digital-government-architecture',
    4,
    'In',
    'Architecture du gouvernement numérique',
    'Digital government architecture',
    3,
    3,
  ],
  [
    'policy-transformation-framework',
    2,
    'Int',
    'Cadre et feuille de route pour la transformation des politiques et des lois relatives au numérique',
    'Framework and roadmap for digital policy and legislation transformation',
    2,
    3,
  ],
  [
    'p3-framework',
    9,
    'Int',
    'Cadre de partenariat public-privé',
    'Public-private partnership framework',
    2,
    2,
  ],
  [
    'pilot-prioritization',
    9,
    'Int',
    "Critères d'établissement de l'ordre de priorité des projets pilotes numériques",
    'Prioritization criteria for digital pilots',
    1,
    1,
  ],
  [
    'pilot-a',
    9,
    'In',
    'Projet pilote A : identité numérique (architecture de référence en situation réelle)',
    'Pilot A: digital identity (real-world reference architecture)',
    2,
    3,
  ],
  ['pilot-b', 9, 'In', 'Projet pilote B : à déterminer', 'Pilot B: to be determined', 3, 3],
  ['pilot-c', 9, 'In', 'Projet pilote C : à déterminer', 'Pilot C: to be determined', 3, 3],
  [
    'service-design-handbook',
    5,
    'In',
    'Manuel de conception des services',
    'Service design handbook',
    1,
    3,
    'ongoing',
  ],
  [
    'death-notification-pilot',
    5,
    'In',
    'Projet pilote relatif aux avis de décès',
    'Death notification pilot',
    1,
    3,
    'ongoing',
  ],
  [
    'innovation-lab-model',
    7,
    'In',
    "Modèle de laboratoire d'innovation du gouvernement numérique",
    'Digital government innovation lab model',
    2,
    3,
  ],
];

/** Returns a fresh copy of the 2016 template as a roadmap document. */
export function templateRoadmap(): Roadmap {
  const domainKeys = keysBetween(null, null, DOMAINS.length);
  const domains: DomainRecord[] = DOMAINS.map(([slug, fr, en, colour], index) => ({
    id: `domain-${slug}`,
    label: text(fr, en),
    colour,
    order: domainKeys[index] ?? 'V',
  }));

  const cells = new Map<string, CardSpec[]>();
  for (const spec of CARDS) {
    const cell = `${spec.domain}/${spec.phase}`;
    cells.set(cell, [...(cells.get(cell) ?? []), spec]);
  }
  const cards: RoadmapCard[] = [];
  for (const domain of DOMAINS.keys()) {
    for (const phase of [1, 2]) {
      const specs = cells.get(`${domain + 1}/${phase}`) ?? [];
      const keys = keysBetween(null, null, specs.length);
      specs.forEach((spec, index) => {
        cards.push({
          id: `card-${spec.slug}`,
          title: text(spec.fr, spec.en),
          role: spec.role,
          state: spec.state ?? (spec.formedFrom === undefined ? 'new' : 'existing-modified'),
          domainId: domainId(spec.domain),
          phaseId: `phase-${spec.phase}`,
          periodIds: [],
          order: keys[index] ?? 'V',
          mandate: text('', ''),
          deliverables: spec.deliverables ?? text('', ''),
          leadJurisdiction: null,
          members: [],
          formedFrom: spec.formedFrom ?? [],
          archived: false,
          checkins: [],
          latestStatus: null,
        });
      });
    }
  }

  const items: ItemRecord[] = [];
  for (const domain of DOMAINS.keys()) {
    const specs = ITEMS.filter((spec) => spec[1] === domain + 1);
    const keys = keysBetween(null, null, specs.length);
    specs.forEach(([slug, , role, fr, en, start, end, kind], index) => {
      items.push({
        id: `item-${slug}`,
        label: text(fr, en),
        role,
        kind: kind ?? 'new',
        domainId: domainId(domain + 1),
        startPeriodId: `period-${start}`,
        endPeriodId: `period-${end}`,
        order: keys[index] ?? 'V',
        // The 2016 draft lists items and task teams separately and never says which team
        // delivers which item; linking them is the council's call, not the template's.
        cardIds: [],
      });
    });
  }

  return {
    format: ROADMAP_FORMAT,
    version: ROADMAP_JSON_VERSION,
    board: {
      id: 'joint-councils-2016',
      title: text(
        "Feuille de route des Conseils mixtes — ébauche de travail d'août 2016",
        'Joint Councils roadmap — August 2016 working draft',
      ),
      settings: { staleAfterDays: 60, defaultLocale: 'fr' },
    },
    domains,
    phases: PHASES.map((phase) => ({ ...phase, periods: phase.periods.map((p) => ({ ...p })) })),
    cards,
    items,
    annotations: { schema: null, records: {} },
  };
}
