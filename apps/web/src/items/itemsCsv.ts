import {
  ITEM_KIND_LABELS,
  type ItemRecord,
  type Localized,
  localize,
  ROLE_LABELS,
  type Roadmap,
} from '@fdr/model';
import { type CsvColumn, headerOf, pair } from '../export/cardsCsv.ts';
import { toCsv } from '../export/csv.ts';
import { NO_FILTERS } from '../table/tableRows.ts';
import { boardPeriods, itemRows } from './itemRows.ts';

/*
 * The roadmap items of a board as CSV, as the cards' export does it: French and English columns
 * side by side, headers in both languages, enumerations as labels in each language. A period is
 * written with its phase ("Phase 1 — Période 1"), since period labels repeat from phase to
 * phase; the delivering task teams by id (what the import reads) and, for reading, by title.
 */

/** A period as the export writes it, in one language. */
export function periodName(roadmap: Roadmap, periodId: string, lang: 'fr' | 'en'): string {
  const entry = boardPeriods(roadmap).find((p) => p.period.id === periodId);
  return entry
    ? `${localize(entry.phase.label, lang)} — ${localize(entry.period.label, lang)}`
    : '';
}

const periodPair = (periodId: string, roadmap: Roadmap): Localized => ({
  fr: periodName(roadmap, periodId, 'fr'),
  en: periodName(roadmap, periodId, 'en'),
});

export const ITEM_CSV_COLUMNS: readonly CsvColumn<ItemRecord>[] = [
  { key: 'id', label: { fr: 'Identifiant', en: 'Id' }, value: (item) => item.id },
  ...pair<ItemRecord>('label', 'Libellé', 'Label', (item) => item.label),
  ...pair<ItemRecord>(
    'domain',
    'Domaine d’intérêt',
    'Domain of interest',
    (item, roadmap) => roadmap.domains.find((d) => d.id === item.domainId)?.label ?? null,
  ),
  ...pair<ItemRecord>('first_period', 'Première période', 'First period', (item, roadmap) =>
    periodPair(item.startPeriodId, roadmap),
  ),
  ...pair<ItemRecord>('last_period', 'Dernière période', 'Last period', (item, roadmap) =>
    periodPair(item.endPeriodId, roadmap),
  ),
  { key: 'role', label: { fr: 'Rôle (code)', en: 'Role (code)' }, value: (item) => item.role },
  ...pair<ItemRecord>('role', 'Rôle', 'Role', (item) => ROLE_LABELS[item.role]),
  ...pair<ItemRecord>('kind', 'Nature', 'Kind', (item) => ITEM_KIND_LABELS[item.kind]),
  {
    key: 'cards',
    label: {
      fr: 'Équipes qui la réalisent (identifiants)',
      en: 'Delivering task teams (ids)',
    },
    value: (item) => item.cardIds.join('\n'),
  },
  ...pair<ItemRecord>(
    'card_titles',
    'Équipes qui la réalisent',
    'Delivering task teams',
    (item, roadmap) => {
      const cards = item.cardIds.flatMap((id) => roadmap.cards.find((c) => c.id === id) ?? []);
      return {
        fr: cards.map((c) => c.title.fr || c.title.en).join('\n'),
        en: cards.map((c) => c.title.en || c.title.fr).join('\n'),
      };
    },
    true,
  ),
];

/** Every item, in board order (lane, first period, last period), one row each. */
export function itemsToCsv(roadmap: Roadmap, now: Date): string {
  const rows = itemRows(roadmap, NO_FILTERS, 'en').map(({ item }) =>
    ITEM_CSV_COLUMNS.map((column) => column.value(item, roadmap, now)),
  );
  return toCsv([ITEM_CSV_COLUMNS.map(headerOf), ...rows]);
}
