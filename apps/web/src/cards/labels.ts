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
 * The labels of a card's role, state and status, the same wording on the canvas, the table,
 * exports and the meeting pack. They take any string: a canvas shape's props are plain strings,
 * and an unknown value (from a newer client) is shown as it is rather than as nothing.
 */

export function roleLabelOf(role: string, lang: 'fr' | 'en'): string {
  return ROLE_LABELS[role as Role]?.[lang] ?? role;
}

/** The short state labels of the cards (Existing, New, External). */
export function stateLabelOf(state: string, lang: 'fr' | 'en'): string {
  const t = strings[lang];
  if (state === 'existing-modified') return t.stateExisting;
  if (state === 'external-identity') return t.stateExternal;
  if (state === 'new') return t.stateNew;
  return CARD_STATE_LABELS[state as CardState]?.[lang] ?? state;
}

export function statusLabelOf(status: string, lang: 'fr' | 'en'): string {
  return CHECKIN_STATUS_LABELS[status as CheckinStatus]?.[lang] ?? status;
}
