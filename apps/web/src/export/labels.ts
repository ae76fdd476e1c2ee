import {
  CARD_STATE_LABELS,
  type CardState,
  CHECKIN_STATUS_LABELS,
  type CheckinStatus,
  ROLE_LABELS,
  type Role,
} from '@fdr/model';
import { strings } from '../i18n/strings.ts';

/*
 * The labels the canvas shows for roles, states and statuses, for code that must not load tldraw
 * (the table, exports and the meeting pack); the same wording as the cards.
 */

export function roleLabelOf(role: Role, lang: 'fr' | 'en'): string {
  return ROLE_LABELS[role][lang];
}

/** The short state labels of the cards (Existing, New, External). */
export function stateLabelOf(state: CardState, lang: 'fr' | 'en'): string {
  const t = strings[lang];
  if (state === 'existing-modified') return t.stateExisting;
  if (state === 'external-identity') return t.stateExternal;
  if (state === 'new') return t.stateNew;
  return CARD_STATE_LABELS[state][lang];
}

export function statusLabelOf(status: CheckinStatus, lang: 'fr' | 'en'): string {
  return CHECKIN_STATUS_LABELS[status][lang];
}
