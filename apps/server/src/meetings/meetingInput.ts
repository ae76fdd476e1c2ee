import {
  ACTION_STATES,
  type ActionState,
  AGENDA_REASONS,
  type AgendaReason,
  ENTRY_MINUTES_MAX,
  type LocalizedText,
  type MeetingTarget,
  type TargetKind,
  type VoteTarget,
} from '@fdr/model';
import { AuthError } from '../auth/AuthError.ts';
import type { AgendaInput } from './MeetingStore.ts';

/**
 * The readers of the meeting routes' bodies: field by field, unknown fields refused (listed),
 * every list's length checked before its entries are read.
 */

/** Card, item, domain and entry ids are the model's or ours; anything longer is not one. */
export const ID_MAX = 100;
/** Longest words searched in the decisions register. */
export const QUERY_MAX = 200;

export const refuse = (code: string, en: string, fr: string) =>
  new AuthError(400, code, { en, fr });

type Json = Record<string, unknown>;

/** Refuses the fields not in `allowed`, naming them. */
export function onlyFields(input: Json, allowed: readonly string[], where = ''): void {
  const unknown = Object.keys(input).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    const names = unknown.map((k) => `${where}${k}`).join(', ');
    throw refuse('unknown-fields', `Unknown fields: ${names}.`, `Champs inconnus : ${names}.`);
  }
}

const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

// Control characters but line break and tab (multi-line texts) or none (one-line texts).
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the check for them
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the check for them
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * `{fr, en}`: strings, trimmed, each at most `max` characters, at least one not empty unless
 * `allowEmpty`.
 */
export function localized(
  raw: unknown,
  field: string,
  max: number,
  options: { multiline?: boolean; allowEmpty?: boolean } = {},
): LocalizedText {
  if (!isObject(raw) || typeof raw.fr !== 'string' || typeof raw.en !== 'string') {
    throw refuse(
      `invalid-${field}`,
      `${field} must be {fr, en}, two strings.`,
      `${field} doit être {fr, en}, deux chaînes.`,
    );
  }
  onlyFields(raw, ['fr', 'en'], `${field}.`);
  // Measured before trimming too: a huge string is refused without more work.
  if (raw.fr.length > max * 4 || raw.en.length > max * 4) throw tooLong(field, max);
  const text = { fr: raw.fr.trim(), en: raw.en.trim() };
  if (text.fr.length > max || text.en.length > max) throw tooLong(field, max);
  const control = options.multiline ? CONTROL_MULTILINE : CONTROL;
  if (control.test(text.fr) || control.test(text.en)) {
    throw refuse(
      `invalid-${field}`,
      `${field} may not hold control characters.`,
      `${field} ne peut contenir de caractères de contrôle.`,
    );
  }
  if (!options.allowEmpty && text.fr === '' && text.en === '') {
    throw refuse(
      `empty-${field}`,
      `${field} needs at least one language.`,
      `${field} doit être rempli dans au moins une langue.`,
    );
  }
  return text;
}

const tooLong = (field: string, max: number) =>
  refuse(
    `${field}-too-long`,
    `${field} is limited to ${max} characters per language.`,
    `${field} est limité à ${max} caractères par langue.`,
  );

/** A calendar date `YYYY-MM-DD` that exists. */
export function day(raw: unknown, field: string): string {
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const at = Date.parse(`${raw}T00:00:00Z`);
    if (Number.isFinite(at) && new Date(at).toISOString().slice(0, 10) === raw) return raw;
  }
  throw refuse(
    `invalid-${field}`,
    `${field} must be a date, YYYY-MM-DD.`,
    `${field} doit être une date, AAAA-MM-JJ.`,
  );
}

export function anId(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || raw === '' || raw.length > ID_MAX) {
    throw refuse(
      `invalid-${field}`,
      `${field} must be an id.`,
      `${field} doit être un identifiant.`,
    );
  }
  return raw;
}

export function target<K extends TargetKind>(
  raw: unknown,
  field: string,
  kinds: readonly K[],
): { kind: K; id: string } {
  if (
    !isObject(raw) ||
    !(kinds as readonly unknown[]).includes(raw.kind) ||
    typeof raw.id !== 'string' ||
    raw.id === '' ||
    raw.id.length > ID_MAX
  ) {
    throw refuse(
      `invalid-${field}`,
      `${field} must be {kind, id} with kind among ${kinds.join(', ')}.`,
      `${field} doit être {kind, id}, kind parmi ${kinds.join(', ')}.`,
    );
  }
  onlyFields(raw, ['kind', 'id'], `${field}.`);
  return { kind: raw.kind as K, id: raw.id };
}

