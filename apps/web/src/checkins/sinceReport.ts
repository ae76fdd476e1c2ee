import type { Change, CheckinRecord, Localized } from '@fdr/model';
import type { VersionInfo } from '../versions/versionApi.ts';
import type { CardStatus } from './checkinApi.ts';

/** The latest named version: the last meeting, normally. Versions come newest first. */
export function latestNamed(versions: readonly VersionInfo[]): VersionInfo | null {
  return versions.find((v) => v.kind === 'named') ?? null;
}

/** Midnight at the start of a `YYYY-MM-DD` day, in the browser's time zone. */
export function startOfDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
}

/**
 * The reference state for "since a date": the latest version of any kind taken on or before that
 * day (so a version taken on the meeting day counts), or null when none is that old.
 */
export function versionAtOrBefore(
  versions: readonly VersionInfo[],
  day: string,
): VersionInfo | null {
  const end = startOfDay(day) + 86_400_000;
  let best: VersionInfo | null = null;
  for (const version of versions) {
    if (version.createdAt < end && (best === null || version.createdAt > best.createdAt)) {
      best = version;
    }
  }
  return best;
}

export interface ReportedCheckin {
  cardId: string;
  title: Localized;
  checkin: CheckinRecord;
}

export interface SinceReport {
  /** Newest first. */
  checkins: ReportedCheckin[];
  moved: Extract<Change, { kind: 'card-moved' }>[];
  added: Extract<Change, { kind: 'card-added' }>[];
  /** Deleted or archived. */
  removed: Extract<Change, { kind: 'card-removed' | 'card-archived' }>[];
  renamed: Extract<Change, { kind: 'card-renamed' }>[];
  /** The board's structure: domains of interest, phases and periods, in the diff's order. */
  structure: Change[];
  /** The roadmap items added, removed, renamed, moved, re-spanned or edited, in the diff's order. */
  items: Extract<Change, { kind: `item-${string}` }>[];
  /** Everything else (the board's settings, fields…), except what the check-ins already say. */
  other: Change[];
}

/** Changes to the lanes and columns, which the secretariat makes in the structure editor. */
const STRUCTURE_KINDS: ReadonlySet<Change['kind']> = new Set([
  'domain-added',
  'domain-removed',
  'domain-renamed',
  'domain-reordered',
  'domain-recoloured',
  'phase-added',
  'phase-removed',
  'phase-renamed',
  'phase-dates-changed',
  'period-added',
  'period-removed',
  'period-renamed',
  'period-dates-changed',
]);

/**
 * Sorts a comparison into the sections of the report. Check-ins come from the log: with a
 * reference version, exactly those the version did not hold (the diff's ids, so a check-in made
 * offline before the meeting but synced after still shows); without one, those made since `since`.
 */
export function sinceReport(
  changes: readonly Change[] | null,
  cards: readonly CardStatus[],
  since: number,
): SinceReport {
  const report: SinceReport = {
    checkins: [],
    moved: [],
    added: [],
    removed: [],
    renamed: [],
    structure: [],
    items: [],
    other: [],
  };
  const wanted = new Set<string>();
  for (const change of changes ?? []) {
    switch (change.kind) {
      case 'card-moved':
        report.moved.push(change);
        break;
      case 'card-added':
        report.added.push(change);
        break;
      case 'card-removed':
      case 'card-archived':
        report.removed.push(change);
        break;
      case 'card-renamed':
        report.renamed.push(change);
        break;
      case 'card-checked-in':
        for (const id of change.checkinIds) wanted.add(id);
        break;
      case 'card-status-changed':
        // Said by the check-ins themselves.
        break;
      case 'item-added':
      case 'item-removed':
      case 'item-renamed':
      case 'item-moved':
      case 'item-respanned':
      case 'item-changed':
        report.items.push(change);
        break;
      default:
        if (STRUCTURE_KINDS.has(change.kind)) report.structure.push(change);
        else report.other.push(change);
    }
  }
  for (const card of cards) {
    for (const checkin of card.checkins) {
      const include = changes === null ? Date.parse(checkin.at) >= since : wanted.has(checkin.id);
      if (include) report.checkins.push({ cardId: card.id, title: card.title, checkin });
    }
  }
  report.checkins.sort((a, b) =>
    a.checkin.at === b.checkin.at
      ? a.checkin.id < b.checkin.id
        ? 1
        : -1
      : a.checkin.at < b.checkin.at
        ? 1
        : -1,
  );
  return report;
}
