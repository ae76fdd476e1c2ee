import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type ServerType, serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { createApp } from './app.ts';
import type { AccountStore } from './auth/AccountStore.ts';
import { Auth } from './auth/Auth.ts';
import { authOptions } from './auth/authOptions.ts';
import { secondFactorFor } from './auth/mfa/secondFactorFor.ts';
import { OidcClient } from './auth/OidcClient.ts';
import { openAccounts } from './auth/openAccounts.ts';
import type { Config } from './config.ts';
import { MailService } from './mail/MailService.ts';
import { MeetingStore } from './meetings/MeetingStore.ts';
import { MeetingSweep } from './meetings/MeetingSweep.ts';
import { createMetrics, type Metrics } from './metrics/createMetrics.ts';
import { timedStorage } from './metrics/timedStorage.ts';
import { LiveEvents } from './notifications/LiveEvents.ts';
import { NotificationStore } from './notifications/NotificationStore.ts';
import { notifyRole } from './notifications/notifyRole.ts';
import { PgStorage } from './storage/PgStorage.ts';
import { SqliteStorage } from './storage/SqliteStorage.ts';
import type { Storage } from './storage/Storage.ts';
import { BoardRegistry } from './sync/BoardRegistry.ts';
import { CloseCode } from './sync/CloseCode.ts';
import { KeepAlive } from './sync/KeepAlive.ts';
import { RedisFanout } from './sync/RedisFanout.ts';
import type { SyncConnection } from './sync/SyncConnection.ts';
import { Versions } from './versions/Versions.ts';

export interface RunningServer {
  port: number;
  /** `http://host:port` */
  url: string;
  registry: BoardRegistry;
  storage: Storage;
  connections: KeepAlive<SyncConnection>;
  auth: Auth;
  versions: Versions;
  mail: MailService;
  /** Closes votes past their time and sends actions' reminders (tests run it at will). */
  meetingSweep: MeetingSweep;
  /** Graceful stop: refuse new connections, close the open ones, store and unload every board. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  /** Defaults to the SQLite file in `config.dataDir`. */
  storage?: Storage;
  /** Defaults to the same database as the boards (PostgreSQL when DATABASE_URL is set). */
  accounts?: AccountStore;
  /** Replaces `fetch` for requests to the OpenID provider (tests rewrite its answers). */
  oidcFetch?: typeof fetch;
}

/**
 * Closes the connections whose session ended or whose role changed (all of them, or one user's).
 * Every instance runs it on a timer, so a role removed through any instance cuts the user off
 * everywhere within REVALIDATE_INTERVAL_MS.
 */
async function revalidate(
  auth: Auth,
  connections: Iterable<SyncConnection>,
  userId?: string,
): Promise<void> {
  for (const connection of [...connections]) {
    const session = connection.session;
    if (!session || (userId && connection.principal !== userId)) continue;
    const user = await auth.userForToken(session.token);
    if (!user) {
      connection.close(CloseCode.sessionEnded, 'session ended');
      continue;
    }
    if ((await auth.roleOn(user, connection.boardId)) !== session.role) {
      connection.close(CloseCode.roleChanged, 'role changed');
    }
  }
}

async function openStorage(config: Config, logger: Logger): Promise<Storage> {
  if (config.databaseUrl) {
    const storage = await PgStorage.open({
      connectionString: config.databaseUrl,
      schema: config.databaseSchema,
    });
    logger.info({ schema: config.databaseSchema }, 'storage: PostgreSQL');
    return storage;
  }
  const file = join(config.dataDir, 'boards.sqlite');
  logger.info({ file }, 'storage: SQLite');
  return new SqliteStorage({
    file,
    synchronous: config.sqliteSynchronous,
    busyTimeoutMs: config.sqliteBusyTimeoutMs,
    maxBytes: config.sqliteMaxBytes,
  });
}

