import { BOARD_ROLE_LABELS, toJSON } from '@fdr/model';
import { type Context, Hono } from 'hono';
import type { User } from '../auth/AccountStore.ts';
import type { Auth } from '../auth/Auth.ts';
import { AuthError } from '../auth/AuthError.ts';
import { enqueueMail } from '../mail/enqueueMail.ts';
import { mailLanguage } from '../mail/MailPreferences.ts';
import type { MailService } from '../mail/MailService.ts';
import type { Storage } from '../storage/Storage.ts';
import type { BoardRegistry } from '../sync/BoardRegistry.ts';
import { clientAddress } from './clientAddress.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from './sessionCookie.ts';

export type AuthEnv = { Variables: { user: User | null; requestId: string } };

export interface AuthRouteDeps {
  auth: Auth;
  storage: Storage;
  registry: BoardRegistry;
  /** Where people reach the server, for links; and whether cookies must be Secure. */
  publicUrl: () => string;
  /** Reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY_HOPS). */
  trustProxyHops: number;
  /** With single sign-on: the provider's sign-out URL for a session's ID token, if it has one. */
  ssoLogoutUrl?: (idToken: string) => Promise<string | null>;
  /** Outgoing mail: invitations are mailed when a relay is configured. */
  mail?: MailService;
}

/** An invitation's optional address: absent, or one plausible address (else a 400). */
function inviteEmail(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const email = typeof value === 'string' ? value.trim() : '';
  if (email.length > 254 || !/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:.]+$/.test(email)) {
    throw new AuthError(400, 'invalid-email', {
      en: 'The email address of the invitation is not valid (e.g. name@example.gc.ca).',
      fr: 'L’adresse courriel de l’invitation n’est pas valide (p. ex. nom@exemple.gc.ca).',
    });
  }
  return email.toLowerCase();
}

const unauthenticated = () =>
  new AuthError(401, 'unauthenticated', { en: 'Sign in first.', fr: "Connectez-vous d'abord." });

export function currentUser(c: Context<AuthEnv>): User {
  const user = c.get('user');
  if (!user) throw unauthenticated();
  return user;
}

async function body(c: Context): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new AuthError(400, 'invalid-json', {
      en: 'The request body must be JSON.',
      fr: 'Le corps de la requête doit être du JSON.',
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AuthError(400, 'invalid-json', {
      en: 'The request body must be a JSON object.',
      fr: 'Le corps de la requête doit être un objet JSON.',
    });
  }
  return value as Record<string, unknown>;
}

