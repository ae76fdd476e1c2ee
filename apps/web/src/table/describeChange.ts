import {
  type CardDiffField,
  CHECKIN_STATUS_LABELS,
  type Change,
  type CheckinStatus,
  type Localized,
  localize,
} from '@fdr/model';
import { format } from '../i18n/format.ts';
import { type TableStrings, tableStrings } from '../i18n/tableStrings.ts';

const FIELD: Record<CardDiffField, keyof TableStrings> = {
  role: 'colRole',
  state: 'colState',
  periodIds: 'colPeriods',
  mandate: 'colMandate',
  deliverables: 'colDeliverables',
  leadJurisdiction: 'colLead',
  members: 'colMembers',
  formedFrom: 'colFormedFrom',
};

/** One change of the model's `diff` as a sentence in the UI language (live region, meeting pack). */
export function describeChange(change: Change, lang: 'fr' | 'en'): string {
  const t = tableStrings[lang];
  const l = (text: Localized) => localize(text, lang);
  const status = (value: CheckinStatus | null) =>
    value === null ? t.noStatus : CHECKIN_STATUS_LABELS[value][lang];
  switch (change.kind) {
    case 'board-renamed':
      return format(t.changeBoardRenamed, { from: l(change.from), to: l(change.to) });
    case 'board-settings-changed':
      return t.changeBoardSettings;
    case 'domain-added':
      return format(t.changeDomainAdded, { label: l(change.label) });
    case 'domain-removed':
      return format(t.changeDomainRemoved, { label: l(change.label) });
    case 'domain-renamed':
      return format(t.changeDomainRenamed, { from: l(change.from), to: l(change.to) });
    case 'domain-reordered':
      return format(t.changeDomainReordered, { label: l(change.label) });
    case 'domain-recoloured':
      return format(t.changeDomainRecoloured, { label: l(change.label) });
    case 'phase-added':
      return format(t.changePhaseAdded, { label: l(change.label) });
    case 'phase-removed':
      return format(t.changePhaseRemoved, { label: l(change.label) });
    case 'phase-renamed':
      return format(t.changePhaseRenamed, { from: l(change.from), to: l(change.to) });
    case 'phase-dates-changed':
      return format(t.changePhaseDates, { label: l(change.label) });
    case 'period-added':
      return format(t.changePeriodAdded, { label: l(change.label) });
    case 'period-removed':
      return format(t.changePeriodRemoved, { label: l(change.label) });
    case 'period-renamed':
      return format(t.changePeriodRenamed, { from: l(change.from), to: l(change.to) });
    case 'card-added':
      return format(t.changeCardAdded, {
        title: l(change.title),
        domain: l(change.to.domain),
        phase: l(change.to.phase),
      });
    case 'card-removed':
      return format(t.changeCardRemoved, { title: l(change.title) });
    case 'card-renamed':
      return format(t.changeCardRenamed, { from: l(change.from), to: l(change.to) });
    case 'card-moved':
      return format(t.changeCardMoved, {
        title: l(change.title),
        domain: l(change.to.domain),
        phase: l(change.to.phase),
      });
    case 'card-reordered':
      return format(t.changeCardReordered, { title: l(change.title) });
    case 'card-archived':
      return format(t.changeCardArchived, { title: l(change.title) });
    case 'card-restored':
      return format(t.changeCardRestored, { title: l(change.title) });
    case 'card-fields-changed':
      return format(t.changeCardFields, {
        title: l(change.title),
        fields: change.fields.map((field) => t[FIELD[field]].toLowerCase()).join(', '),
      });
    case 'card-status-changed':
      return format(t.changeCardStatus, {
        title: l(change.title),
        from: status(change.from),
        to: status(change.to),
      });
    case 'card-checked-in':
      return format(t.changeCardCheckedIn, { title: l(change.title) });
    case 'item-added':
      return format(t.changeItemAdded, { label: l(change.label) });
    case 'item-removed':
      return format(t.changeItemRemoved, { label: l(change.label) });
    case 'item-changed':
      return format(t.changeItemChanged, { label: l(change.label) });
    case 'annotations-changed':
      return t.changeAnnotations;
  }
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