/** Composes storage, the board registry and the HTTP app, and listens. */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const { logger } = options;
  const storage = options.storage ?? (await openStorage(config, logger));
  const fanout = config.redisUrl
    ? await RedisFanout.connect({
        url: config.redisUrl,
        prefix: config.redisPrefix,
        instanceId: config.instanceId,
        logger,
      })
    : undefined;
  const connections = new KeepAlive<SyncConnection>(config.pingIntervalMs);
  // Off by default; when on, read at scrape time (the registry is built just below).
  const metrics: Metrics | undefined = config.metrics
    ? createMetrics({
        connections: () => connections.size,
        boards: (): number => registry.size,
        sockets: () => connections.sockets(),
      })
    : undefined;
  const registry = new BoardRegistry({
    storage: metrics ? timedStorage(storage, (s) => metrics.sync.appended(s)) : storage,
    ...(fanout ? { fanout } : {}),
    ...(metrics ? { metrics: metrics.sync } : {}),
    logger,
    unloadDelayMs: config.unloadDelayMs,
    maxBoardBytes: config.maxBoardBytes,
    update: { maxBytes: config.maxUpdateBytes, maxStructs: config.maxUpdateStructs },
    compactThreshold: config.compactThreshold,
    awareness: { maxBytes: config.awarenessMaxBytes, maxDepth: config.awarenessMaxDepth },
    pacing: {
      perClientMs: config.pacingPerClientUs / 1000,
      maxMs: config.pacingMaxMs,
      pressure: {
        messagesPerSecond: config.pressureMessagesPerSecond,
        bufferedBytes: config.pressureBufferedBytes,
      },
    },
  });
  const accounts = options.accounts ?? (await openAccounts(config));
  const secondFactor = secondFactorFor(config, accounts, logger);
  // Live events (comments, notifications), relayed through Redis when instances share one.
  const live = await LiveEvents.open({
    logger,
    readers: async (boardId) => new Set((await accounts.members(boardId)).map((m) => m.userId)),
    maxStreamsPerUser: config.liveStreamsPerUser,
    ...(config.redisUrl
      ? {
          redis: {
            url: config.redisUrl,
            prefix: config.redisPrefix,
            instanceId: config.instanceId,
          },
        }
      : {}),
  });
  const notifications = new NotificationStore(accounts.executor);
  const auth = new Auth({
    store: accounts,
    logger,
    ...authOptions(config),
    secondStep: secondFactor,
    onRevoke: (userId) => {
      void revalidate(auth, connections.values(), userId);
      void live.revalidate(async (token) => (await auth.userForToken(token)) !== null);
    },
    onRoleGiven: async (given) => {
      if (!(await notifyRole(notifications, given))) return;
      const userId = given.membership.userId;
      live.toUser(userId, {
        event: 'notifications',
        data: { unread: await notifications.unread(userId) },
      });
    },
  });
  let revalidating = false;
  const revalidateTimer = setInterval(() => {
    if (revalidating) return;
    revalidating = true;
    Promise.all([
      revalidate(auth, connections.values()),
      live.revalidate(async (token) => (await auth.userForToken(token)) !== null),
    ])
      .catch((error: unknown) => logger.error({ err: error }, 'revalidation failed'))
      .finally(() => {
        revalidating = false;
      });
  }, config.revalidateIntervalMs).unref();
  let publicUrl = config.publicUrl;
  const resyncTimer =
    config.resyncIntervalMs > 0
      ? setInterval(() => {
          for (const connection of connections.values()) connection.resync();
        }, config.resyncIntervalMs).unref()
      : null;
  // Event-loop delay since start, for /healthz: the hostile-input tests read it.
  const eventLoop = monitorEventLoopDelay({ resolution: 10 });
  eventLoop.enable();
  // Mail: the outbox's sender runs only with SMTP_URL; the routes are there either way.
  const mail = new MailService({
    config,
    accounts,
    storage,
    registry,
    logger,
    publicUrl: () => publicUrl,
  });
  const versions = new Versions({
    storage,
    registry,
    logger,
    autoIntervalMs: config.versionAutoIntervalHours * 3_600_000,
    autoKeep: config.versionAutoKeep,
    onTaken: (info) => mail.versionTaken(info),
  });
  mail.versions = versions;
  // Checked hourly (and once shortly after start); a version is due once a day per changed board.
  const autoVersions = () =>
    versions
      .takeDueAutomatic()
      .catch((error: unknown) => logger.error({ err: error }, 'automatic versions failed'));
  const autoTimer = setInterval(
    autoVersions,
    Math.min(3_600_000, config.versionAutoIntervalHours * 3_600_000),
  ).unref();
  const oidc = config.oidcIssuer
    ? new OidcClient({
        issuer: config.oidcIssuer,
        clientId: config.oidcClientId,
        clientSecret: config.oidcClientSecret,
        scopes: config.oidcScopes,
        redirectUri: () => `${publicUrl}/api/auth/oidc/callback`,
        ...(options.oidcFetch ? { fetch: options.oidcFetch } : {}),
      })
    : undefined;
  const app = createApp({
    config,
    ...(oidc ? { oidc } : {}),
    auth,
    secondFactor,
    versions,
    mail,
    publicUrl: () => publicUrl,
    storage,
    registry,
    logger,
    connections,
    eventLoop: { histogram: eventLoop, resolutionMs: 10 },
    ...(metrics ? { metrics } : {}),
    live,
  });
  // Votes past their closing time are closed, and actions' reminders mailed, by this sweep.
  const meetingSweep = new MeetingSweep({
    meetings: new MeetingStore(accounts.executor),
    accounts,
    storage,
    live,
    logger,
    intervalMs: config.voteSweepMs,
    remindDays: config.actionRemindDays,
    mailEnabled: mail.configured,
    defaultLang: config.mailDefaultLang,
    publicUrl: () => publicUrl,
  });
  meetingSweep.start();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxMessageBytes,
    perMessageDeflate: false,
  });

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, port: config.port, hostname: config.host, websocket: { server: wss } },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      connections.stop();
      await meetingSweep.close();
      await mail.close();
      clearInterval(revalidateTimer);
      clearInterval(autoTimer);
      eventLoop.disable();
      if (resyncTimer) clearInterval(resyncTimer);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const connection of [...connections.values()]) {
        connection.close(CloseCode.goingAway, 'server shutting down');
      }
      for (const client of wss.clients) client.terminate();
      await live.close();
      await registry.closeAll();
      await fanout?.close();
      await storage.close();
      await accounts.close();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await stopped;
    })();
    return closing;
  };

  publicUrl ||= url;
  const setup = await auth.setupToken();
  if (setup) {
    // The one secret the log carries, by design: the operator's way in on first start.
    logger.warn(
      { url: `${publicUrl}/setup#${setup}` },
      'no administrator yet: open this one-time setup link to create one',
    );
  }

  mail.start();
  if (mail.configured) logger.info({ from: config.mailFrom }, 'mail: sending through the relay');

  return { port, url, registry, storage, connections, auth, versions, mail, meetingSweep, close };
}