/** A list of distinct targets, its length checked before any entry is read. */
export function targets<K extends TargetKind>(
  raw: unknown,
  field: string,
  kinds: readonly K[],
  min: number,
  max: number,
): { kind: K; id: string }[] {
  if (!Array.isArray(raw) || raw.length < min || raw.length > max) {
    throw refuse(
      `invalid-${field}`,
      `${field} must list ${min} to ${max} targets.`,
      `${field} doit compter de ${min} à ${max} cibles.`,
    );
  }
  const list = raw.map((entry, i) => target(entry, `${field}[${i}]`, kinds));
  if (new Set(list.map((t) => `${t.kind}:${t.id}`)).size !== list.length) {
    throw refuse(
      `duplicate-${field}`,
      `${field} lists a target twice.`,
      `${field} nomme deux fois la même cible.`,
    );
  }
  return list;
}

function integer(raw: unknown, field: string, min: number, max: number): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) {
    throw refuse(
      `invalid-${field}`,
      `${field} must be a whole number from ${min} to ${max}.`,
      `${field} doit être un entier de ${min} à ${max}.`,
    );
  }
  return raw;
}

function bool(raw: unknown, field: string): boolean {
  if (typeof raw !== 'boolean') {
    throw refuse(
      `invalid-${field}`,
      `${field} must be true or false.`,
      `${field} doit valoir true ou false.`,
    );
  }
  return raw;
}

export interface MeetingLimits {
  titleMax: number;
  agendaMax: number;
  optionsMax: number;
  dotsMax: number;
  decisionMax: number;
  actionTitleMax: number;
}

/** The limits as the settings give them (config.ts). */
export function meetingLimits(config: {
  meetingTitleMax: number;
  meetingAgendaMax: number;
  voteOptionsMax: number;
  voteDotsMax: number;
  decisionTextMax: number;
  actionTitleMax: number;
}): MeetingLimits {
  return {
    titleMax: config.meetingTitleMax,
    agendaMax: config.meetingAgendaMax,
    optionsMax: config.voteOptionsMax,
    dotsMax: config.voteDotsMax,
    decisionMax: config.decisionTextMax,
    actionTitleMax: config.actionTitleMax,
  };
}

const ALL_KINDS = ['card', 'item', 'domain'] as const;
const VOTE_KINDS = ['card', 'item'] as const;

export function agenda(raw: unknown, limits: MeetingLimits): AgendaInput[] {
  if (!Array.isArray(raw)) {
    throw refuse('invalid-agenda', 'agenda must be a list.', 'agenda doit être une liste.');
  }
  if (raw.length > limits.agendaMax) {
    throw refuse(
      'agenda-too-long',
      `An agenda has at most ${limits.agendaMax} entries.`,
      `Un ordre du jour compte au plus ${limits.agendaMax} points.`,
    );
  }
  return raw.map((entry, i): AgendaInput => {
    const where = `agenda[${i}]`;
    if (!isObject(entry)) {
      throw refuse('invalid-agenda', `${where} must be an object.`, `${where} doit être un objet.`);
    }
    onlyFields(entry, ['id', 'title', 'target', 'minutes', 'reason'], `${where}.`);
    const entryTarget =
      entry.target === undefined || entry.target === null
        ? null
        : target(entry.target, `${where}.target`, ALL_KINDS);
    const title = localized(entry.title, 'title', limits.titleMax, {
      allowEmpty: entryTarget !== null,
    });
    const minutes =
      entry.minutes === undefined || entry.minutes === null
        ? null
        : integer(entry.minutes, 'minutes', 1, ENTRY_MINUTES_MAX);
    if (
      entry.reason !== undefined &&
      entry.reason !== null &&
      !(AGENDA_REASONS as readonly unknown[]).includes(entry.reason)
    ) {
      throw refuse(
        'invalid-reason',
        `reason must be one of ${AGENDA_REASONS.join(', ')}, or null.`,
        `reason doit valoir ${AGENDA_REASONS.join(', ')} ou null.`,
      );
    }
    return {
      ...(entry.id === undefined ? {} : { id: anId(entry.id, 'id') }),
      title,
      target: entryTarget,
      minutes,
      reason: (entry.reason ?? null) as AgendaReason,
    };
  });
}

export function meetingInput(input: Json, limits: MeetingLimits) {
  onlyFields(input, ['title', 'heldOn', 'agenda']);
  return {
    title: localized(input.title, 'title', limits.titleMax),
    heldOn: day(input.heldOn, 'heldOn'),
    agenda: input.agenda === undefined ? [] : agenda(input.agenda, limits),
  };
}

