import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Logger } from 'pino';
import { AuthError } from '../auth/AuthError.ts';
import type { LiveEvent, LiveEvents, LiveStream } from '../notifications/LiveEvents.ts';
import { type AuthEnv, currentUser } from './authRoutes.ts';
import { sessionToken } from './sessionCookie.ts';

export interface EventRouteDeps {
  live: LiveEvents;
  logger: Logger;
  /** A comment line this often keeps proxies from closing an idle stream. */
  keepAliveMs?: number;
}

/**
 * `GET /events`: the signed-in person's live events as Server-Sent Events (`comments` for the
 * boards they may read, `notifications` with their unread count).
 */
export function eventRoutes(deps: EventRouteDeps) {
  const { live, logger } = deps;
  const keepAliveMs = deps.keepAliveMs ?? 25_000;
  const app = new Hono<AuthEnv>();

  app.get('/events', (c) => {
    const user = currentUser(c);
    const token = sessionToken(c) ?? '';
    if (!live.hasRoom(user.id)) {
      logger.info({ user: user.id }, 'event stream refused: too many open');
      throw tooManyStreams();
    }
    // A reverse proxy that buffers responses (nginx) would hold the events back.
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let ended: () => void = () => {};
      const done = new Promise<void>((resolve) => {
        ended = resolve;
      });
      // Writes are chained so events never interleave with each other or the keep-alive.
      let writing: Promise<void> = Promise.resolve();
      const write = (fn: () => Promise<unknown>) => {
        writing = writing.then(fn).then(
          () => {},
          () => ended(),
        );
      };
      const entry: LiveStream = {
        userId: user.id,
        isAdmin: user.isAdmin,
        token,
        send: (event: LiveEvent) =>
          write(() => stream.writeSSE({ event: event.event, data: JSON.stringify(event.data) })),
        close: () => ended(),
      };
      if (!live.add(entry)) {
        // Another stream of the same person opened in between.
        await stream.writeSSE({
          event: 'error',
          data: JSON.stringify({ error: 'too many open streams', errorFr: 'trop de flux ouverts' }),
        });
        return;
      }
      stream.onAbort(() => ended());
      const timer = setInterval(() => write(() => stream.write(': keep-alive\n\n')), keepAliveMs);
      try {
        // Opens the stream at once (a proxy that buffers waits for the first bytes).
        write(() => stream.write(': open\n\n'));
        await done;
      } finally {
        clearInterval(timer);
        live.remove(entry);
      }
    });
  });

  return app;
}

export const tooManyStreams = () =>
  new AuthError(429, 'too-many-streams', {
    en: 'Too many live event streams are open for this account.',
    fr: 'Trop de flux d’événements sont ouverts pour ce compte.',
  });
