import type { RecordKind } from '@fdr/model';

/** The notice a page shows when some records of a board could not be read as stored. */
export const problemStrings = {
  fr: {
    one: '1 enregistrement n’a pas pu être lu',
    many: '{count} enregistrements n’ont pas pu être lus',
    hint: 'Le reste du tableau est affiché. Détail :',
    record: '{kind} « {id} » : {reason} ({outcome})',
    repaired: 'affiché avec une valeur par défaut',
    dropped: 'non affiché',
    board: 'Tableau',
    domain: 'Domaine d’intérêt',
    phase: 'Phase',
    period: 'Période',
    card: 'Équipe spéciale',
    checkin: 'Bilan',
    item: 'Activité de la feuille de route',
    annotation: 'Annotation',
  },
  en: {
    one: '1 record could not be read',
    many: '{count} records could not be read',
    hint: 'The rest of the board is shown. Detail:',
    record: '{kind} “{id}”: {reason} ({outcome})',
    repaired: 'shown with a default value',
    dropped: 'not shown',
    board: 'Board',
    domain: 'Domain of interest',
    phase: 'Phase',
    period: 'Period',
    card: 'Task team',
    checkin: 'Check-in',
    item: 'Roadmap item',
    annotation: 'Annotation',
  },
} as const satisfies Record<'fr' | 'en', Record<RecordKind | string, string>>;