export function meetingPatch(input: Json, limits: MeetingLimits) {
  onlyFields(input, ['title', 'heldOn', 'agenda']);
  return {
    ...(input.title === undefined
      ? {}
      : { title: localized(input.title, 'title', limits.titleMax) }),
    ...(input.heldOn === undefined ? {} : { heldOn: day(input.heldOn, 'heldOn') }),
    ...(input.agenda === undefined ? {} : { agenda: agenda(input.agenda, limits) }),
  };
}

export type PresentInput =
  | { end: true }
  | { end: false; entryId: string | null; timerMinutes: number | null };

export function presentInput(input: Json): PresentInput {
  if (input.end !== undefined) {
    onlyFields(input, ['end']);
    if (input.end !== true) {
      throw refuse('invalid-end', 'end must be true.', 'end doit valoir true.');
    }
    return { end: true };
  }
  onlyFields(input, ['entryId', 'timerMinutes']);
  if (input.entryId === undefined) {
    throw refuse(
      'invalid-entryId',
      'Give entryId (an entry or null), or end.',
      'Indiquez entryId (un point ou null), ou end.',
    );
  }
  return {
    end: false,
    entryId: input.entryId === null ? null : anId(input.entryId, 'entryId'),
    timerMinutes:
      input.timerMinutes === undefined || input.timerMinutes === null
        ? null
        : integer(input.timerMinutes, 'timerMinutes', 1, ENTRY_MINUTES_MAX),
  };
}

export function voteInput(input: Json, limits: MeetingLimits, now: number) {
  onlyFields(input, ['question', 'targets', 'votesPerVoter', 'secret', 'liveResults', 'closesAt']);
  const closesAt =
    input.closesAt === undefined || input.closesAt === null
      ? null
      : integer(input.closesAt, 'closesAt', 0, Number.MAX_SAFE_INTEGER);
  if (closesAt !== null && closesAt <= now) {
    throw refuse(
      'closes-at-past',
      'A vote closes in the future.',
      'Un vote se clôt dans le futur.',
    );
  }
  return {
    question: localized(input.question, 'question', limits.titleMax),
    targets: targets(input.targets, 'targets', VOTE_KINDS, 1, limits.optionsMax),
    votesPerVoter: integer(input.votesPerVoter, 'votesPerVoter', 1, limits.dotsMax),
    secret: bool(input.secret, 'secret'),
    liveResults: bool(input.liveResults, 'liveResults'),
    closesAt,
  };
}

export function dotInput(input: Json): VoteTarget {
  onlyFields(input, ['target']);
  return target(input.target, 'target', VOTE_KINDS);
}

export function decisionInput(input: Json, limits: MeetingLimits) {
  onlyFields(input, ['text', 'targets']);
  return {
    text: localized(input.text, 'text', limits.decisionMax, { multiline: true }),
    targets: targets(input.targets ?? [], 'targets', ALL_KINDS, 0, limits.optionsMax),
  };
}

export function actionInput(input: Json, limits: MeetingLimits) {
  onlyFields(input, ['title', 'ownerId', 'dueOn', 'target', 'meetingId', 'decisionId']);
  return {
    title: localized(input.title, 'title', limits.actionTitleMax),
    ownerId: anId(input.ownerId, 'ownerId'),
    dueOn: day(input.dueOn, 'dueOn'),
    target:
      input.target === undefined || input.target === null
        ? null
        : (target(input.target, 'target', ALL_KINDS) as MeetingTarget),
    meetingId:
      input.meetingId === undefined || input.meetingId === null
        ? null
        : anId(input.meetingId, 'meetingId'),
    decisionId:
      input.decisionId === undefined || input.decisionId === null
        ? null
        : anId(input.decisionId, 'decisionId'),
  };
}

export function actionPatch(input: Json, limits: MeetingLimits) {
  onlyFields(input, ['state', 'title', 'dueOn', 'ownerId']);
  if (input.state !== undefined && !(ACTION_STATES as readonly unknown[]).includes(input.state)) {
    throw refuse(
      'invalid-state',
      `state must be one of ${ACTION_STATES.join(', ')}.`,
      `state doit valoir ${ACTION_STATES.join(', ')}.`,
    );
  }
  return {
    ...(input.state === undefined ? {} : { state: input.state as ActionState }),
    ...(input.title === undefined
      ? {}
      : { title: localized(input.title, 'title', limits.actionTitleMax) }),
    ...(input.dueOn === undefined ? {} : { dueOn: day(input.dueOn, 'dueOn') }),
    ...(input.ownerId === undefined ? {} : { ownerId: anId(input.ownerId, 'ownerId') }),
  };
}
