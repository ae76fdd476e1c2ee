import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { User } from '../auth/AccountStore.ts';
import { createLogger } from '../logger.ts';
import { LiveEvents } from '../notifications/LiveEvents.ts';
import type { AuthEnv } from './authRoutes.ts';
import { eventRoutes } from './eventRoutes.ts';

const quiet = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
const user: User = { id: 'u1', email: 'u1@example.ca', name: 'U', isAdmin: false, createdAt: 0 };

describe('GET /events', () => {
  it('sends a keep-alive comment line on its interval, and events as they come', async () => {
    const live = new LiveEvents({
      logger: quiet,
      readers: async () => new Set(),
      maxStreamsPerUser: 1,
    });
    const app = new Hono<AuthEnv>();
    app.use(async (c, next) => {
      c.set('user', user);
      await next();
    });
    app.route('/', eventRoutes({ live, logger: quiet, keepAliveMs: 30 }));
    const res = await app.request('/events');
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while ((text.match(/: keep-alive/g) ?? []).length < 2) text += (await reader.read()).value;
    expect(text.startsWith(': open\n\n')).toBe(true);
    live.toUser('u1', { event: 'notifications', data: { unread: 3 } });
    while (!text.includes('event: notifications')) text += (await reader.read()).value;
    expect(text).toContain('event: notifications\ndata: {"unread":3}\n\n');
    expect(live.size).toBe(1);
    // The cap: this person's one stream is open (the full server answers 429).
    expect(live.hasRoom('u1')).toBe(false);
    await live.close();
    await reader.cancel();
  });
});
