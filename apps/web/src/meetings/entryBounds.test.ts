import { templateRoadmap } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { computeLayout } from '../board/layout.ts';
import { currentEntry, targetBounds } from './entryBounds.ts';
import type { AgendaEntry, Meeting } from './meetingApi.ts';

describe('where an agenda entry is on the canvas', () => {
  const roadmap = templateRoadmap();
  const layout = computeLayout(roadmap);

  it('is a card’s box, an item’s bar or a domain’s lane', () => {
    const card = [...layout.cards.values()][0]!;
    expect(targetBounds(layout, { kind: 'card', id: card.cardId })).toEqual({
      x: card.x,
      y: card.y,
      w: card.w,
      h: card.h,
    });
    const item = [...layout.items.values()][0];
    if (item) {
      expect(targetBounds(layout, { kind: 'item', id: item.itemId })).toMatchObject({
        x: item.x,
        y: item.y,
      });
    }
    const lane = layout.lanes[1]!;
    expect(targetBounds(layout, { kind: 'domain', id: lane.domainId })).toEqual({
      x: 0,
      y: lane.y,
      w: layout.width,
      h: lane.h,
    });
  });

  it('is nowhere for a gone target or an entry without one', () => {
    expect(targetBounds(layout, { kind: 'card', id: 'gone' })).toBeNull();
    expect(targetBounds(layout, { kind: 'domain', id: 'gone' })).toBeNull();
    expect(targetBounds(layout, null)).toBeNull();
  });
});

describe('the current entry', () => {
  const entry = (id: string): AgendaEntry => ({
    id,
    title: { fr: id, en: id },
    target: null,
    minutes: null,
    reason: null,
  });
  const meeting = (currentEntryId: string | null) =>
    ({ agenda: [entry('a'), entry('b'), entry('c')], currentEntryId }) as unknown as Meeting;

  it('knows its neighbours', () => {
    const { entry: now, index, previous, next } = currentEntry(meeting('b'));
    expect([now?.id, index, previous?.id, next?.id]).toEqual(['b', 1, 'a', 'c']);
    expect(currentEntry(meeting('c')).next).toBeNull();
    expect(currentEntry(meeting('a')).previous).toBeNull();
  });

  it('starts the agenda when none is shown', () => {
    const { entry: now, previous, next } = currentEntry(meeting(null));
    expect([now, previous, next?.id]).toEqual([null, null, 'a']);
  });
});
