import {
  type CellRef,
  CHECKIN_STATUS_LABELS,
  type Change,
  type CheckinStatus,
  type ItemPlace,
  type Localized,
  localize,
} from '@fdr/model';
import { format, formatDate } from './format.ts';
import type { Lang } from './strings.ts';

type TemplateKey =
  | 'changeBoardRenamed'
  | 'changeBoardSettings'
  | 'changeDomainAdded'
  | 'changeDomainRemoved'
  | 'changeDomainRenamed'
  | 'changeDomainReordered'
  | 'changeDomainRecoloured'
  | 'changePhaseAdded'
  | 'changePhaseRemoved'
  | 'changePhaseRenamed'
  | 'changePhaseDates'
  | 'changePeriodAdded'
  | 'changePeriodRemoved'
  | 'changePeriodRenamed'
  | 'changePeriodDates'
  | 'changeCardAdded'
  | 'changeCardRemoved'
  | 'changeCardRenamed'
  | 'changeCardMoved'
  | 'changeCardReordered'
  | 'changeCardArchived'
  | 'changeCardRestored'
  | 'changeCardFields'
  | 'changeCardStatus'
  | 'changeCardCheckedIn'
  | 'changeItemAdded'
  | 'changeItemRemoved'
  | 'changeItemRenamed'
  | 'changeItemMoved'
  | 'changeItemRespanned'
  | 'changeItemChanged'
  | 'changeAnnotations';

/**
 * The words one view tells changes in: a template per kind of change (the same keys in the
 * table's strings and the versions'), `cell` for naming a cell from `{domain}` and `{phase}`, and
 * the word for no status. The views word the same changes differently on purpose: the live region
 * and the meeting pack say briefly where a card went; a comparison of versions names both cells,
 * both date spans and how many check-ins.
 */
export type ChangeWords = Record<TemplateKey | 'cell' | 'noStatus', string> & {
  /** Several check-ins at once; without it, `changeCardCheckedIn` tells them too. */
  changeCardCheckedInMany?: string;
};

/**
 * One change of the model's `diff` as a sentence in the given words. A template gets every value
 * of its kind of change and uses those it needs: `{from}` and `{to}` are the two titles of a
 * rename, the two cells of a move, the two statuses of a check-in, the two date spans of a phase,
 * the two lanes of a moved item and the two spans of a re-spanned one.
 */
export function changeSentence(
  change: Change,
  lang: Lang,
  words: ChangeWords,
  /** A field's name in a list of the fields that changed. */
  fieldName: (field: string) => string,
): string {
  const t = words;
  const l = (text: Localized) => localize(text, lang);
  const status = (value: CheckinStatus | null) =>
    value === null ? t.noStatus : CHECKIN_STATUS_LABELS[value][lang];
  const fields = (list: readonly string[]) => list.map(fieldName).join(', ');
  const cell = (ref: CellRef) => format(t.cell, { domain: l(ref.domain), phase: l(ref.phase) });
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
      return format(t.changePeriodAdded, { label: l(change.label), phase: l(change.phase) });
    case 'period-removed':
      return format(t.changePeriodRemoved, { label: l(change.label) });
    case 'period-renamed':
      return format(t.changePeriodRenamed, { from: l(change.from), to: l(change.to) });
    case 'period-dates-changed':
      return format(t.changePeriodDates, {
        label: l(change.label),
        from: span(change.from),
        to: span(change.to),
      });
    case 'card-added':
      return format(t.changeCardAdded, { title: l(change.title), cell: cell(change.to) });
    case 'card-removed':
      return format(t.changeCardRemoved, { title: l(change.title), cell: cell(change.from) });
    case 'card-renamed':
      return format(t.changeCardRenamed, { from: l(change.from), to: l(change.to) });
    case 'card-moved':
      return format(t.changeCardMoved, {
        title: l(change.title),
        from: cell(change.from),
        to: cell(change.to),
      });
    case 'card-reordered':
      return format(t.changeCardReordered, { title: l(change.title), cell: cell(change.cell) });
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
    case 'card-checked-in': {
      const count = change.checkinIds.length;
      const template =
        count === 1 ? t.changeCardCheckedIn : (t.changeCardCheckedInMany ?? t.changeCardCheckedIn);
      return format(template, { title: l(change.title), count });
    }
    case 'item-added':
      return format(t.changeItemAdded, {
        label: l(change.label),
        domain: l(change.to.domain),
        span: itemSpanText(change.to, lang),
      });
    case 'item-removed':
      return format(t.changeItemRemoved, {
        label: l(change.label),
        domain: l(change.from.domain),
        span: itemSpanText(change.from, lang),
      });
    case 'item-renamed':
      return format(t.changeItemRenamed, { from: l(change.from), to: l(change.to) });
    case 'item-moved':
      return format(t.changeItemMoved, {
        label: l(change.label),
        from: l(change.from.domain),
        to: l(change.to.domain),
      });
    case 'item-respanned':
      return format(t.changeItemRespanned, {
        label: l(change.label),
        from: itemSpanText(change.from, lang),
        to: itemSpanText(change.to, lang),
      });
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

/**
 * An item's span as people say it: "Period 2", "Period 1 – Period 3"; each end names its phase
 * when the span crosses phases ("Phase 1, Period 3 – Phase 2, Period 1"), where period labels
 * repeat.
 */
export function itemSpanText(place: ItemPlace, lang: Lang): string {
  const { start, end } = place;
  if (start.periodId === end.periodId) return localize(start.label, lang);
  if (start.phaseId === end.phaseId) {
    return `${localize(start.label, lang)} – ${localize(end.label, lang)}`;
  }
  const named = (ref: ItemPlace['start']) =>
    `${localize(ref.phase, lang)}, ${localize(ref.label, lang)}`;
  return `${named(start)} – ${named(end)}`;
}
