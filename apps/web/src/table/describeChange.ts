import type { CardDiffField, Change, ItemDiffField } from '@fdr/model';
import { changeSentence } from '../i18n/changeSentence.ts';
import { type TableStrings, tableStrings } from '../i18n/tableStrings.ts';

const FIELD: Record<CardDiffField | ItemDiffField, keyof TableStrings> = {
  role: 'colRole',
  kind: 'colKind',
  cardIds: 'colCards',
  state: 'colState',
  periodIds: 'colPeriods',
  mandate: 'colMandate',
  deliverables: 'colDeliverables',
  leadJurisdiction: 'colLead',
  members: 'colMembers',
  formedFrom: 'colFormedFrom',
};

/**
 * One change of the model's `diff` as a short sentence in the UI language (live region, meeting
 * pack): a moved card's new cell only; card and item fields by their column names.
 */
export function describeChange(change: Change, lang: 'fr' | 'en'): string {
  const t = tableStrings[lang];
  // Only a card's and an item's fields are listed in these sentences; any other keeps its name.
  return changeSentence(change, lang, t, (field) =>
    field in FIELD ? t[FIELD[field as keyof typeof FIELD]].toLowerCase() : field,
  );
}

/**
 * The changes worth telling about: a check-in also changes the status, so the status change says
 * it all; annotations change at drawing speed and are not part of the roadmap.
 */
export function notableChanges(changes: readonly Change[]): Change[] {
  const statusChanged = new Set(
    changes.flatMap((c) => (c.kind === 'card-status-changed' ? [c.cardId] : [])),
  );
  return changes.filter(
    (c) =>
      c.kind !== 'annotations-changed' &&
      !(c.kind === 'card-checked-in' && statusChanged.has(c.cardId)),
  );
}
