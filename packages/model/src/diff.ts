import * as Y from 'yjs';
import { toJSON } from './doc/toJSON.ts';
import type { CheckinStatus } from './records/checkin.ts';
import type { Localized } from './records/localized.ts';
import { sameText } from './records/localized.ts';
import type { Roadmap, RoadmapCard } from './roadmap.ts';

/** A card's cell, with labels so a change list can be shown without the roadmap at hand. */
export type CellRef = {
  readonly domainId: string;
  readonly phaseId: string;
  readonly domain: Localized;
  readonly phase: Localized;
};

export const CARD_DIFF_FIELDS = [
  'role',
  'state',
  'periodIds',
  'mandate',
  'deliverables',
  'leadJurisdiction',
  'members',
  'formedFrom',
] as const;

export type CardDiffField = (typeof CARD_DIFF_FIELDS)[number];

export const ITEM_DIFF_FIELDS = [
  'label',
  'role',
  'kind',
  'domainId',
  'startPeriodId',
  'endPeriodId',
  'cardIds',
] as const;

export type ItemDiffField = (typeof ITEM_DIFF_FIELDS)[number];

export type Change =
  | { readonly kind: 'board-renamed'; readonly from: Localized; readonly to: Localized }
  | { readonly kind: 'board-settings-changed'; readonly fields: readonly string[] }
  | { readonly kind: 'domain-added'; readonly domainId: string; readonly label: Localized }
  | { readonly kind: 'domain-removed'; readonly domainId: string; readonly label: Localized }
  | {
      readonly kind: 'domain-renamed';
      readonly domainId: string;
      readonly from: Localized;
      readonly to: Localized;
    }
  | { readonly kind: 'domain-reordered'; readonly domainId: string; readonly label: Localized }
  | {
      readonly kind: 'domain-recoloured';
      readonly domainId: string;
      readonly label: Localized;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'phase-added'; readonly phaseId: string; readonly label: Localized }
  | { readonly kind: 'phase-removed'; readonly phaseId: string; readonly label: Localized }
  | {
      readonly kind: 'phase-renamed';
      readonly phaseId: string;
      readonly from: Localized;
      readonly to: Localized;
    }
  | {
      readonly kind: 'phase-dates-changed';
      readonly phaseId: string;
      readonly label: Localized;
      readonly from: { readonly start: string; readonly end: string | null };
      readonly to: { readonly start: string; readonly end: string | null };
    }
  | {
      readonly kind: 'period-added';
      readonly periodId: string;
      readonly phaseId: string;
      readonly label: Localized;
    }
  | {
      readonly kind: 'period-removed';
      readonly periodId: string;
      readonly phaseId: string;
      readonly label: Localized;
    }
  | {
      readonly kind: 'period-renamed';
      readonly periodId: string;
      readonly from: Localized;
      readonly to: Localized;
    }
  | {
      readonly kind: 'card-added';
      readonly cardId: string;
      readonly title: Localized;
      readonly to: CellRef;
    }
  | {
      readonly kind: 'card-removed';
      readonly cardId: string;
      readonly title: Localized;
      readonly from: CellRef;
    }
  | {
      readonly kind: 'card-renamed';
      readonly cardId: string;
      readonly from: Localized;
      readonly to: Localized;
    }
  | {
      readonly kind: 'card-moved';
      readonly cardId: string;
      readonly title: Localized;
      readonly from: CellRef;
      readonly to: CellRef;
    }
  | {
      readonly kind: 'card-reordered';
      readonly cardId: string;
      readonly title: Localized;
      readonly cell: CellRef;
    }
  | { readonly kind: 'card-archived'; readonly cardId: string; readonly title: Localized }
  | { readonly kind: 'card-restored'; readonly cardId: string; readonly title: Localized }
  | {
      readonly kind: 'card-fields-changed';
      readonly cardId: string;
      readonly title: Localized;
      readonly fields: readonly CardDiffField[];
    }
  | {
      readonly kind: 'card-status-changed';
      readonly cardId: string;
      readonly title: Localized;
      readonly from: CheckinStatus | null;
      readonly to: CheckinStatus | null;
    }
  | {
      readonly kind: 'card-checked-in';
      readonly cardId: string;
      readonly title: Localized;
      readonly checkinIds: readonly string[];
    }
  | { readonly kind: 'item-added'; readonly itemId: string; readonly label: Localized }
  | { readonly kind: 'item-removed'; readonly itemId: string; readonly label: Localized }
  | {
      readonly kind: 'item-changed';
      readonly itemId: string;
      readonly label: Localized;
      readonly fields: readonly ItemDiffField[];
    }
  | {
      readonly kind: 'annotations-changed';
      readonly added: number;
      readonly removed: number;
      readonly changed: number;
      readonly schemaChanged: boolean;
    };

