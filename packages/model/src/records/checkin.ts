import { CHECKIN_TEXT_MAX, MILESTONE_LABEL_MAX, NAME_MAX } from '../limits.ts';
import {
  expectDate,
  expectDateTime,
  expectId,
  expectInteger,
  expectLocalized,
  expectObject,
  expectOneOf,
  expectOnlyKeys,
  expectString,
} from './expect.ts';
import type { Localized } from './localized.ts';

export const CHECKIN_STATUSES = ['not-started', 'on-track', 'at-risk', 'blocked', 'done'] as const;

export type CheckinStatus = (typeof CHECKIN_STATUSES)[number];

export const CHECKIN_STATUS_LABELS: Readonly<Record<CheckinStatus, Localized>> = {
  'not-started': { fr: 'Non commencé', en: 'Not started' },
  'on-track': { fr: 'En bonne voie', en: 'On track' },
  'at-risk': { fr: 'À risque', en: 'At risk' },
  blocked: { fr: 'Bloqué', en: 'Blocked' },
  done: { fr: 'Terminé', en: 'Done' },
};

export type Milestone = {
  readonly label: Localized;
  readonly targetDate: string | null;
};

/**
 * A status check-in on a task team. Check-ins are immutable and append-only: a correction is a
 * new check-in, so the history the secretariat reports from is never rewritten.
 */
export type CheckinRecord = {
  readonly id: string;
  readonly cardId: string;
  readonly status: CheckinStatus;
  /** Percent complete, or null when the team does not estimate it. */
  readonly progress: number | null;
  readonly summary: Localized;
  readonly nextMilestone: Milestone | null;
  readonly asks: Localized;
  readonly risks: Localized;
  readonly author: string;
  /** UTC timestamp; history is ordered by (at, id). */
  readonly at: string;
};

export const CHECKIN_FIELDS = [
  'id',
  'cardId',
  'status',
  'progress',
  'summary',
  'nextMilestone',
  'asks',
  'risks',
  'author',
  'at',
] as const;

export function validateMilestone(value: unknown, path: string): Milestone {
  const object = expectObject(value, path);
  expectOnlyKeys(object, ['label', 'targetDate'], path);
  return {
    label: expectLocalized(object.label, `${path}.label`, {
      required: true,
      max: MILESTONE_LABEL_MAX,
    }),
    targetDate:
      object.targetDate === null ? null : expectDate(object.targetDate, `${path}.targetDate`),
  };
}

export function validateCheckin(value: unknown, path = 'checkin'): CheckinRecord {
  const object = expectObject(value, path);
  expectOnlyKeys(object, CHECKIN_FIELDS, path);
  return {
    id: expectId(object.id, `${path}.id`),
    cardId: expectId(object.cardId, `${path}.cardId`),
    status: expectOneOf(object.status, CHECKIN_STATUSES, `${path}.status`),
    progress:
      object.progress === null ? null : expectInteger(object.progress, `${path}.progress`, 0, 100),
    summary: expectLocalized(object.summary, `${path}.summary`, { max: CHECKIN_TEXT_MAX }),
    nextMilestone:
      object.nextMilestone === null
        ? null
        : validateMilestone(object.nextMilestone, `${path}.nextMilestone`),
    asks: expectLocalized(object.asks, `${path}.asks`, { max: CHECKIN_TEXT_MAX }),
    risks: expectLocalized(object.risks, `${path}.risks`, { max: CHECKIN_TEXT_MAX }),
    author: expectString(object.author, `${path}.author`, { min: 1, max: NAME_MAX }),
    at: expectDateTime(object.at, `${path}.at`),
  };
}

export function compareCheckins(a: CheckinRecord, b: CheckinRecord): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** What a card shows between check-ins: derived from the history, never stored. */
export type StatusSummary = {
  readonly checkinId: string;
  readonly status: CheckinStatus;
  readonly progress: number | null;
  readonly summary: Localized;
  readonly nextMilestone: Milestone | null;
  readonly author: string;
  readonly at: string;
};

/**
 * Latest by (at, id), not by arrival: two check-ins recorded offline arrive in any order, and
 * every peer must agree which one is latest.
 */
export function latestStatus(history: readonly CheckinRecord[]): StatusSummary | null {
  let latest: CheckinRecord | null = null;
  for (const checkin of history) {
    if (latest === null || compareCheckins(checkin, latest) > 0) latest = checkin;
  }
  if (latest === null) return null;
  return {
    checkinId: latest.id,
    status: latest.status,
    progress: latest.progress,
    summary: latest.summary,
    nextMilestone: latest.nextMilestone,
    author: latest.author,
    at: latest.at,
  };
}

const DAY_MS = 86_400_000;

/**
 * True when a card has not checked in for `staleAfterDays` (the board setting), counting from its
 * latest check-in, else from its creation. A card whose creation is unknown (boards from before
 * it was recorded) and that never checked in is not called overdue: there is nothing to count
 * from, and a new board must not greet its members with every team overdue.
 */
export function isStale(
  card: { readonly latestStatus: StatusSummary | null; readonly createdAt: string | null },
  staleAfterDays: number,
  now: Date,
): boolean {
  const since = card.latestStatus?.at ?? card.createdAt;
  if (since === null) return false;
  return now.getTime() - Date.parse(since) > staleAfterDays * DAY_MS;
}
