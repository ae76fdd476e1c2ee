import type { RecordCheckinInput } from '../commands/recordCheckin.ts';
import { isModelError } from '../ModelError.ts';
import { CHECKIN_FIELDS, CHECKIN_STATUSES, validateMilestone } from '../records/checkin.ts';
import {
  expectId,
  expectInteger,
  expectLocalized,
  expectObject,
  expectOneOf,
} from '../records/expect.ts';
import type { Localized } from '../records/localized.ts';

/** What a person (or a script) sends to record a check-in; the author and time are the server's. */
export type CheckinInput = Omit<RecordCheckinInput, 'author' | 'at'>;

export type InputError = { readonly field: string; readonly messages: Localized };

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly InputError[] };

/** What a client sends: every stored field but those the server sets (author and time). */
const FIELDS = CHECKIN_FIELDS.filter(
  (field): field is Exclude<(typeof CHECKIN_FIELDS)[number], 'author' | 'at'> =>
    field !== 'author' && field !== 'at',
);

/**
 * Reads a check-in request (e.g. a REST body) into a typed value, or the list of every problem,
 * each naming its field in both languages, so a form can mark all of them at once. Optional
 * fields may be absent or null. Pure: nothing is looked up (whether the card exists is the
 * command's to say).
 */
export function parseCheckinInput(value: unknown): Parsed<CheckinInput> {
  const errors: InputError[] = [];
  const read = <T>(field: string, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!isModelError(error)) throw error;
      errors.push({ field: error.details.path ?? field, messages: error.messages });
      return undefined;
    }
  };
  const body = read('', () => expectObject(value, ''));
  if (!body) return { ok: false, errors };
  for (const key of Object.keys(body)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      errors.push({
        field: key,
        messages: { fr: `${key} : champ inconnu.`, en: `${key}: unknown field.` },
      });
    }
  }
  const given = (key: (typeof FIELDS)[number]) => body[key] !== undefined && body[key] !== null;
  const id = given('id') ? read('id', () => expectId(body.id, 'id')) : undefined;
  const cardId = read('cardId', () => expectId(body.cardId, 'cardId'));
  const status = read('status', () => expectOneOf(body.status, CHECKIN_STATUSES, 'status'));
  const progress = given('progress')
    ? read('progress', () => expectInteger(body.progress, 'progress', 0, 100))
    : null;
  const text = (key: 'summary' | 'asks' | 'risks') =>
    given(key) ? read(key, () => expectLocalized(body[key], key, { max: 5_000 })) : undefined;
  const summary = text('summary');
  const asks = text('asks');
  const risks = text('risks');
  const nextMilestone = given('nextMilestone')
    ? read('nextMilestone', () => validateMilestone(body.nextMilestone, 'nextMilestone'))
    : null;
  if (errors.length > 0 || cardId === undefined || status === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      ...(id === undefined ? {} : { id }),
      cardId,
      status,
      progress: progress ?? null,
      nextMilestone: nextMilestone ?? null,
      ...(summary === undefined ? {} : { summary }),
      ...(asks === undefined ? {} : { asks }),
      ...(risks === undefined ? {} : { risks }),
    },
  };
}
