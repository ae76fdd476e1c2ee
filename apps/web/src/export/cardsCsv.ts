import {
  CARD_STATE_LABELS,
  CHECKIN_STATUS_LABELS,
  isStale,
  type Localized,
  ROLE_LABELS,
  type Roadmap,
  type RoadmapCard,
} from '@fdr/model';
import { toCsv } from './csv.ts';

/*
 * The cards of a board as CSV, French and English side by side: every text has a French and an
 * English column, every header names the column in both languages ("Titre (français) / Title
 * (French)"), and enumerations (role, state, status) are written as their labels in each
 * language. The same columns come back through the import (`planCsvImport`); the status columns
 * are computed from check-ins and only exported.
 */

/** A column of an export: its key, its header in both languages, its value for a record. */
export interface CsvColumn<R = RoadmapCard> {
  key: string;
  label: Localized;
  /** Written by the export, ignored by the import (derived from check-ins). */
  exportOnly?: boolean;
  value: (record: R, roadmap: Roadmap, now: Date) => string;
}

const lines = (values: readonly string[]) => values.join('\n');

function cellOf(roadmap: Roadmap, card: RoadmapCard) {
  const domain = roadmap.domains.find((d) => d.id === card.domainId);
  const phase = roadmap.phases.find((p) => p.id === card.phaseId);
  const periods = (phase?.periods ?? []).filter((p) => card.periodIds.includes(p.id));
  return { domain, phase, periods };
}

/** A French and an English column of a text (or of a derived label): `title_fr`, `title_en`. */
export const pair = <R = RoadmapCard>(
  key: string,
  fr: string,
  en: string,
  pick: (record: R, roadmap: Roadmap, now: Date) => Localized | null,
  exportOnly = false,
): CsvColumn<R>[] =>
  (['fr', 'en'] as const).map((lang) => ({
    key: `${key}_${lang}`,
    label:
      lang === 'fr'
        ? { fr: `${fr} (français)`, en: `${en} (French)` }
        : { fr: `${fr} (anglais)`, en: `${en} (English)` },
    ...(exportOnly ? { exportOnly } : {}),
    value: (record: R, roadmap: Roadmap, now: Date) => pick(record, roadmap, now)?.[lang] ?? '',
  }));

const text = pair<RoadmapCard>;

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { key: 'id', label: { fr: 'Identifiant', en: 'Id' }, value: (card) => card.id },
  ...text('title', 'Titre', 'Title', (card) => card.title),
  ...pair(
    'domain',
    'Domaine d’intérêt',
    'Domain of interest',
    (card, roadmap) => cellOf(roadmap, card).domain?.label ?? null,
  ),
  ...pair('phase', 'Phase', 'Phase', (card, roadmap) => cellOf(roadmap, card).phase?.label ?? null),
  ...pair('periods', 'Périodes', 'Periods', (card, roadmap) => {
    const { periods } = cellOf(roadmap, card);
    return {
      fr: periods.map((p) => p.label.fr).join('; '),
      en: periods.map((p) => p.label.en).join('; '),
    };
  }),
  { key: 'role', label: { fr: 'Rôle (code)', en: 'Role (code)' }, value: (card) => card.role },
  ...pair('role', 'Rôle', 'Role', (card) => ROLE_LABELS[card.role]),
  ...pair('state', 'État', 'State', (card) => CARD_STATE_LABELS[card.state]),
  {
    key: 'lead',
    label: { fr: 'Administration responsable', en: 'Lead jurisdiction' },
    value: (card) => card.leadJurisdiction ?? '',
  },
  {
    key: 'members',
    label: { fr: 'Membres (un par ligne)', en: 'Members (one per line)' },
    value: (card) => lines(card.members),
  },
  ...text('formed_from', 'Issue de', 'Formed from', (card) => ({
    fr: lines(card.formedFrom.map((g) => g.fr)),
    en: lines(card.formedFrom.map((g) => g.en)),
  })),
  ...text('mandate', 'Mandat', 'Mandate', (card) => card.mandate),
  ...text('deliverables', 'Livrables', 'Deliverables', (card) => card.deliverables),
  ...pair(
    'status',
    'Dernier bilan',
    'Latest status',
    (card) => (card.latestStatus ? CHECKIN_STATUS_LABELS[card.latestStatus.status] : null),
    true,
  ),
  {
    key: 'progress',
    label: { fr: 'Avancement (%)', en: 'Progress (%)' },
    exportOnly: true,
    value: (card) => (card.latestStatus?.progress ?? '').toString(),
  },
  {
    key: 'checkin_date',
    label: { fr: 'Date du dernier bilan', en: 'Latest check-in date' },
    exportOnly: true,
    value: (card) => card.latestStatus?.at.slice(0, 10) ?? '',
  },
  ...pair(
    'next_milestone',
    'Prochain jalon',
    'Next milestone',
    (card) => card.latestStatus?.nextMilestone?.label ?? null,
    true,
  ),
  ...pair(
    'overdue',
    'En retard',
    'Overdue',
    (card, roadmap, now) =>
      isStale(card, roadmap.board.settings.staleAfterDays, now)
        ? { fr: 'Oui', en: 'Yes' }
        : { fr: 'Non', en: 'No' },
    true,
  ),
];

/** What a header cell says: both languages, so either reader knows the column. */
export function headerOf(column: CsvColumn<never>): string {
  return `${column.label.fr} / ${column.label.en}`;
}

/** The visible cards, in board order, one row each. */
export function cardsToCsv(roadmap: Roadmap, now: Date): string {
  const rows = roadmap.cards
    .filter((card) => !card.archived)
    .map((card) => CSV_COLUMNS.map((column) => column.value(card, roadmap, now)));
  return toCsv([CSV_COLUMNS.map(headerOf), ...rows]);
}
