import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Histogram } from 'node:perf_hooks';
import { type BoardRole, canAdminister, canEdit } from '@fdr/model';
import { upgradeWebSocket } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { User } from './auth/AccountStore.ts';
import type { Auth } from './auth/Auth.ts';
import { AuthError } from './auth/AuthError.ts';
import type { SecondFactor } from './auth/mfa/SecondFactor.ts';
import type { OidcClient } from './auth/OidcClient.ts';
import { CommentStore } from './comments/CommentStore.ts';
import type { Config } from './config.ts';
import { type AuthEnv as AuthRoutesEnv, authRoutes } from './http/authRoutes.ts';
import { BOARD_ID } from './http/boardId.ts';
import { boardRoutes } from './http/boardRoutes.ts';
import { checkinRoutes } from './http/checkinRoutes.ts';
import { commentRoutes } from './http/commentRoutes.ts';
import { eventRoutes } from './http/eventRoutes.ts';
import { isOriginAllowed } from './http/isOriginAllowed.ts';
import { mailRoutes } from './http/mailRoutes.ts';
import { meetingRoutes } from './http/meetingRoutes.ts';
import { mfaRoutes } from './http/mfaRoutes.ts';
import { notificationRoutes } from './http/notificationRoutes.ts';
import { oidcRoutes } from './http/oidcRoutes.ts';
import { placeholderPage } from './http/placeholderPage.ts';
import { publicConfig } from './http/publicConfig.ts';
import { sessionToken, sessionTokenFromHeader } from './http/sessionCookie.ts';
import { versionRoutes } from './http/versionRoutes.ts';
import type { MailService } from './mail/MailService.ts';
import { MeetingStore } from './meetings/MeetingStore.ts';
import { meetingLimits } from './meetings/meetingInput.ts';
import type { Metrics } from './metrics/createMetrics.ts';
import { metricsRoute } from './metrics/metricsRoute.ts';
import { LiveEvents } from './notifications/LiveEvents.ts';
import { NotificationStore } from './notifications/NotificationStore.ts';
import type { Storage } from './storage/Storage.ts';
import type { BoardRegistry } from './sync/BoardRegistry.ts';
import type { KeepAlive } from './sync/KeepAlive.ts';
import { SyncConnection } from './sync/SyncConnection.ts';
import type { Versions } from './versions/Versions.ts';

export interface AppDeps {
  config: Config;
  auth: Auth;
  versions: Versions;
  /** The origin people use (PUBLIC_URL, else the listening address). */
  publicUrl: () => string;
  storage: Storage;
  registry: BoardRegistry;
  logger: Logger;
  connections: KeepAlive<SyncConnection>;
  /** Event-loop delay samples taken every `resolutionMs`. */
  eventLoop?: { histogram: Histogram; resolutionMs: number };
  /** Present when METRICS is on: served at `/metrics` to bearers of METRICS_TOKEN. */
  metrics?: Metrics;
  /** Present when single sign-on is configured (OIDC_ISSUER). */
  oidc?: OidcClient;
  /** The second factor's routes (mfaRoutes.ts); absent in tests of other parts. */
  secondFactor?: SecondFactor;
  /** The hub of live events (shared with the server, which relays it); else one of its own. */
  live?: LiveEvents;
  /** Whether mentions and replies are mailed (mail configured); off by default. */
  mailEnabled?: boolean;
  /** Outgoing mail (preferences, unsubscribe, outbox, reminders); absent in tests of other parts. */
  mail?: MailService;
}

type AuthEnv = {
  Variables: AuthRoutesEnv['Variables'] & { sync: { user: User; role: BoardRole; token: string } };
};