function csvCell(value: unknown): string {
  const text = value == null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Sign-in, setup, invitations, members, audit log and accounts over REST. */
export function authRoutes(deps: AuthRouteDeps) {
  const { auth, registry, storage } = deps;
  const secure = () => deps.publicUrl().startsWith('https:');
  const app = new Hono<AuthEnv>();

  app.post('/auth/signin', async (c) => {
    const input = await body(c);
    const session = await auth.signIn(
      input.email,
      input.password,
      clientAddress(c, deps.trustProxyHops),
    );
    // A second step first (mfaRoutes.ts): no cookie until it succeeds.
    if ('secondFactor' in session) return c.json(session);
    setSessionCookie(c, session.token, session.expiresAt, secure());
    return c.json({ user: session.user });
  });

  app.post('/auth/signout', async (c) => {
    const token = sessionToken(c);
    const { idToken } = token ? await auth.signOut(token) : { idToken: null };
    clearSessionCookie(c, secure());
    // Our session is over either way; the web app then sends the browser to the provider so
    // its session ends too (RP-initiated logout), and the provider sends it back to PUBLIC_URL.
    const logoutUrl = idToken && deps.ssoLogoutUrl ? await deps.ssoLogoutUrl(idToken) : null;
    return c.json({ ok: true, ...(logoutUrl ? { logoutUrl } : {}) });
  });

  app.get('/auth/me', async (c) => {
    const user = currentUser(c);
    return c.json({ user, memberships: await auth.store.membershipsOf(user.id) });
  });

  app.get('/auth/setup', async (c) => c.json({ needed: (await auth.store.countAdmins()) === 0 }));

  app.post('/auth/setup', async (c) => {
    const input = await body(c);
    const session = await auth.completeSetup(
      input.token,
      input,
      clientAddress(c, deps.trustProxyHops),
    );
    if ('secondFactor' in session) return c.json(session, 201);
    setSessionCookie(c, session.token, session.expiresAt, secure());
    return c.json({ user: session.user }, 201);
  });

  app.post('/auth/reset', async (c) => {
    const input = await body(c);
    const user = await auth.resetPassword(input.token, input.password);
    return c.json({ user });
  });

  app.post('/invites/info', async (c) => {
    const link = await auth.inviteInfo((await body(c)).token);
    const now = Date.now();
    const entry = link.boardId ? await storage.catalogEntry(link.boardId) : null;
    return c.json({
      boardId: link.boardId,
      boardTitle: entry?.title ?? null,
      role: link.role,
      roleLabel: link.role ? BOARD_ROLE_LABELS[link.role] : null,
      cardIds: link.cardIds,
      expiresAt: link.expiresAt,
      usable: link.usedAt === null && link.expiresAt > now,
    });
  });

  app.post('/invites/accept', async (c) => {
    const input = await body(c);
    const user = c.get('user');
    const result = await auth.acceptInvite(
      input.token,
      user
        ? { user }
        : { account: { email: input.email, name: input.name, password: input.password } },
      clientAddress(c, deps.trustProxyHops),
    );
    if (result.session)
      setSessionCookie(c, result.session.token, result.session.expiresAt, secure());
    return c.json({
      user: result.user,
      membership: result.membership,
      ...(result.secondFactor ? { secondFactor: result.secondFactor } : {}),
    });
  });

  app.get('/boards/:boardId/members', async (c) => {
    const user = currentUser(c);
    await auth.requireAdministrator(user, c.req.param('boardId'));
    return c.json({ members: await auth.store.members(c.req.param('boardId')) });
  });

  app.put('/boards/:boardId/members/:userId', async (c) => {
    const input = await body(c);
    const membership = await auth.setRole(
      currentUser(c),
      c.req.param('boardId'),
      c.req.param('userId'),
      input.role,
      input.cardIds,
    );
    return c.json({ membership });
  });

  app.delete('/boards/:boardId/members/:userId', async (c) => {
    await auth.removeMember(currentUser(c), c.req.param('boardId'), c.req.param('userId'));
    return c.json({ ok: true });
  });

  app.post('/boards/:boardId/invites', async (c) => {
    const input = await body(c);
    const boardId = c.req.param('boardId');
    const email = inviteEmail(input.email);
    const inviter = currentUser(c);
    const mail = deps.mail?.configured ? deps.mail : undefined;
    const entry = email && mail ? await storage.catalogEntry(boardId) : null;
    // The token travels in the fragment: it never reaches a server log or a Referer header.
    const url = (token: string) => `${deps.publicUrl()}/invite#${token}`;
    const { token, expiresAt, mailed } = await auth.createInvite(
      inviter,
      boardId,
      input.role,
      input.cardIds,
      email && mail && entry
        ? async (tx, link) => {
            const known = await auth.store.userByEmail(email);
            return enqueueMail(tx, {
              key: `invite:${globalThis.crypto.randomUUID()}`,
              kind: 'invite',
              boardId,
              userId: known?.id ?? null,
              email,
              lang: known ? await mailLanguage(tx, known.id, mail.defaultLang) : mail.defaultLang,
              payload: {
                boardId,
                boardTitle: { fr: entry.title.fr, en: entry.title.en },
                inviterName: inviter.name || inviter.email,
                role: link.role,
                link: url(link.token),
              },
            });
          }
        : undefined,
    );
    if (mailed) mail?.wake();
    return c.json({ url: url(token), expiresAt, mailed }, 201);
  });

  app.get('/boards/:boardId/invites', async (c) => {
    const boardId = c.req.param('boardId');
    await auth.requireAdministrator(currentUser(c), boardId);
    const now = Date.now();
    const invites = await Promise.all(
      (await auth.store.invites(boardId)).map(async (i) => {
        // Who accepted, so the secretariat can tell which invitation reached whom (an account
        // deleted since then leaves the invitation used, without a name).
        const user = i.usedBy === null ? null : await auth.store.userById(i.usedBy);
        return {
          role: i.role,
          cardIds: i.cardIds,
          createdAt: i.createdAt,
          expiresAt: i.expiresAt,
          status: i.usedAt !== null ? 'used' : i.expiresAt <= now ? 'expired' : 'pending',
          acceptedAt: i.usedAt,
          acceptedBy: user ? { name: user.name, email: user.email } : null,
        };
      }),
    );
    return c.json({ invites });
  });

  app.get('/boards/:boardId/audit', async (c) => {
    const boardId = c.req.param('boardId');
    await auth.requireAdministrator(currentUser(c), boardId);
    const entries = await auth.store.auditLog({ boardId, limit: 10_000 });
    if (c.req.query('format') === 'csv') {
      const lines = [
        'at,actor,action,target,details',
        ...entries.map((e) =>
          [new Date(e.at).toISOString(), e.actorEmail, e.action, e.target, e.details]
            .map(csvCell)
            .join(','),
        ),
      ];
      c.header('Content-Disposition', `attachment; filename="audit-${boardId}.csv"`);
      return c.body(`${lines.join('\r\n')}\r\n`, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
      });
    }
    return c.json({ entries });
  });

  // The cards of a board (for choosing a task team's cards when inviting).
  app.get('/boards/:boardId/cards', async (c) => {
    const user = currentUser(c);
    const boardId = c.req.param('boardId');
    if (!(await auth.roleOn(user, boardId))) {
      throw new AuthError(404, 'no-board', { en: 'No such board.', fr: 'Tableau introuvable.' });
    }
    const board = await registry.acquire(boardId);
    try {
      const roadmap = toJSON(board.doc);
      // Cards carry their domain, and domains come in lane order, so pickers can group by lane.
      return c.json({
        cards: roadmap.cards
          .filter((card) => !card.archived)
          .map((card) => ({ id: card.id, title: card.title, domainId: card.domainId })),
        domains: roadmap.domains.map((domain) => ({ id: domain.id, label: domain.label })),
      });
    } finally {
      registry.release(boardId);
    }
  });

  // Instance administration
  const requireAdmin = (c: Context<AuthEnv>) => {
    const user = currentUser(c);
    if (!user.isAdmin) {
      throw new AuthError(403, 'admin-only', {
        en: 'Only an administrator may do this.',
        fr: 'Seul un administrateur peut faire cela.',
      });
    }
    return user;
  };

  app.get('/admin/users', async (c) => {
    requireAdmin(c);
    return c.json({ users: await auth.store.listUsers() });
  });

  app.post('/admin/users', async (c) => {
    const admin = requireAdmin(c);
    const input = await body(c);
    const user = await auth.createUser(
      {
        email: String(input.email ?? ''),
        name: String(input.name ?? ''),
        password: String(input.password ?? ''),
        isAdmin: input.isAdmin === true,
      },
      admin,
    );
    return c.json({ user }, 201);
  });

  app.post('/admin/users/:userId/reset', async (c) => {
    const admin = requireAdmin(c);
    const token = await auth.resetLink(admin, c.req.param('userId'));
    return c.json({ url: `${deps.publicUrl()}/reset#${token}` }, 201);
  });

  return app;
}
