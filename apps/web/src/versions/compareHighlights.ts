import type { Change, Localized, Roadmap, RoadmapCard } from '@fdr/model';
import { type BoardLayout, computeLayout } from '../board/layout.ts';

/** What a changed card is labelled with on the canvas (its text says it; colour only repeats). */
export type Badge =
  | 'moved'
  | 'added'
  | 'renamed'
  | 'status'
  | 'checkin'
  | 'edited'
  | 'reordered'
  | 'restored';

/** A place a card left, drawn as a dashed outline in its old cell. */
export interface Ghost {
  /** Key of its slot in the layout (never a card id, so the projection ignores it). */
  slotId: string;
  cardId: string;
  title: Localized;
  kind: 'moved' | 'archived' | 'removed';
}

/** What a changed roadmap item's bar is labelled with. */
export type ItemBadge = 'added' | 'moved' | 'respanned' | 'edited';

export interface Highlights {
  /** Cards of the shown roadmap with their labels, in the order the labels are read. */
  badges: Map<string, Badge[]>;
  ghosts: Ghost[];
  /** Roadmap items of the shown roadmap that were added, moved, re-spanned or edited. */
  itemBadges: Map<string, ItemBadge[]>;
}

const BADGE: Partial<Record<Change['kind'], Badge>> = {
  'card-moved': 'moved',
  'card-added': 'added',
  'card-renamed': 'renamed',
  'card-status-changed': 'status',
  'card-checked-in': 'checkin',
  'card-fields-changed': 'edited',
  'card-reordered': 'reordered',
  'card-restored': 'restored',
};

export const ghostSlot = (cardId: string) => `ghost~${cardId}`;

/**
 * Reads a comparison (`changes` from `from` to `to`, the roadmap shown) as canvas highlights:
 * labels on the cards that changed, and a ghost in the old cell of each card that moved, was
 * archived or deleted.
 */
export function compareHighlights(changes: readonly Change[], from: Roadmap): Highlights {
  const badges = new Map<string, Badge[]>();
  const ghosts: Ghost[] = [];
  const before = new Map(from.cards.map((card) => [card.id, card]));
  for (const change of changes) {
    const badge = BADGE[change.kind];
    if (badge && 'cardId' in change) {
      const list = badges.get(change.cardId) ?? [];
      if (!list.includes(badge)) list.push(badge);
      badges.set(change.cardId, list);
    }
    if (
      change.kind === 'card-moved' ||
      change.kind === 'card-archived' ||
      change.kind === 'card-removed'
    ) {
      const old = before.get(change.cardId);
      // A card archived in the older state left no place to mark.
      if (!old || old.archived) continue;
      ghosts.push({
        slotId: ghostSlot(change.cardId),
        cardId: change.cardId,
        title: change.title,
        kind:
          change.kind === 'card-moved'
            ? 'moved'
            : change.kind === 'card-archived'
              ? 'archived'
              : 'removed',
      });
    }
  }
  return { badges, ghosts, itemBadges: itemHighlights(changes) };
}

/**
 * Moved: another domain; re-spanned: another first or last period; edited: a new label or any
 * other field. The diff tells each of these as a change of its own, so one item may collect
 * several badges.
 */
export function itemHighlights(changes: readonly Change[]): Map<string, ItemBadge[]> {
  const out = new Map<string, ItemBadge[]>();
  const add = (itemId: string, badge: ItemBadge) => {
    const list = out.get(itemId);
    if (!list) out.set(itemId, [badge]);
    else if (!list.includes(badge)) list.push(badge);
  };
  for (const change of changes) {
    if (change.kind === 'item-added') add(change.itemId, 'added');
    else if (change.kind === 'item-moved') add(change.itemId, 'moved');
    else if (change.kind === 'item-respanned') add(change.itemId, 'respanned');
    else if (change.kind === 'item-renamed' || change.kind === 'item-changed')
      add(change.itemId, 'edited');
  }
  return out;
}

/**
 * The layout of the shown roadmap with room for the ghosts: each takes a slot in its old cell, at
 * its old place in the order, so the cards around it do not cover it.
 */
export function layoutWithGhosts(
  shown: Roadmap,
  from: Roadmap,
  ghosts: readonly Ghost[],
): BoardLayout {
  if (ghosts.length === 0) return computeLayout(shown);
  const before = new Map(from.cards.map((card) => [card.id, card]));
  const domains = new Set(shown.domains.map((d) => d.id));
  const phases = new Set(shown.phases.map((p) => p.id));
  const extra: RoadmapCard[] = [];
  for (const ghost of ghosts) {
    const old = before.get(ghost.cardId);
    // Its old lane or phase may be gone from the shown state: nowhere to draw it then.
    if (!old || !domains.has(old.domainId) || !phases.has(old.phaseId)) continue;
    extra.push({
      ...old,
      id: ghost.slotId,
      archived: false,
      periodIds: [],
      checkins: [],
      latestStatus: null,
    });
  }
  return computeLayout({ ...shown, cards: [...shown.cards, ...extra] });
}
