import { describe, expect, it } from 'vitest';
import { createLiveHub, type EventSourceLike, parseLiveEvent } from './liveEvents.ts';

/** A stand-in for the browser's EventSource: the test plays the server. */
class FakeSource implements EventSourceLike {
  onerror: ((event: Event) => void) | null = null;
  onopen: ((event: Event) => void) | null = null;
  closed = false;
  private handlers = new Map<string, ((event: MessageEvent) => void)[]>();
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: string) {
    for (const handler of this.handlers.get(type) ?? []) handler({ data } as MessageEvent);
  }
}

function setup() {
  const sources: FakeSource[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const hub = createLiveHub(
    (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    '/api/events',
    (fn, ms) => {
      timers.push({ fn, ms });
      return timers.length;
    },
    () => {},
  );
  return { hub, sources, timers };
}

describe('live events', () => {
  it('reads only well-formed events', () => {
    expect(
      parseLiveEvent('comments', '{"boardId":"b","targetKind":"card","targetId":"c","x":1}'),
    ).toEqual({ boardId: 'b', targetKind: 'card', targetId: 'c' });
    expect(parseLiveEvent('comments', '{"boardId":"b","targetKind":"doc","targetId":"c"}')).toBe(
      null,
    );
    expect(parseLiveEvent('comments', 'not json')).toBe(null);
    expect(parseLiveEvent('comments', 'null')).toBe(null);
    expect(parseLiveEvent('notifications', '{"unread":3}')).toEqual({ unread: 3 });
    expect(parseLiveEvent('notifications', '{"unread":"3"}')).toBe(null);
    expect(parseLiveEvent('notifications', '{"unread":-1}')).toBe(null);
  });

  it('shares one stream among subscribers and closes it with the last', () => {
    const { hub, sources } = setup();
    const comments: unknown[] = [];
    const unread: number[] = [];
    const stopA = hub.subscribe('comments', (data) => comments.push(data));
    const stopB = hub.subscribe('notifications', (data) => unread.push(data.unread));
    expect(sources).toHaveLength(1);
    expect(sources[0]!.url).toBe('/api/events');
    sources[0]!.emit('comments', '{"boardId":"b","targetKind":"item","targetId":"i"}');
    sources[0]!.emit('notifications', '{"unread":2}');
    sources[0]!.emit('notifications', 'garbage');
    expect(comments).toEqual([{ boardId: 'b', targetKind: 'item', targetId: 'i' }]);
    expect(unread).toEqual([2]);
    stopA();
    expect(sources[0]!.closed).toBe(false);
    stopB();
    expect(sources[0]!.closed).toBe(true);
    hub.subscribe('comments', () => {});
    expect(sources).toHaveLength(2);
  });

  it('keeps dispatching when one subscriber throws', () => {
    const { hub, sources } = setup();
    const seen: number[] = [];
    hub.subscribe('notifications', () => {
      throw new Error('boom');
    });
    hub.subscribe('notifications', (data) => seen.push(data.unread));
    sources[0]!.emit('notifications', '{"unread":1}');
    expect(seen).toEqual([1]);
  });

  it('reopens a failed stream after a growing delay, and not once nobody listens', () => {
    const { hub, sources, timers } = setup();
    const stop = hub.subscribe('comments', () => {});
    sources[0]!.onerror?.(new Event('error'));
    expect(sources[0]!.closed).toBe(true);
    expect(timers).toHaveLength(1);
    timers[0]!.fn();
    expect(sources).toHaveLength(2);
    sources[1]!.onerror?.(new Event('error'));
    expect(timers[1]!.ms).toBeGreaterThan(timers[0]!.ms / 2);
    expect(timers[1]!.ms).toBeGreaterThanOrEqual(500);
    timers[1]!.fn();
    sources[2]!.onopen?.(new Event('open'));
    stop();
    expect(sources[2]!.closed).toBe(true);
    sources[2]!.onerror?.(new Event('error'));
    expect(timers).toHaveLength(2);
  });
});
