import {
  type CardDiffField,
  type CellRef,
  CHECKIN_STATUS_LABELS,
  type Change,
  type CheckinStatus,
  type ItemDiffField,
  type Localized,
  localize,
} from '@fdr/model';
import { format, formatDate } from '../i18n/format.ts';
import { versionStrings } from '../i18n/versionStrings.ts';

type VersionStringKey = keyof (typeof versionStrings)['fr'];

const FIELD: Record<
  CardDiffField | ItemDiffField | 'staleAfterDays' | 'defaultLocale',
  VersionStringKey
> = {
  role: 'fieldRole',
  state: 'fieldState',
  periodIds: 'fieldPeriodIds',
  mandate: 'fieldMandate',
  deliverables: 'fieldDeliverables',
  leadJurisdiction: 'fieldLeadJurisdiction',
  members: 'fieldMembers',
  formedFrom: 'fieldFormedFrom',
  label: 'fieldLabel',
  kind: 'fieldKind',
  domainId: 'fieldDomainId',
  startPeriodId: 'fieldStartPeriodId',
  endPeriodId: 'fieldEndPeriodId',
  staleAfterDays: 'fieldStaleAfterDays',
  defaultLocale: 'fieldDefaultLocale',
};

/** The card a change is about, if any (to show it on the canvas). */
export function cardOfChange(change: Change): string | null {
  return 'cardId' in change ? change.cardId : null;
}

/** A cell as people name it: "Digital enablement · Phase 1". */
export function cellText(cell: CellRef, lang: 'fr' | 'en'): string {
  return format(versionStrings[lang].cell, {
    domain: localize(cell.domain, lang),
    phase: localize(cell.phase, lang),
  });
}

/**
 * One change of the model's semantic diff as a sentence in the UI language: moves name both
 * cells, renames both titles, status changes both statuses.
 */
export function changeText(change: Change, lang: 'fr' | 'en'): string {
  const t = versionStrings[lang];
  const l = (text: Localized) => localize(text, lang);
  const status = (value: CheckinStatus | null) =>
    value === null ? t.noStatus : CHECKIN_STATUS_LABELS[value][lang];
  const fields = (list: readonly string[]) =>
    list
      .map((field) => (field in FIELD ? t[FIELD[field as keyof typeof FIELD]] : field))
      .join(', ');
  const span = (value: { start: string; end: string | null }) =>
    `${formatDate(value.start, lang)} – ${value.end ? formatDate(value.end, lang) : '…'}`;
  switch (change.kind) {
    case 'board-renamed':
      return format(t.changeBoardRenamed, { from: l(change.from), to: l(change.to) });
    case 'board-settings-changed':
      return format(t.changeBoardSettings, { fields: fields(change.fields) });
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
      return format(t.changePhaseDates, {
        label: l(change.label),
        from: span(change.from),
        to: span(change.to),
      });
    case 'period-added':
      return format(t.changePeriodAdded, { label: l(change.label) });
    case 'period-removed':
      return format(t.changePeriodRemoved, { label: l(change.label) });
    case 'period-renamed':
      return format(t.changePeriodRenamed, { from: l(change.from), to: l(change.to) });
    case 'card-added':
      return format(t.changeCardAdded, { title: l(change.title), cell: cellText(change.to, lang) });
    case 'card-removed':
      return format(t.changeCardRemoved, {
        title: l(change.title),
        cell: cellText(change.from, lang),
      });
    case 'card-renamed':
      return format(t.changeCardRenamed, { from: l(change.from), to: l(change.to) });
    case 'card-moved':
      return format(t.changeCardMoved, {
        title: l(change.title),
        from: cellText(change.from, lang),
        to: cellText(change.to, lang),
      });
    case 'card-reordered':
      return format(t.changeCardReordered, {
        title: l(change.title),
        cell: cellText(change.cell, lang),
      });
    case 'card-archived':
      return format(t.changeCardArchived, { title: l(change.title) });
    case 'card-restored':
      return format(t.changeCardRestored, { title: l(change.title) });
    case 'card-fields-changed':
      return format(t.changeCardFields, { title: l(change.title), fields: fields(change.fields) });
    case 'card-status-changed':
      return format(t.changeCardStatus, {
        title: l(change.title),
        from: status(change.from),
        to: status(change.to),
      });
    case 'card-checked-in':
      return change.checkinIds.length === 1
        ? format(t.changeCardCheckinOne, { title: l(change.title) })
        : format(t.changeCardCheckinMany, {
            title: l(change.title),
            count: change.checkinIds.length,
          });
    case 'item-added':
      return format(t.changeItemAdded, { label: l(change.label) });
    case 'item-removed':
      return format(t.changeItemRemoved, { label: l(change.label) });
    case 'item-changed':
      return format(t.changeItemChanged, { label: l(change.label), fields: fields(change.fields) });
    case 'annotations-changed':
      return format(t.changeAnnotations, {
        added: change.added,
        changed: change.changed,
        removed: change.removed,
      });
  }
}