export type ChangeKind = Change['kind'];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function byId<T extends { readonly id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((entry) => [entry.id, entry]));
}

/**
 * Ids whose position changed, given two sequences of the same ids: everything outside one
 * longest increasing subsequence. Swapping two neighbours reports one record, not both.
 */
function reordered(before: readonly string[], after: readonly string[]): Set<string> {
  const common = new Set(before.filter((id) => after.includes(id)));
  const rank = new Map(before.filter((id) => common.has(id)).map((id, index) => [id, index]));
  const sequence = after.filter((id) => common.has(id));
  const ranks = sequence.map((id) => rank.get(id) ?? 0);
  // Patience sorting, O(n log n); `previous` rebuilds one longest subsequence.
  const tails: number[] = [];
  const previous: number[] = new Array(ranks.length).fill(-1);
  ranks.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((ranks[tails[mid] ?? 0] ?? 0) < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[index] = tails[low - 1] ?? -1;
    tails[low] = index;
  });
  const kept = new Set<string>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index] ?? -1) {
    kept.add(sequence[index] ?? '');
  }
  return new Set(sequence.filter((id) => !kept.has(id)));
}

const asRoadmap = (input: Roadmap | Y.Doc): Roadmap =>
  input instanceof Y.Doc ? toJSON(input) : input;

/**
 * Semantic changes from `a` to `b` (two roadmap documents or docs), in a stable order: board,
 * lanes, phases, periods, cards, items, annotations; within each, in `b`'s board order followed
 * by records that only exist in `a`.
 */
