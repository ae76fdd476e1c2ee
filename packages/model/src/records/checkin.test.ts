import { describe, expect, it } from 'vitest';
import { templateRoadmap } from '../template/templateRoadmap.ts';
import { validateCard } from './card.ts';
import { isStale, type StatusSummary } from './checkin.ts';

const DAY = 86_400_000;
const created = '2026-01-01T00:00:00Z';
const at = (days: number) => new Date(Date.parse(created) + days * DAY);
const checkedIn = (iso: string): StatusSummary => ({
  checkinId: 'k',
  status: 'on-track',
  progress: null,
  summary: { fr: '', en: '' },
  nextMilestone: null,
  author: 'A',
  at: iso,
});

describe('isStale', () => {
  it('counts from the card’s creation until its first check-in', () => {
    const card = { latestStatus: null, createdAt: created };
    expect(isStale(card, 60, at(0))).toBe(false);
    expect(isStale(card, 60, at(59))).toBe(false);
    expect(isStale(card, 60, at(61))).toBe(true);
  });

  it('then from its latest check-in', () => {
    const card = { latestStatus: checkedIn(at(50).toISOString()), createdAt: created };
    expect(isStale(card, 60, at(100))).toBe(false);
    expect(isStale(card, 60, at(111))).toBe(true);
  });

  it('never from nothing: a card of unknown creation without check-in is not overdue', () => {
    expect(isStale({ latestStatus: null, createdAt: null }, 1, at(5000))).toBe(false);
    const old = { latestStatus: checkedIn(created), createdAt: null };
    expect(isStale(old, 60, at(61))).toBe(true);
  });

  it('a board made from the template has no overdue card on its first day', () => {
    const now = new Date();
    const { cards } = templateRoadmap(now.toISOString());
    expect(cards.filter((c) => isStale(c, 60, now))).toEqual([]);
    expect(cards.filter((c) => isStale(c, 60, new Date(now.getTime() + 61 * DAY)))).toEqual(cards);
  });
});

describe('card creation time', () => {
  const base = { ...templateRoadmap().cards[0] } as Record<string, unknown>;
  delete base.checkins;
  delete base.latestStatus;

  it('is optional in files from before it was recorded, and must be a UTC timestamp', () => {
    const { createdAt: _absent, ...older } = base;
    expect(validateCard(older).createdAt).toBeNull();
    expect(validateCard({ ...base, createdAt: created }).createdAt).toBe(created);
    expect(() => validateCard({ ...base, createdAt: 'yesterday' })).toThrow();
  });
});
