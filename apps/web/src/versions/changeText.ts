import {
  type CardDiffField,
  type CellRef,
  type Change,
  type ItemDiffField,
  localize,
} from '@fdr/model';
import { changeSentence } from '../i18n/changeSentence.ts';
import { format } from '../i18n/format.ts';
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
  cardIds: 'fieldCardIds',
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
  return changeSentence(change, lang, t, (field) =>
    field in FIELD ? t[FIELD[field as keyof typeof FIELD]] : field,
  );
}