export function diff(aInput: Roadmap | Y.Doc, bInput: Roadmap | Y.Doc): Change[] {
  const a = asRoadmap(aInput);
  const b = asRoadmap(bInput);
  const changes: Change[] = [];

  if (!sameText(a.board.title, b.board.title)) {
    changes.push({ kind: 'board-renamed', from: a.board.title, to: b.board.title });
  }
  const settingFields = (
    Object.keys(b.board.settings) as (keyof Roadmap['board']['settings'])[]
  ).filter((key) => a.board.settings[key] !== b.board.settings[key]);
  if (settingFields.length > 0)
    changes.push({ kind: 'board-settings-changed', fields: settingFields });

  // Lanes.
  const aDomains = byId(a.domains);
  const bDomains = byId(b.domains);
  const movedLanes = reordered(
    a.domains.map((d) => d.id),
    b.domains.map((d) => d.id),
  );
  for (const domain of b.domains) {
    const before = aDomains.get(domain.id);
    if (before === undefined) {
      changes.push({ kind: 'domain-added', domainId: domain.id, label: domain.label });
      continue;
    }
    if (!sameText(before.label, domain.label)) {
      changes.push({
        kind: 'domain-renamed',
        domainId: domain.id,
        from: before.label,
        to: domain.label,
      });
    }
    if (movedLanes.has(domain.id)) {
      changes.push({ kind: 'domain-reordered', domainId: domain.id, label: domain.label });
    }
    if (before.colour !== domain.colour) {
      changes.push({
        kind: 'domain-recoloured',
        domainId: domain.id,
        label: domain.label,
        from: before.colour,
        to: domain.colour,
      });
    }
  }
  for (const domain of a.domains) {
    if (!bDomains.has(domain.id)) {
      changes.push({ kind: 'domain-removed', domainId: domain.id, label: domain.label });
    }
  }

  // Phases and periods.
  const aPhases = byId(a.phases);
  const bPhases = byId(b.phases);
  for (const phase of b.phases) {
    const before = aPhases.get(phase.id);
    if (before === undefined) {
      changes.push({ kind: 'phase-added', phaseId: phase.id, label: phase.label });
      continue;
    }
    if (!sameText(before.label, phase.label)) {
      changes.push({
        kind: 'phase-renamed',
        phaseId: phase.id,
        from: before.label,
        to: phase.label,
      });
    }
    if (before.start !== phase.start || before.end !== phase.end) {
      changes.push({
        kind: 'phase-dates-changed',
        phaseId: phase.id,
        label: phase.label,
        from: { start: before.start, end: before.end },
        to: { start: phase.start, end: phase.end },
      });
    }
  }
  for (const phase of a.phases) {
    if (!bPhases.has(phase.id))
      changes.push({ kind: 'phase-removed', phaseId: phase.id, label: phase.label });
  }
  const periodsOf = (roadmap: Roadmap) =>
    roadmap.phases.flatMap((phase) =>
      phase.periods.map((period) => ({ ...period, phaseId: phase.id })),
    );
  const aPeriods = byId(periodsOf(a));
  const bPeriods = byId(periodsOf(b));
  for (const period of bPeriods.values()) {
    const before = aPeriods.get(period.id);
    if (before === undefined) {
      changes.push({
        kind: 'period-added',
        periodId: period.id,
        phaseId: period.phaseId,
        label: period.label,
      });
    } else if (!sameText(before.label, period.label)) {
      changes.push({
        kind: 'period-renamed',
        periodId: period.id,
        from: before.label,
        to: period.label,
      });
    }
  }
  for (const period of aPeriods.values()) {
    if (!bPeriods.has(period.id)) {
      changes.push({
        kind: 'period-removed',
        periodId: period.id,
        phaseId: period.phaseId,
        label: period.label,
      });
    }
  }

  // Cards.
  const cellRef = (roadmap: Roadmap, card: RoadmapCard): CellRef => ({
    domainId: card.domainId,
    phaseId: card.phaseId,
    domain: roadmap.domains.find((d) => d.id === card.domainId)?.label ?? { fr: '', en: '' },
    phase: roadmap.phases.find((p) => p.id === card.phaseId)?.label ?? { fr: '', en: '' },
  });
  const cellKey = (card: RoadmapCard) => `${card.domainId}\u0000${card.phaseId}`;
  const visibleByCell = (roadmap: Roadmap) => {
    const cells = new Map<string, string[]>();
    for (const card of roadmap.cards) {
      if (card.archived) continue;
      cells.set(cellKey(card), [...(cells.get(cellKey(card)) ?? []), card.id]);
    }
    return cells;
  };
  const aCells = visibleByCell(a);
  const bCells = visibleByCell(b);
  const reorderedCards = new Set<string>();
  for (const [key, ids] of bCells) {
    for (const id of reordered(aCells.get(key) ?? [], ids)) reorderedCards.add(id);
  }
  const aCards = byId(a.cards);
  const bCards = byId(b.cards);
  for (const card of b.cards) {
    const before = aCards.get(card.id);
    const base = { cardId: card.id, title: card.title };
    if (before === undefined) {
      changes.push({ kind: 'card-added', ...base, to: cellRef(b, card) });
      continue;
    }
    if (!sameText(before.title, card.title)) {
      changes.push({ kind: 'card-renamed', cardId: card.id, from: before.title, to: card.title });
    }
    if (cellKey(before) !== cellKey(card)) {
      changes.push({ kind: 'card-moved', ...base, from: cellRef(a, before), to: cellRef(b, card) });
    } else if (reorderedCards.has(card.id) && !before.archived) {
      changes.push({ kind: 'card-reordered', ...base, cell: cellRef(b, card) });
    }
    if (before.archived !== card.archived) {
      changes.push({ kind: card.archived ? 'card-archived' : 'card-restored', ...base });
    }
    const fields = CARD_DIFF_FIELDS.filter((field) => !same(before[field], card[field]));
    if (fields.length > 0) changes.push({ kind: 'card-fields-changed', ...base, fields });
    const from = before.latestStatus?.status ?? null;
    const to = card.latestStatus?.status ?? null;
    if (from !== to) changes.push({ kind: 'card-status-changed', ...base, from, to });
    const known = new Set(before.checkins.map((checkin) => checkin.id));
    const added = card.checkins
      .filter((checkin) => !known.has(checkin.id))
      .map((checkin) => checkin.id);
    if (added.length > 0) changes.push({ kind: 'card-checked-in', ...base, checkinIds: added });
  }
  for (const card of a.cards) {
    if (!bCards.has(card.id)) {
      changes.push({
        kind: 'card-removed',
        cardId: card.id,
        title: card.title,
        from: cellRef(a, card),
      });
    }
  }

  // Roadmap items.
  const aItems = byId(a.items);
  const bItems = byId(b.items);
  for (const item of b.items) {
    const before = aItems.get(item.id);
    if (before === undefined) {
      changes.push({ kind: 'item-added', itemId: item.id, label: item.label });
      continue;
    }
    const fields = ITEM_DIFF_FIELDS.filter((field) => !same(before[field], item[field]));
    if (fields.length > 0)
      changes.push({ kind: 'item-changed', itemId: item.id, label: item.label, fields });
  }
  for (const item of a.items) {
    if (!bItems.has(item.id))
      changes.push({ kind: 'item-removed', itemId: item.id, label: item.label });
  }

  // Annotations: counted only; the model does not interpret tldraw records.
  const aRecords = a.annotations.records;
  const bRecords = b.annotations.records;
  let added = 0;
  let changed = 0;
  let removed = 0;
  for (const id of Object.keys(bRecords)) {
    if (!(id in aRecords)) added++;
    else if (!same(aRecords[id], bRecords[id])) changed++;
  }
  for (const id of Object.keys(aRecords)) if (!(id in bRecords)) removed++;
  const schemaChanged = !same(a.annotations.schema, b.annotations.schema);
  if (added + changed + removed > 0 || schemaChanged) {
    changes.push({ kind: 'annotations-changed', added, removed, changed, schemaChanged });
  }
  return changes;
}
