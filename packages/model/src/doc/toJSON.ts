import type * as Y from 'yjs';
import { compareByOrder } from '../fractionalIndex.ts';
import type { BoardRecord } from '../records/board.ts';
import { DEFAULT_BOARD_SETTINGS } from '../records/board.ts';
import {
  type CheckinRecord,
  compareCheckins,
  latestStatus,
  validateCheckin,
} from '../records/checkin.ts';
import { expectJson, type JsonValue } from '../records/expect.ts';
import type { ItemRecord } from '../records/item.ts';
import { compareByStart, type PeriodRecord, type PhaseRecord } from '../records/phase.ts';
import {
  ROADMAP_FORMAT,
  ROADMAP_JSON_VERSION,
  type Roadmap,
  type RoadmapAnnotations,
  type RoadmapCard,
} from '../roadmap.ts';
import { type DocRoots, docRoots, isRecordMap, META, requireCurrentSchema } from './layout.ts';
import {
  readCard,
  readDomain,
  readItem,
  readPeriod,
  readPhase,
  type StoredDomain,
  type StoredPeriod,
} from './recordCodec.ts';

/**
 * The plain roadmap held by a doc, with every reference resolved (see "readers resolve" in
 * layout.ts). Deterministic: two docs holding the same CRDT state give deep-equal results,
 * whatever order the updates arrived in.
 */
export function toJSON(doc: Y.Doc): Roadmap {
  requireCurrentSchema(doc);
  const roots = docRoots(doc);
  const domains = resolveDomains(roots);
  const { phases, periodsById } = readPhases(roots);

  const domainIndex = new Map(domains.live.map((domain, index) => [domain.id, index]));
  const phaseIndex = new Map(phases.map((phase, index) => [phase.id, index]));
  const checkins = readCheckins(roots);

  const cards: RoadmapCard[] = [];
  const firstPhase = phases[0];
  for (const [id, map] of roots.cards.entries()) {
    if (!isRecordMap(map)) continue;
    const stored = readCard(id, map);
    const domainId = domains.resolve(stored.domainId);
    // Only possible while updates are still arriving (cards need a domain and a phase).
    if (domainId === null || firstPhase === undefined) continue;
    const phaseId = phaseIndex.has(stored.phaseId) ? stored.phaseId : firstPhase.id;
    const periodIds = [...new Set(stored.periodIds)].filter(
      (periodId) => periodsById.get(periodId)?.phaseId === phaseId,
    );
    const history = checkins.get(id) ?? [];
    cards.push({
      ...stored,
      domainId,
      phaseId,
      periodIds,
      checkins: history,
      latestStatus: latestStatus(history),
    });
  }
  cards.sort(
    (a, b) =>
      (domainIndex.get(a.domainId) ?? 0) - (domainIndex.get(b.domainId) ?? 0) ||
      (phaseIndex.get(a.phaseId) ?? 0) - (phaseIndex.get(b.phaseId) ?? 0) ||
      compareByOrder(a, b),
  );

  const periodOrder = new Map(
    phases.flatMap((phase) => phase.periods).map((period, index) => [period.id, index]),
  );
  const cardIdSet = new Set(cards.map((card) => card.id));
  const items: ItemRecord[] = [];
  for (const [id, map] of roots.items.entries()) {
    if (!isRecordMap(map)) continue;
    const stored = readItem(id, map);
    const domainId = domains.resolve(stored.domainId);
    const start = periodOrder.get(stored.startPeriodId);
    const end = periodOrder.get(stored.endPeriodId);
    if (domainId === null || start === undefined || end === undefined) continue;
    // Concurrent edits of the two ends can invert the span; read it the right way round.
    const [startPeriodId, endPeriodId] =
      start <= end
        ? [stored.startPeriodId, stored.endPeriodId]
        : [stored.endPeriodId, stored.startPeriodId];
    // A card whose creation was undone is gone; an item naming it still reads.
    const cardIds = [...new Set(stored.cardIds)].filter((cardId) => cardIdSet.has(cardId));
    items.push({ ...stored, domainId, startPeriodId, endPeriodId, cardIds });
  }
  items.sort(
    (a, b) =>
      (domainIndex.get(a.domainId) ?? 0) - (domainIndex.get(b.domainId) ?? 0) ||
      compareByOrder(a, b),
  );

  return {
    format: ROADMAP_FORMAT,
    version: ROADMAP_JSON_VERSION,
    board: readBoard(roots),
    domains: domains.live.map(({ id, label, colour, order }) => ({ id, label, colour, order })),
    phases,
    cards,
    items,
    annotations: readAnnotations(roots),
  };
}

