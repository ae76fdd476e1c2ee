import { describe, expect, it } from 'vitest';
import { LiveDispatcher, parseLiveEvent } from './liveEvents.ts';

describe('live events', () => {
  it('reads the data each event promises', () => {
    expect(
      parseLiveEvent('comments', '{"boardId":"b1","targetKind":"card","targetId":"c1","x":1}'),
    ).toEqual({ boardId: 'b1', targetKind: 'card', targetId: 'c1' });
    expect(
      parseLiveEvent('comments', '{"boardId":"b1","targetKind":"item","targetId":"i"}'),
    ).toEqual({ boardId: 'b1', targetKind: 'item', targetId: 'i' });
    expect(parseLiveEvent('notifications', '{"unread":3}')).toEqual({ unread: 3 });
    expect(parseLiveEvent('notifications', '{"unread":0}')).toEqual({ unread: 0 });
    expect(parseLiveEvent('meetings', '{"boardId":"b1","meetingId":"m1"}')).toEqual({
      boardId: 'b1',
      meetingId: 'm1',
    });
    expect(parseLiveEvent('meetings', '{"boardId":"b1","meetingId":null}')).toEqual({
      boardId: 'b1',
      meetingId: null,
    });
  });

  it('refuses what is not that', () => {
    for (const raw of ['', 'not json', 'null', '3', '"x"', '[]', '{}']) {
      expect(parseLiveEvent('comments', raw), raw).toBeNull();
      expect(parseLiveEvent('notifications', raw), raw).toBeNull();
    }
    expect(parseLiveEvent('comments', '{"boardId":"b","targetKind":"shape","targetId":"c"}')).toBe(
      null,
    );
    expect(parseLiveEvent('comments', '{"boardId":"","targetKind":"card","targetId":"c"}')).toBe(
      null,
    );
    expect(parseLiveEvent('comments', '{"boardId":"b","targetKind":"card","targetId":7}')).toBe(
      null,
    );
    for (const raw of [
      '{"boardId":"b"}',
      '{"boardId":"","meetingId":"m"}',
      '{"boardId":"b","meetingId":3}',
    ]) {
      expect(parseLiveEvent('meetings', raw), raw).toBeNull();
    }
    for (const unread of ['-1', '1.5', '"3"', 'null', '1e400']) {
      expect(parseLiveEvent('notifications', `{"unread":${unread}}`), unread).toBeNull();
    }
  });

  it('hands an event to the subscribers of its kind only, until they leave', () => {
    const live = new LiveDispatcher();
    const counts: number[] = [];
    const threads: string[] = [];
    const offA = live.add('notifications', (data) => counts.push(data.unread));
    const offB = live.add('notifications', (data) => counts.push(data.unread * 10));
    live.add('comments', (data) => threads.push(data.targetId));
    expect(live.size).toBe(3);

    expect(live.dispatch('notifications', '{"unread":2}')).toBe(true);
    expect(counts).toEqual([2, 20]);
    expect(threads).toEqual([]);

    offA();
    offA();
    expect(live.size).toBe(2);
    live.dispatch('notifications', '{"unread":1}');
    expect(counts).toEqual([2, 20, 10]);

    expect(live.dispatch('comments', '{"boardId":"b","targetKind":"card","targetId":"c9"}')).toBe(
      true,
    );
    expect(threads).toEqual(['c9']);

    // A malformed event reaches nobody.
    expect(live.dispatch('notifications', '{"unread":"many"}')).toBe(false);
    expect(counts).toEqual([2, 20, 10]);
    offB();
    expect(live.size).toBe(1);
  });

  it('the same function subscribed twice is two subscriptions', () => {
    const live = new LiveDispatcher();
    const seen: number[] = [];
    const fn = (data: { unread: number }) => seen.push(data.unread);
    const off1 = live.add('notifications', fn);
    live.add('notifications', fn);
    live.dispatch('notifications', '{"unread":4}');
    expect(seen).toEqual([4, 4]);
    off1();
    live.dispatch('notifications', '{"unread":5}');
    expect(seen).toEqual([4, 4, 5]);
  });
});
