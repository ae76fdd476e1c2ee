import { keysBetween } from '../fractionalIndex.ts';
import {
  ROADMAP_FORMAT,
  ROADMAP_JSON_VERSION,
  type Roadmap,
  type RoadmapCard,
} from '../roadmap.ts';

const [k1, k2, k3] = keysBetween(null, null, 3) as [string, string, string];

function card(id: string, domainId: string, phaseId: string, order: string): RoadmapCard {
  return {
    id,
    title: { fr: `Carte ${id}`, en: `Card ${id}` },
    role: 'In',
    state: 'new',
    domainId,
    phaseId,
    periodIds: [],
    order,
    mandate: { fr: '', en: '' },
    deliverables: { fr: '', en: '' },
    leadJurisdiction: null,
    members: [],
    formedFrom: [],
    archived: false,
    checkins: [],
    latestStatus: null,
  };
}

/** Three lanes, two phases, four cards: small enough to make concurrent edits collide often. */
export function smallRoadmap(): Roadmap {
  return {
    format: ROADMAP_FORMAT,
    version: ROADMAP_JSON_VERSION,
    board: {
      id: 'small',
      title: { fr: 'Petit tableau', en: 'Small board' },
      settings: { staleAfterDays: 60, defaultLocale: 'fr' },
    },
    domains: [
      { id: 'd1', label: { fr: 'Domaine 1', en: 'Domain 1' }, colour: '#1f4e79', order: k1 },
      { id: 'd2', label: { fr: 'Domaine 2', en: 'Domain 2' }, colour: '#6a3d9a', order: k2 },
      { id: 'd3', label: { fr: 'Domaine 3', en: 'Domain 3' }, colour: '#00695c', order: k3 },
    ],
    phases: [
      {
        id: 'p1',
        label: { fr: 'Phase 1', en: 'Phase 1' },
        start: '2016-10-01',
        end: '2018-03-31',
        periods: [
          {
            id: 'q1',
            label: { fr: 'Période 1', en: 'Period 1' },
            start: '2016-10-01',
            end: '2017-03-31',
          },
          {
            id: 'q2',
            label: { fr: 'Période 2', en: 'Period 2' },
            start: '2017-04-01',
            end: '2018-03-31',
          },
        ],
      },
      {
        id: 'p2',
        label: { fr: 'Phase 2', en: 'Phase 2' },
        start: '2018-04-01',
        end: null,
        periods: [],
      },
    ],
    cards: [
      card('c1', 'd1', 'p1', k1),
      card('c2', 'd1', 'p1', k2),
      card('c3', 'd2', 'p1', k1),
      card('c4', 'd2', 'p2', k1),
    ],
    items: [
      {
        id: 'i1',
        label: { fr: 'Activité 1', en: 'Activity 1' },
        role: 'Pr',
        kind: 'new',
        domainId: 'd1',
        startPeriodId: 'q1',
        endPeriodId: 'q2',
        order: k1,
        cardIds: ['c1'],
      },
    ],
    annotations: { schema: null, records: {} },
  };
}