/** Builds the HTTP app from its dependencies; tests call `app.request` without a socket. */
export function createApp(deps: AppDeps) {
  const { config, storage, registry, logger, connections, eventLoop, auth, metrics } = deps;
  const app = new Hono<AuthEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Websocket upgrades are logged by their connection; health checks and scrapes would drown
    // the log (a refused scrape is logged).
    if (c.req.path === '/healthz' || c.req.header('upgrade')) return;
    if (c.req.path === '/metrics' && c.res.status === 200) return;
    logger.info(
      {
        req: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: (c) =>
        c.json(
          {
            error: `request body over ${config.maxBodyBytes} bytes`,
            errorFr: `corps de requête de plus de ${config.maxBodyBytes} octets`,
          },
          413,
        ),
    }),
  );
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
      },
    }),
  );

  app.get('/healthz', async (c) => {
    try {
      await storage.ping();
    } catch (error) {
      logger.error({ err: error }, 'health check: storage unavailable');
      return c.json({ status: 'error', storage: 'unavailable' }, 503);
    }
    return c.json({
      status: 'ok',
      boards: registry.size,
      connections: connections.size,
      ...(eventLoop
        ? {
            // Each sample spans the sampling interval; the delay is what exceeds it.
            eventLoopDelayMs: {
              p99: lagMs(eventLoop.histogram.percentile(99), eventLoop.resolutionMs),
              max: lagMs(eventLoop.histogram.max, eventLoop.resolutionMs),
            },
          }
        : {}),
      rssBytes: process.memoryUsage.rss(),
    });
  });

  if (metrics) app.get('/metrics', metricsRoute(metrics.registry, config.metricsToken));
  // Off, it is a plain 404, even where the web app's shell answers every other unknown path.
  else app.get('/metrics', (c) => c.json({ error: 'not found', errorFr: 'introuvable' }, 404));

  app.use('/api/*', async (c, next) => {
    // State-changing calls must come from our own pages (defence in depth beside SameSite).
    // An unsubscribe link is its own authority (a signed token, no cookie used): mail clients
    // post it (RFC 8058) and our confirm page's form posts with `Origin: null`.
    const unsubscribe = c.req.path === '/api/mail/unsubscribe';
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && !unsubscribe) {
      const origin = c.req.header('origin');
      if (
        origin !== undefined &&
        !isOriginAllowed(origin, c.req.header('host'), config.allowedOrigins)
      ) {
        return c.json({ error: 'origin not allowed', errorFr: 'origine non autorisée' }, 403);
      }
    }
    c.set('user', await auth.userForToken(sessionToken(c)));
    await next();
  });
  app.route(
    '/api',
    authRoutes({
      auth,
      registry,
      storage,
      publicUrl: deps.publicUrl,
      trustProxyHops: config.trustProxyHops,
      ...(deps.mail ? { mail: deps.mail } : {}),
      ...(deps.oidc
        ? {
            ssoLogoutUrl: (idToken: string) => deps.oidc!.logoutUrl(idToken, deps.publicUrl()),
          }
        : {}),
    }),
  );
  if (deps.oidc) {
    app.route(
      '/api',
      oidcRoutes({
        auth,
        oidc: deps.oidc,
        logger,
        publicUrl: deps.publicUrl,
        trustProxyHops: config.trustProxyHops,
      }),
    );
  }
  if (deps.secondFactor)
    app.route(
      '/api',
      mfaRoutes({
        secondFactor: deps.secondFactor,
        publicUrl: deps.publicUrl,
        trustProxyHops: config.trustProxyHops,
      }),
    );
  if (deps.mail) app.route('/api', mailRoutes({ auth, mail: deps.mail }));
  app.route('/api', checkinRoutes({ auth, storage, registry, logger }));
  const live =
    deps.live ??
    new LiveEvents({
      logger,
      readers: async (boardId) => new Set((await auth.store.members(boardId)).map((m) => m.userId)),
      maxStreamsPerUser: config.liveStreamsPerUser,
    });
  const notifications = new NotificationStore(auth.store.executor);
  app.route(
    '/api',
    commentRoutes({
      auth,
      storage,
      registry,
      logger,
      comments: new CommentStore(auth.store.executor),
      notifications,
      live,
      publicUrl: deps.publicUrl,
      maxChars: config.commentMaxChars,
      maxMentions: config.commentMaxMentions,
      mailEnabled: deps.mailEnabled ?? config.smtpUrl !== '',
      mailDefaultLang: config.mailDefaultLang,
    }),
  );
  app.route(
    '/api',
    meetingRoutes({
      auth,
      storage,
      registry,
      versions: deps.versions,
      logger,
      meetings: new MeetingStore(auth.store.executor),
      live,
      limits: meetingLimits(config),
      publicUrl: deps.publicUrl,
      mailEnabled: deps.mailEnabled ?? config.smtpUrl !== '',
      mailDefaultLang: config.mailDefaultLang,
    }),
  );
  app.route('/api', notificationRoutes({ auth, storage, logger, notifications, live }));
  app.route('/api', eventRoutes({ live, logger }));
  app.route('/api/boards/:boardId/versions', versionRoutes({ auth, versions: deps.versions }));
  app.route('/api/boards', boardRoutes({ auth, storage, registry, logger }));
  app.get('/api/config', publicConfig(config));

  app.get(
    '/sync/:boardId',
    async (c, next) => {
      const boardId = c.req.param('boardId');
      if (!BOARD_ID.test(boardId)) {
        return c.json(
          { error: 'invalid board id', errorFr: 'identifiant de tableau invalide' },
          400,
        );
      }
      const origin = c.req.header('origin');
      if (!isOriginAllowed(origin, c.req.header('host'), config.allowedOrigins)) {
        logger.warn(
          { req: c.get('requestId'), origin, board: boardId },
          'websocket refused: origin not allowed',
        );
        return c.json({ error: 'origin not allowed', errorFr: 'origine non autorisée' }, 403);
      }
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        return c.json(
          { error: 'websocket upgrade expected', errorFr: 'connexion websocket attendue' },
          426,
        );
      }
      // Refused before the upgrade: no document byte reaches a caller without a role.
      const token = sessionTokenFromHeader(c.req.header('cookie'));
      const user = await auth.userForToken(token);
      if (!user || !token) {
        logger.info(
          { req: c.get('requestId'), board: boardId },
          'websocket refused: no valid session',
        );
        return c.json({ error: 'sign in first', errorFr: "connectez-vous d'abord" }, 401);
      }
      const role = await auth.roleOn(user, boardId);
      if (!role) {
        logger.info(
          { req: c.get('requestId'), board: boardId, user: user.id },
          'websocket refused: no role on this board',
        );
        return c.json(
          { error: 'no role on this board', errorFr: 'aucun rôle sur ce tableau' },
          403,
        );
      }
      c.set('sync', { user, role, token });
      await next();
    },
    upgradeWebSocket((c) => {
      const boardId = c.req.param('boardId') ?? '';
      const session = c.get('sync');
      let connection: SyncConnection | null = null;
      let protocolError: { reason: string; code: number | undefined } | null = null;
      return {
        onOpen(_event, ws) {
          const raw = ws.raw as WebSocket | undefined;
          // Without a listener an 'error' event would be thrown and take the process down.
          raw?.on('error', () => {});
          connection = new SyncConnection(ws as never, boardId, {
            registry,
            logger,
            maxQueuedMessages: config.maxQueuedMessages,
            maxMessagesPerSecond: config.maxMessagesPerSecond,
            messageBudgetMs: config.messageBudgetMs,
            maxBufferedBytes: config.maxBufferedBytes,
            principal: session.user.id,
            displayName: session.user.name,
            // Observers and task-team members read; their document updates are dropped.
            readOnly: !canEdit(session.role),
            // Council members edit the content; the lanes and columns are the secretariat's.
            mayChangeStructure: canAdminister(session.role, session.user.isAdmin),
            session: { token: session.token, role: session.role },
            ...(metrics ? { metrics: metrics.sync } : {}),
          });
          if (raw) connections.add(connection, raw);
          void connection.start();
        },
        onMessage(event) {
          connection?.onMessage(event.data);
        },
        onClose(event) {
          if (protocolError) {
            // ws already closed the socket (e.g. 1009 for an oversized message): one line for it.
            logger.warn(
              {
                conn: connection?.id,
                board: boardId,
                code: protocolError.code ?? event.code,
                reason: protocolError.reason,
              },
              'connection closed: websocket protocol error',
            );
            metrics?.sync.rejected(protocolError.code ?? event.code);
          }
          // A protocol error's close is ws's own, and the socket then ends without a close
          // frame back (1006): the code sent is the one that says why.
          metrics?.sync.closed(protocolError?.code ?? event.code);
          if (!connection) return;
          connections.delete(connection);
          connection.onClose();
        },
        onError(event) {
          const error = (event as Event & { error?: Error }).error;
          protocolError = { reason: error?.message ?? 'websocket error', code: wsCloseCode(error) };
        },
      };
    }),
  );

  const hasWeb = existsSync(join(config.webDist, 'index.html'));
  if (hasWeb) {
    // Registered after /healthz and every /api route, which answer before reaching it: only the
    // build's files and the app shell pass here.
    app.use('/*', async (c, next) => {
      await next();
      if (c.res.status !== 200) return;
      // The build names every file under /assets/ after its content: it never changes under the
      // same name. Anything else (the app shell) is checked again so a new release is picked up.
      c.res.headers.set(
        'Cache-Control',
        c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    });
    // `precompressed`: the build writes .br and .gz beside each file (apps/web/build).
    app.use('/*', serveStatic({ root: config.webDist, precompressed: true }));
    // A missing build file is a 404, never the app shell: the shell under an /assets/ name would
    // be cached for a year as that file, and a stale page asking for an old chunk would get HTML.
    app.get('/assets/*', (c) => c.json({ error: 'not found', errorFr: 'introuvable' }, 404));
    // Client-side routes (e.g. /b/:id) get the app shell.
    app.get('*', serveStatic({ path: join(config.webDist, 'index.html'), precompressed: true }));
  } else {
    app.get('/', (c) => c.html(placeholderPage));
  }

  app.notFound((c) => c.json({ error: 'not found', errorFr: 'introuvable' }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof AuthError) {
      if (error.retryAfterMs) c.header('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
      return c.json({ error: error.message, errorFr: error.fr, code: error.code }, error.status);
    }
    logger.error({ err: error, req: c.get('requestId') }, 'request failed');
    return c.json({ error: 'internal error', errorFr: 'erreur interne' }, 500);
  });

  return app;
}

function lagMs(sampleNs: number, resolutionMs: number): number {
  return Math.max(0, Math.round((sampleNs / 1e6 - resolutionMs) * 100) / 100);
}

/** The close code `ws` sent for a protocol error (it keeps it under a private symbol). */
function wsCloseCode(error: Error | undefined): number | undefined {
  if (!error) return undefined;
  const symbol = Object.getOwnPropertySymbols(error).find((s) => s.description === 'status-code');
  const code = symbol ? (error as unknown as Record<symbol, unknown>)[symbol] : undefined;
  return typeof code === 'number' ? code : undefined;
}