function readBoard(roots: DocRoots): BoardRecord {
  const { meta } = roots;
  const staleAfterDays = meta.get(META.staleAfterDays);
  const defaultLocale = meta.get(META.defaultLocale);
  const boardId = meta.get(META.boardId);
  const text = (lang: 'fr' | 'en'): string => {
    const value = meta.get(`${META.title}.${lang}`);
    return typeof value === 'string' ? value : '';
  };
  return {
    id: typeof boardId === 'string' ? boardId : 'board',
    title: { fr: text('fr'), en: text('en') },
    settings: {
      staleAfterDays:
        typeof staleAfterDays === 'number' && Number.isInteger(staleAfterDays) && staleAfterDays > 0
          ? staleAfterDays
          : DEFAULT_BOARD_SETTINGS.staleAfterDays,
      defaultLocale:
        defaultLocale === 'fr' || defaultLocale === 'en'
          ? defaultLocale
          : DEFAULT_BOARD_SETTINGS.defaultLocale,
    },
  };
}

type ResolvedDomains = {
  /** Live domains in lane order. */
  readonly live: readonly StoredDomain[];
  /** The live domain a stored domain id stands for now, or null if there is none at all. */
  readonly resolve: (domainId: string) => string | null;
};

export function resolveDomains(roots: DocRoots): ResolvedDomains {
  const all = new Map<string, StoredDomain>();
  for (const [id, map] of roots.domains.entries()) {
    if (isRecordMap(map)) all.set(id, readDomain(id, map));
  }
  const sorted = [...all.values()].sort(compareByOrder);
  let live = sorted.filter((domain) => !domain.removed);
  // Two concurrent removals of the last two lanes can leave none; a board needs a lane.
  if (live.length === 0 && sorted[0] !== undefined) live = [{ ...sorted[0], removed: false }];
  const liveIds = new Set(live.map((domain) => domain.id));
  const fallback = live[0]?.id ?? null;
  const resolve = (domainId: string): string | null => {
    const seen = new Set<string>();
    let current: string | null = domainId;
    while (current !== null && !seen.has(current)) {
      if (liveIds.has(current)) return current;
      seen.add(current);
      current = all.get(current)?.removedInto ?? null;
    }
    return fallback;
  };
  return { live, resolve };
}

function readPhases(roots: DocRoots): {
  phases: PhaseRecord[];
  periodsById: Map<string, StoredPeriod>;
} {
  const periodsById = new Map<string, StoredPeriod>();
  for (const [id, map] of roots.periods.entries()) {
    if (isRecordMap(map)) periodsById.set(id, readPeriod(id, map));
  }
  const phases: PhaseRecord[] = [];
  for (const [id, map] of roots.phases.entries()) {
    if (!isRecordMap(map)) continue;
    const periods: PeriodRecord[] = [...periodsById.values()]
      .filter((period) => period.phaseId === id)
      .sort(compareByStart)
      .map(({ id: periodId, label, start, end }) => ({ id: periodId, label, start, end }));
    phases.push({ ...readPhase(id, map), periods });
  }
  phases.sort(compareByStart);
  // A period whose phase has not arrived yet is not shown; forget it for reference checks.
  const phaseIds = new Set(phases.map((phase) => phase.id));
  for (const [id, period] of periodsById) {
    if (!phaseIds.has(period.phaseId)) periodsById.delete(id);
  }
  return { phases, periodsById };
}

function readCheckins(roots: DocRoots): Map<string, CheckinRecord[]> {
  const byCard = new Map<string, CheckinRecord[]>();
  for (const [id, raw] of roots.checkinLog.entries()) {
    let checkin: CheckinRecord;
    try {
      checkin = validateCheckin(raw, `checkinLog.${id}`);
    } catch {
      // A malformed entry (from a buggy client) must not hide the rest of the history.
      continue;
    }
    if (checkin.id !== id) continue;
    const list = byCard.get(checkin.cardId);
    if (list === undefined) byCard.set(checkin.cardId, [checkin]);
    else list.push(checkin);
  }
  for (const list of byCard.values()) list.sort(compareCheckins);
  return byCard;
}

function readAnnotations(roots: DocRoots): RoadmapAnnotations {
  const records: Record<string, JsonValue> = {};
  for (const id of [...roots.annotations.keys()].sort()) {
    try {
      records[id] = expectJson(roots.annotations.get(id), id);
    } catch {
      // Not JSON (e.g. a nested Y type written by a future canvas binding): not ours to export.
    }
  }
  let schema: JsonValue = null;
  try {
    schema = expectJson(roots.meta.get(META.annotationsSchema) ?? null, 'annotationsSchema');
  } catch {
    schema = null;
  }
  return { schema, records };
}
