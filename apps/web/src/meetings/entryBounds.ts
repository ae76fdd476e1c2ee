import type { BoardLayout } from '../board/layout.ts';
import type { Meeting, MeetingTarget } from './meetingApi.ts';

export interface PageBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where on the canvas an agenda entry's target is, from the board's layout: a card's box, an
 * item's bar, a domain's whole lane. Null when the target is gone (archived, removed) or the
 * entry points at nothing: the camera then stays where it is.
 */
export function targetBounds(layout: BoardLayout, target: MeetingTarget | null): PageBox | null {
  if (!target) return null;
  if (target.kind === 'card') {
    const card = layout.cards.get(target.id);
    return card ? { x: card.x, y: card.y, w: card.w, h: card.h } : null;
  }
  if (target.kind === 'item') {
    const item = layout.items.get(target.id);
    return item ? { x: item.x, y: item.y, w: item.w, h: item.h } : null;
  }
  const lane = layout.lanes.find((l) => l.domainId === target.id);
  return lane ? { x: 0, y: lane.y, w: layout.width, h: lane.h } : null;
}

/** The live meeting's current entry, its place in the agenda and its neighbours. */
export function currentEntry(meeting: Meeting) {
  const index = meeting.agenda.findIndex((e) => e.id === meeting.currentEntryId);
  return {
    entry: index >= 0 ? meeting.agenda[index]! : null,
    index,
    previous: index > 0 ? meeting.agenda[index - 1]! : null,
    // With no entry shown yet, "next" starts the agenda.
    next: meeting.agenda[index + 1] ?? null,
  };
}
