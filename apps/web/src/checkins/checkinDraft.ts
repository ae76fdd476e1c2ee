import {
  CHECKIN_STATUSES,
  CHECKIN_TEXT_MAX,
  type CheckinStatus,
  MILESTONE_LABEL_MAX,
} from '@fdr/model';
import type { CheckinInput } from './checkinApi.ts';

/** What the check-in form holds: text as typed, validated only when sent. */
export interface CheckinDraft {
  status: CheckinStatus | '';
  progress: string;
  summaryFr: string;
  summaryEn: string;
  milestoneFr: string;
  milestoneEn: string;
  milestoneDate: string;
  asksFr: string;
  asksEn: string;
  risksFr: string;
  risksEn: string;
}

export const EMPTY_DRAFT: CheckinDraft = {
  status: '',
  progress: '',
  summaryFr: '',
  summaryEn: '',
  milestoneFr: '',
  milestoneEn: '',
  milestoneDate: '',
  asksFr: '',
  asksEn: '',
  risksFr: '',
  risksEn: '',
};

/** Keys of `checkinStrings` that explain what is wrong with one field. */
export type DraftError =
  | 'statusRequired'
  | 'progressInvalid'
  | 'milestoneNeedsLabel'
  | 'dateInvalid'
  | 'textTooLong';

export type DraftErrors = Partial<Record<keyof CheckinDraft, DraftError>>;

function validDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The same rules as the model's validator, checked before sending so that each problem is shown
 * beside its field (the server checks again and names the field if anything slips through).
 */
export function draftErrors(draft: CheckinDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!(CHECKIN_STATUSES as readonly string[]).includes(draft.status)) {
    errors.status = 'statusRequired';
  }
  const progress = draft.progress.trim();
  if (progress !== '' && !/^\d{1,3}$/.test(progress)) errors.progress = 'progressInvalid';
  else if (progress !== '' && Number(progress) > 100) errors.progress = 'progressInvalid';
  const date = draft.milestoneDate.trim();
  if (date !== '' && !validDate(date)) errors.milestoneDate = 'dateInvalid';
  else if (date !== '' && draft.milestoneFr.trim() === '' && draft.milestoneEn.trim() === '') {
    errors.milestoneFr = 'milestoneNeedsLabel';
  }
  for (const key of [
    'summaryFr',
    'summaryEn',
    'milestoneFr',
    'milestoneEn',
    'asksFr',
    'asksEn',
    'risksFr',
    'risksEn',
  ] as const) {
    // The milestone's label has the model's tighter limit.
    const max = key.startsWith('milestone') ? MILESTONE_LABEL_MAX : CHECKIN_TEXT_MAX;
    if (draft[key].trim().length > max && errors[key] === undefined) errors[key] = 'textTooLong';
  }
  return errors;
}

/** The REST body of a valid draft. */
export function checkinInput(draft: CheckinDraft, cardId: string, id: string): CheckinInput {
  const text = (fr: string, en: string) => ({ fr: fr.trim(), en: en.trim() });
  const milestone = text(draft.milestoneFr, draft.milestoneEn);
  const date = draft.milestoneDate.trim();
  return {
    id,
    cardId,
    status: draft.status as CheckinStatus,
    progress: draft.progress.trim() === '' ? null : Number(draft.progress.trim()),
    summary: text(draft.summaryFr, draft.summaryEn),
    nextMilestone:
      milestone.fr === '' && milestone.en === ''
        ? null
        : { label: milestone, targetDate: date === '' ? null : date },
    asks: text(draft.asksFr, draft.asksEn),
    risks: text(draft.risksFr, draft.risksEn),
  };
}
