import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ACTION_TITLE_MAX,
  DECISION_TEXT_MAX,
  MEETING_AGENDA_MAX,
  MEETING_TITLE_MAX,
  VOTE_DOTS_MAX,
  VOTE_OPTIONS_MAX,
} from '@fdr/model';
import { int, list, oneOf, text } from './configParsers.ts';

/** The environment the settings are read from (injected, so tests pass their own). */
export type Env = Record<string, string | undefined>;

interface Setting {
  env: string;
  key: string;
  default: string;
  description: string;
  /** `raw` is the variable's value (or the default); `env` the whole environment. */
  parse: (raw: string, name: string, env: Env) => unknown;
}

const serverRoot = fileURLToPath(new URL('..', import.meta.url));

const MiB = 1024 * 1024;

/** Shortest METRICS_TOKEN accepted. */
const METRICS_TOKEN_MIN = 16;

/**
 * Every setting of the server. Each comes from one environment variable with a safe default;
 * the README lists them all (keep that table in step). `Config` is derived from this table: a
 * setting's type is what its parser returns.
 */
export const SETTINGS = [
  {
    env: 'PORT',
    key: 'port',
    default: '8080',
    description: 'HTTP and websocket port (0 picks a free one).',
    parse: int(0, 65535),
  },
  {
    env: 'HOST',
    key: 'host',
    default: '127.0.0.1',
    description: 'Interface to listen on; `0.0.0.0` to accept other machines.',
    parse: text,
  },
  {
    env: 'DATA_DIR',
    key: 'dataDir',
    default: './data',
    description:
      'Folder of the SQLite database file (`boards.sqlite`), relative to where the command was run.',
    // pnpm runs scripts inside the package; INIT_CWD is where the user typed the command.
    parse: (raw, _name, env) => resolve(env.INIT_CWD ?? process.cwd(), raw),
  },
  {
    env: 'SQLITE_SYNCHRONOUS',
    key: 'sqliteSynchronous',
    default: 'FULL',
    description:
      'SQLite `synchronous` level. `FULL`: an acknowledged edit survives a power cut; `NORMAL`: only a process crash.',
    parse: oneOf(['FULL', 'NORMAL', 'EXTRA'] as const),
  },
  {
    env: 'SQLITE_BUSY_TIMEOUT_MS',
    key: 'sqliteBusyTimeoutMs',
    default: '100',
    description:
      'How long a write of the main thread (catalog, versions, compaction) waits for another connection’s lock; it blocks the event loop, so keep it short (failed writes are retried, never acknowledged). Board appends run in the storage worker, which waits at least 1 s.',
    parse: int(0, 60_000),
  },
  {
    env: 'SQLITE_MAX_BYTES',
    key: 'sqliteMaxBytes',
    default: '0',
    description:
      'Largest SQLite file (0: no limit); past it writes fail as on a full disk and are retried.',
    parse: int(0, Number.MAX_SAFE_INTEGER),
  },
  {
    env: 'DATABASE_URL',
    key: 'databaseUrl',
    default: '',
    description:
      'PostgreSQL connection string (`postgres://user@host/db`). When set, boards live there instead of SQLite.',
    parse: text,
  },
  {
    env: 'DATABASE_SCHEMA',
    key: 'databaseSchema',
    default: 'public',
    description: 'PostgreSQL schema of the tables (created if missing).',
    parse: (raw, env) => {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw))
        throw new Error(`${env} must be a plain lower-case identifier`);
      return raw;
    },
  },
  {
    env: 'REDIS_URL',
    key: 'redisUrl',
    default: '',
    description:
      'Redis URL (`redis://host:6379`). When set, instances sharing it serve the same boards together.',
    parse: text,
  },
  {
    env: 'REDIS_PREFIX',
    key: 'redisPrefix',
    default: 'fdr:',
    description: 'Prefix of the Redis channels, to share one Redis between deployments.',
    parse: text,
  },
  {
    env: 'INSTANCE_ID',
    key: 'instanceId',
    default: '',
    description:
      'Name of this instance on the bus and in logs (default: host name and process id).',
    parse: (raw) => raw || `${hostname()}-${process.pid}`,
  },
  {
    env: 'PUBLIC_URL',
    key: 'publicUrl',
    default: '',
    description:
      'The address people open (`https://roadmap.example.gc.ca`): setup, invitation and reset links use it; `https` makes cookies Secure. Default: `http://HOST:PORT`.',
    parse: (raw, env) => {
      if (raw === '') return '';
      try {
        const url = new URL(raw);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
        return url.origin;
      } catch {
        throw new Error(`${env} must be an http(s) URL`);
      }
    },
  },
  {
    env: 'SESSION_MAX_AGE_HOURS',
    key: 'sessionMaxAgeHours',
    default: '168',
    description: 'Lifetime of a sign-in session.',
    parse: int(1, 24 * 366),
  },
  {
    env: 'INVITE_TTL_HOURS',
    key: 'inviteTtlHours',
    default: '168',
    description: 'How long an invitation link stays valid (it is single-use).',
    parse: int(1, 24 * 366),
  },
  {
    env: 'OIDC_ISSUER',
    key: 'oidcIssuer',
    default: '',
    description:
      'Issuer URL of the OpenID Connect provider (`https://sso.example.gc.ca/realms/gc`); set, it turns single sign-on on. Must be https, except on a loopback address.',
    parse: (raw, name, env) => {
      if (raw === '') return '';
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new Error(`${name} must be a URL`);
      }
      // Tokens and the client secret travel to it: plain http only where nothing leaves the machine.
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new Error(`${name} must be an https URL (http only on 127.0.0.1 or localhost)`);
      }
      if (!env.OIDC_CLIENT_ID?.trim()) throw new Error(`${name} requires OIDC_CLIENT_ID`);
      // Kept as written: the ID token's `iss` must equal it exactly.
      return raw;
    },
  },
  {
    env: 'OIDC_CLIENT_ID',
    key: 'oidcClientId',
    default: '',
    description: 'Client id registered for this server at the provider.',
    parse: (raw) => raw.trim(),
  },
  {
    env: 'OIDC_CLIENT_SECRET',
    key: 'oidcClientSecret',
    default: '',
    description: 'Secret of that client (a confidential client). Never logged.',
    parse: (raw) => raw.trim(),
  },
  {
    env: 'OIDC_SCOPES',
    key: 'oidcScopes',
    default: 'openid email profile',
    description: 'Scopes asked of the provider (space-separated; `openid` is always included).',
    parse: (raw) => {
      const scopes = raw.split(/\s+/).filter(Boolean);
      return [...new Set(['openid', ...scopes])].join(' ');
    },
  },
  {
    env: 'OIDC_LABEL_EN',
    key: 'oidcLabelEn',
    default: 'Sign in with single sign-on',
    description:
      'Words of the single sign-on button in English (e.g. `Sign in with your GC account`).',
    parse: (raw) => raw.trim(),
  },
  {
    env: 'OIDC_LABEL_FR',
    key: 'oidcLabelFr',
    default: 'Se connecter par authentification unique',
    description: 'Words of the single sign-on button in French.',
    parse: (raw) => raw.trim(),
  },
  {
    env: 'OIDC_ADMIN_EMAILS',
    key: 'oidcAdminEmails',
    default: '',
    description:
      'Comma-separated emails whose owners become instance administrators when they sign in through single sign-on with that email verified.',
    parse: (raw) => list(raw).map((email) => email.toLowerCase()),
  },
  {
    env: 'PASSWORD_SIGNIN',
    key: 'passwordSignin',
    default: 'on',
    description:
      '`off`: single sign-on only; the password form is hidden and refused (the `pnpm admin` commands still work). Needs `OIDC_ISSUER`.',
    parse: (raw, name, env) => {
      const on = oneOf(['ON', 'OFF'] as const)(raw, name) === 'ON';
      // Nobody could sign in at all.
      if (!on && !env.OIDC_ISSUER?.trim()) throw new Error(`${name}=off requires OIDC_ISSUER`);
      return on;
    },
  },
  {
    env: 'SCRYPT_LOG2N',
    key: 'scryptLog2N',
    default: '17',
    description:
      'scrypt cost of password hashes, as log2(N) (17: 128 MiB per hash, the OWASP recommendation).',
    parse: int(10, 20),
  },
  {
    env: 'LOCKOUT_THRESHOLD',
    key: 'lockoutThreshold',
    default: '5',
    description:
      'Sign-in attempts per email before a lockout (counted before the password is checked; a success starts afresh).',
    parse: int(1, 1000),
  },
  {
    env: 'LOCKOUT_BASE_MS',
    key: 'lockoutBaseMs',
    default: '30000',
    description: 'First lockout; each further failure doubles it.',
    parse: int(1, 86_400_000),
  },
  {
    env: 'LOCKOUT_MAX_MS',
    key: 'lockoutMaxMs',
    default: '3600000',
    description: 'Longest lockout.',
    parse: int(1, 86_400_000),
  },
  {
    env: 'ADDRESS_LOCKOUT_THRESHOLD',
    key: 'addressLockoutThreshold',
    default: '50',
    description:
      'Sign-in attempts per client address, across every email, within `ADDRESS_LOCKOUT_WINDOW_MS` before the address is locked out (accounts that signed in from it before are not counted against it).',
    parse: int(1, 1_000_000),
  },
  {
    env: 'ADDRESS_LOCKOUT_WINDOW_MS',
    key: 'addressLockoutWindowMs',
    default: '900000',
    description:
      'Window over which sign-in attempts per address are counted; the count then starts again.',
    parse: int(1000, 86_400_000),
  },
  {
    env: 'REQUIRE_MFA',
    key: 'requireMfa',
    default: 'off',
    description:
      'Who must sign in with a second factor (an authenticator code): `off` (whoever enrolled one), `admins` (instance administrators with a password) or `all` (every password account). Those concerned without a factor enrol right after their password, before any session.',
    parse: (raw, name): 'off' | 'admins' | 'all' => {
      const value = raw.trim().toLowerCase();
      if (value === 'off' || value === 'admins' || value === 'all') return value;
      throw new Error(`${name} must be one of off, admins, all`);
    },
  },
  {
    env: 'MFA_ENCRYPTION_KEY',
    key: 'mfaEncryptionKey',
    default: '',
    description:
      'Key that encrypts authenticator secrets in the database: 32 bytes in base64 or 64 hex digits. Empty: a key file `mfa.key` made in `DATA_DIR` (mode 0600). Set it when several instances share a PostgreSQL database.',
    parse: (raw, name) => {
      if (raw === '') return '';
      const bytes = /^[0-9a-f]{64}$/i.test(raw)
        ? Buffer.from(raw, 'hex')
        : Buffer.from(raw, 'base64');
      if (bytes.length !== 32)
        throw new Error(`${name} must be 32 bytes, in base64 or 64 hex digits`);
      return bytes.toString('base64');
    },
  },
  {
    env: 'SMTP_URL',
    key: 'smtpUrl',
    default: '',
    description:
      'Mail relay (`smtp://user:password@host:587`, STARTTLS used when the relay offers it; `smtps://host:465` for TLS from the start). Empty: no mail is sent. Never logged.',
    parse: (raw, name) => {
      const value = raw.trim();
      if (value === '') return '';
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        throw new Error(`${name} must be an smtp:// or smtps:// URL`);
      }
      if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
        throw new Error(`${name} must be an smtp:// or smtps:// URL`);
      return value;
    },
  },
  {
    env: 'MAIL_FROM',
    key: 'mailFrom',
    default: 'Feuille de route <no-reply@localhost>',
    description: 'Sender of every message (`Name <address>`).',
    parse: (raw) => raw.trim(),
  },
  {
    env: 'MAIL_DEFAULT_LANG',
    key: 'mailDefaultLang',
    default: 'en',
    description:
      'Language put first in a message to someone who chose none (`en` or `fr`); both are always there.',
    parse: (raw, name): 'en' | 'fr' => {
      const value = raw.trim().toLowerCase();
      if (value === 'en' || value === 'fr') return value;
      throw new Error(`${name} must be en or fr`);
    },
  },
  {
    env: 'MAIL_TOKEN_KEY',
    key: 'mailTokenKey',
    default: '',
    description:
      'Key that signs the unsubscribe links: 32 bytes in base64 or 64 hex digits. Empty: a key file `mail.key` made in `DATA_DIR` (mode 0600). Required with `DATABASE_URL` and `SMTP_URL` (every instance must accept the others’ links).',
    parse: (raw, name, env) => {
      if (raw === '') {
        if (env.DATABASE_URL?.trim() && env.SMTP_URL?.trim())
          throw new Error(`${name} is required when DATABASE_URL and SMTP_URL are both set`);
        return '';
      }
      const bytes = /^[0-9a-f]{64}$/i.test(raw)
        ? Buffer.from(raw, 'hex')
        : Buffer.from(raw, 'base64');
      if (bytes.length !== 32)
        throw new Error(`${name} must be 32 bytes, in base64 or 64 hex digits`);
      return bytes.toString('base64');
    },
  },
  {
    env: 'MAIL_RETRY_MAX_ATTEMPTS',
    key: 'mailRetryMaxAttempts',
    default: '8',
    description:
      'Tries of one message while the relay fails temporarily (refused connection, 4xx answer) before it is marked failed.',
    parse: int(1, 100),
  },
  {
    env: 'MAIL_RETRY_BASE_MS',
    key: 'mailRetryBaseMs',
    default: '30000',
    description: 'Wait before the second try of a message; it doubles at each further try.',
    parse: int(10, 86_400_000),
  },
  {
    env: 'MAIL_RETRY_MAX_DELAY_MS',
    key: 'mailRetryMaxDelayMs',
    default: '3600000',
    description: 'Longest wait between two tries of a message.',
    parse: int(10, 86_400_000),
  },
  {
    env: 'MAIL_BATCH',
    key: 'mailBatch',
    default: '20',
    description: 'Messages one instance claims at once from the outbox.',
    parse: int(1, 1000),
  },
  {
    env: 'MAIL_POLL_MS',
    key: 'mailPollMs',
    default: '5000',
    description:
      'How often the sender looks for due messages (a message enqueued by the same instance is sent at once).',
    parse: int(10, 3_600_000),
  },
  {
    env: 'MAIL_LEASE_MS',
    key: 'mailLeaseMs',
    default: '300000',
    description:
      'How long a claimed batch is reserved for the instance that claimed it; a batch left by a crashed instance is sent by another after it. Longer than a batch takes to send.',
    parse: int(1000, 86_400_000),
  },
  {
    env: 'MAIL_SEND_TIMEOUT_MS',
    key: 'mailSendTimeoutMs',
    default: '30000',
    description:
      'Longest wait for the relay at each step of one message (connection, greeting, answer); past it the try counts as a temporary failure.',
    parse: int(100, 600_000),
  },
  {
    env: 'REMINDER_CHECK_INTERVAL_MS',
    key: 'reminderCheckIntervalMs',
    default: '3600000',
    description:
      'How often the server looks for boards whose check-in reminder is due (also digests of named versions not yet mailed, at start).',
    parse: int(100, 86_400_000),
  },
  {
    env: 'TRUST_PROXY_HOPS',
    key: 'trustProxyHops',
    default: '0',
    description:
      'Reverse proxies in front of the server whose `X-Forwarded-For` entries are believed (0: the header is ignored and the socket address counts). `1` behind one nginx that sets it.',
    parse: int(0, 10),
  },
  {
    env: 'MAX_CONCURRENT_HASHES',
    key: 'maxConcurrentHashes',
    default: '2',
    description:
      'Password hashes (scrypt, 128 MiB each at the default cost) computed at once; sign-ins beyond it wait their turn.',
    parse: int(1, 64),
  },
  {
    env: 'HASH_QUEUE_MAX',
    key: 'hashQueueMax',
    default: '16',
    description:
      'Sign-ins (and password changes) that may wait for a hash; beyond it they get 503 with `Retry-After`.',
    parse: int(0, 10_000),
  },
  {
    env: 'REVALIDATE_INTERVAL_MS',
    key: 'revalidateIntervalMs',
    default: '5000',
    description:
      'How often live connections re-check their session and role (a removed member is disconnected within it).',
    parse: int(100, 3_600_000),
  },
  {
    env: 'VERSION_AUTO_INTERVAL_HOURS',
    key: 'versionAutoIntervalHours',
    default: '24',
    description:
      'An automatic version is taken of a board that changed when its last one is older than this.',
    parse: int(1, 24 * 366),
  },
  {
    env: 'VERSION_AUTO_KEEP',
    key: 'versionAutoKeep',
    default: '30',
    description: 'Automatic versions kept per board (named versions are never pruned).',
    parse: int(1, 100_000),
  },
  {
    env: 'LOG_LEVEL',
    key: 'logLevel',
    default: 'info',
    description: 'pino level: `debug`, `info`, `warn`, `error` or `silent`.',
    parse: (raw, name) =>
      oneOf(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'SILENT'] as const)(
        raw,
        name,
      ).toLowerCase(),
  },
  {
    env: 'WEB_DIST',
    key: 'webDist',
    default: 'apps/web/dist',
    description: 'Built web app served at `/` (relative to the repository).',
    parse: (raw) => resolve(serverRoot, '../..', raw),
  },
  {
    env: 'ALLOWED_ORIGINS',
    key: 'allowedOrigins',
    default: '',
    description:
      "Comma-separated extra origins allowed to open the websocket (the server's own origin always is).",
    parse: list,
  },
  {
    env: 'MAX_MESSAGE_BYTES',
    key: 'maxMessageBytes',
    default: String(16 * MiB),
    description: 'Largest websocket message; larger closes the connection with 1009.',
    parse: int(1024, 1024 * MiB),
  },
  {
    env: 'MAX_BOARD_BYTES',
    key: 'maxBoardBytes',
    default: String(256 * MiB),
    description: 'Largest stored board; an update that would pass it is refused (close 1009).',
    parse: int(1024, 4096 * MiB),
  },
  {
    env: 'MAX_UPDATE_BYTES',
    key: 'maxUpdateBytes',
    // 16 times a 300-card board's whole state (0.25 MiB), which a client that edited offline
    // against an empty server sends as one update; well under MAX_MESSAGE_BYTES.
    default: String(4 * MiB),
    description:
      'Largest document update a client may send; larger is refused before it is applied (close 1009).',
    parse: int(1024, 1024 * MiB),
  },
  {
    env: 'MAX_UPDATE_STRUCTS',
    key: 'maxUpdateStructs',
    // Applying costs per struct (tens of microseconds for the model's nested maps): 30,000 bounds
    // one message to well under a second. A 300-card board's whole state holds about 5,000, a
    // 2,000-edit offline session about 2,300.
    default: '30000',
    description:
      'Most Yjs structs and deleted ranges one client update may carry; more is refused before it is applied (close 1009).',
    parse: int(100, 100_000_000),
  },
  {
    env: 'MAX_BUFFERED_BYTES',
    key: 'maxBufferedBytes',
    // Far above what a client that reads receives at once (typical boards are under 1 MiB), and
    // one message more is always allowed, so a client joining a board up to MAX_BOARD_BYTES is
    // served; a client that stops reading holds at most this much of the server's memory.
    default: String(64 * MiB),
    description:
      'Bytes queued for one connection that does not read before it is closed (1013, try again later).',
    parse: int(64 * 1024, 4096 * MiB),
  },
  {
    env: 'AWARENESS_MAX_BYTES',
    key: 'awarenessMaxBytes',
    default: String(64 * 1024),
    description: 'Largest awareness (presence) update a client may send.',
    parse: int(64, 16 * MiB),
  },
  {
    env: 'AWARENESS_MAX_DEPTH',
    key: 'awarenessMaxDepth',
    default: '8',
    description: 'Deepest JSON nesting allowed in an awareness state.',
    parse: int(1, 64),
  },
  {
    env: 'MAX_QUEUED_MESSAGES',
    key: 'maxQueuedMessages',
    default: '1000',
    description: 'Messages a connection may send while its board loads.',
    parse: int(1, 1_000_000),
  },
  {
    env: 'MAX_MESSAGES_PER_SECOND',
    key: 'maxMessagesPerSecond',
    default: '300',
    description:
      'Sustained websocket messages per second per connection (bursts of twice as many pass); more closes it with 1008.',
    parse: int(1, 1_000_000),
  },
  {
    env: 'MESSAGE_BUDGET_MS',
    key: 'messageBudgetMs',
    default: '250',
    description:
      'A message whose handling takes more than this many milliseconds of the event loop thread’s CPU closes its connection (1008) and is logged.',
    parse: int(1, 600_000),
  },
  {
    env: 'RESYNC_INTERVAL_MS',
    key: 'resyncIntervalMs',
    default: '60000',
    description:
      'How often the server sends each client its state vector, so an update lost on the way is sent again (0: never).',
    parse: int(0, 86_400_000),
  },
  {
    env: 'MAX_BODY_BYTES',
    key: 'maxBodyBytes',
    default: String(MiB),
    description: 'Largest REST request body; larger gets 413.',
    parse: int(1024, 1024 * MiB),
  },
  {
    env: 'COMMENT_MAX_CHARS',
    key: 'commentMaxChars',
    default: '4000',
    description: 'Longest comment, in characters once trimmed (mention markup included).',
    parse: int(1, 100_000),
  },
  {
    env: 'COMMENT_MAX_MENTIONS',
    key: 'commentMaxMentions',
    default: '20',
    description: 'Most people one comment may mention; a comment naming more is refused.',
    parse: int(0, 1000),
  },
  {
    env: 'MEETING_TITLE_MAX',
    key: 'meetingTitleMax',
    default: String(MEETING_TITLE_MAX),
    description: 'Longest meeting title, in characters once trimmed, per language.',
    parse: int(1, 10_000),
  },
  {
    env: 'MEETING_AGENDA_MAX',
    key: 'meetingAgendaMax',
    default: String(MEETING_AGENDA_MAX),
    description: 'Most entries on a meeting’s agenda; a longer agenda is refused.',
    parse: int(1, 1000),
  },
  {
    env: 'VOTE_OPTIONS_MAX',
    key: 'voteOptionsMax',
    default: String(VOTE_OPTIONS_MAX),
    description: 'Most cards and items one dot vote may be on.',
    parse: int(1, 1000),
  },
  {
    env: 'VOTE_DOTS_MAX',
    key: 'voteDotsMax',
    default: String(VOTE_DOTS_MAX),
    description: 'Most votes (dots) a vote may give each council member.',
    parse: int(1, 1000),
  },
  {
    env: 'DECISION_TEXT_MAX',
    key: 'decisionTextMax',
    default: String(DECISION_TEXT_MAX),
    description: 'Longest decision text, in characters once trimmed, per language.',
    parse: int(1, 100_000),
  },
  {
    env: 'ACTION_TITLE_MAX',
    key: 'actionTitleMax',
    default: String(ACTION_TITLE_MAX),
    description: 'Longest action title, in characters once trimmed, per language.',
    parse: int(1, 10_000),
  },
  {
    env: 'VOTE_SWEEP_MS',
    key: 'voteSweepMs',
    default: '5000',
    description:
      'How often the server closes votes past their closing time (and looks for action reminders due).',
    parse: int(100, 3_600_000),
  },
  {
    env: 'ACTION_REMIND_DAYS',
    key: 'actionRemindDays',
    default: '2',
    description:
      'With mail configured, an action’s owner is reminded once when it is due within this many days, and once when overdue.',
    parse: int(0, 365),
  },
  {
    env: 'LIVE_STREAMS_PER_USER',
    key: 'liveStreamsPerUser',
    default: '10',
    description:
      'Most live event streams (`GET /api/events`, one per open tab) one account may hold on one instance; more get 429.',
    parse: int(1, 1000),
  },
  {
    env: 'UNLOAD_DELAY_MS',
    key: 'unloadDelayMs',
    default: '30000',
    description: 'Time a board stays in memory after its last connection leaves.',
    parse: int(0, 86_400_000),
  },
  {
    env: 'PING_INTERVAL_MS',
    key: 'pingIntervalMs',
    default: '30000',
    description: 'Websocket keepalive ping interval; silent connections are closed after two.',
    parse: int(100, 3_600_000),
  },
  {
    env: 'COMPACT_THRESHOLD',
    key: 'compactThreshold',
    default: '500',
    description: 'Logged updates after which a board is compacted.',
    parse: int(1, 10_000_000),
  },
  {
    env: 'BROADCAST_PACING_PER_CLIENT_US',
    key: 'pacingPerClientUs',
    default: '150',
    description:
      'A board under pressure (BROADCAST_PRESSURE_*) sends its broadcasts (updates, presence) no closer together than this many microseconds per client on the board, so crowded boards send fewer, larger messages (0: no pacing).',
    parse: int(0, 1_000_000),
  },
  {
    env: 'BROADCAST_PACING_MAX_MS',
    key: 'pacingMaxMs',
    default: '30',
    description: 'Longest wait that broadcast pacing may add, however many clients a board has.',
    parse: int(0, 1000),
  },
  {
    env: 'BROADCAST_PRESSURE_MESSAGES_PER_S',
    key: 'pressureMessagesPerSecond',
    // 100 editors at 2 edits/s offer 20,000 messages/s and are sent unmerged; 200 offer 80,000,
    // where the send loop and the clients' Yjs transactions start to dominate.
    default: '30000',
    description:
      'Pacing starts only under pressure: when a board would send more than this many messages per second unmerged (changes received per second times the clients on the board). A calmer board broadcasts each change as soon as it is stored.',
    parse: int(0, 100_000_000),
  },
  {
    env: 'BROADCAST_PRESSURE_BUFFERED_BYTES',
    key: 'pressureBufferedBytes',
    default: String(64 * 1024),
    description:
      "Pacing starts too when a client's send queue holds more than this many bytes after a broadcast (a client falling behind).",
    parse: int(0, 1024 * MiB),
  },
  {
    env: 'SHUTDOWN_TIMEOUT_MS',
    key: 'shutdownTimeoutMs',
    default: '10000',
    description: 'Longest graceful shutdown before the process exits anyway.',
    parse: int(0, 600_000),
  },
  {
    env: 'TLDRAW_LICENSE_KEY',
    key: 'tldrawLicenseKey',
    default: '',
    description:
      'tldraw SDK license key, passed to the whiteboard (required by tldraw for production use; see "The tldraw license").',
    parse: (raw, env) => {
      // Keys are copied from e-mails and PDFs: stray whitespace is common, inner spaces are not valid.
      const key = raw.trim();
      if (/\s/.test(key)) throw new Error(`${env} must not contain spaces`);
      return key;
    },
  },
  {
    env: 'METRICS',
    key: 'metrics',
    default: 'off',
    description:
      '`on`: Prometheus metrics at `GET /metrics`, only for requests bearing `METRICS_TOKEN` (required then). `off`: `/metrics` is 404.',
    parse: (raw, name, env) => {
      const on = oneOf(['ON', 'OFF'] as const)(raw, name) === 'ON';
      // Never public: switching metrics on without a token stops the start instead.
      if (on && !env.METRICS_TOKEN?.trim()) {
        throw new Error(
          `${name}=on requires METRICS_TOKEN (a secret of at least ${METRICS_TOKEN_MIN} characters, e.g. \`openssl rand -hex 32\`)`,
        );
      }
      return on;
    },
  },
  {
    env: 'METRICS_TOKEN',
    key: 'metricsToken',
    default: '',
    description: `Bearer token Prometheus sends to read \`/metrics\` (at least ${METRICS_TOKEN_MIN} characters, no spaces).`,
    parse: (raw, name) => {
      const token = raw.trim();
      if (token === '') return '';
      // A short token could be guessed by anyone who reaches the port.
      if (token.length < METRICS_TOKEN_MIN || /\s/.test(token)) {
        throw new Error(`${name} must be at least ${METRICS_TOKEN_MIN} characters, without spaces`);
      }
      return token;
    },
  },
] as const satisfies readonly Setting[];

type Entry = (typeof SETTINGS)[number];

/** The server's settings, each typed by what its parser returns. */
export type Config = { [E in Entry as E['key']]: ReturnType<E['parse']> };

/** Reads the configuration; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: Env = process.env): Config {
  const entries = SETTINGS.map((setting: Setting) => {
    const raw = env[setting.env];
    const value = raw === undefined || raw === '' ? setting.default : raw;
    return [setting.key, setting.parse(value, setting.env, env)] as const;
  });
  // Built from the table itself, key by key, so the shape is `Config` by construction.
  return Object.fromEntries(entries) as Config;
}
