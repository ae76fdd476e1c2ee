import {
  BOARD_ROLE_LABELS,
  type BoardMembership,
  type BoardRole,
  canAdminister,
  isBoardRole,
} from '@fdr/model';
import type { Logger } from 'pino';
import {
  type AccountStore,
  DuplicateEmailError,
  type LinkToken,
  type User,
  type UserWithHash,
} from './AccountStore.ts';
import { AuthError } from './AuthError.ts';
import { checkNewAccount } from './checkNewAccount.ts';
import { HashGate } from './HashGate.ts';
import { hashPassword, passwordProblem, type ScryptCost, verifyPassword } from './password.ts';
import {
  badRole,
  busy,
  checkCardIds,
  forbidden,
  gone,
  invalidCredentials,
  passwordSignInOff,
} from './refusals.ts';
import { SignInGuard, type SignInLimits } from './SignInGuard.ts';
import type { SqlExecutor } from './SqlExecutor.ts';
import { SsoError, type SsoIdentity } from './SsoError.ts';
import { hashToken, newToken } from './tokens.ts';

export interface AuthOptions {
  store: AccountStore;
  logger: Logger;
  scryptCost: ScryptCost;
  sessionMaxAgeMs: number;
  inviteTtlMs: number;
  limits: SignInLimits;
  /** Password hashes computed at once, and how many more may wait for their turn. */
  hashes: { concurrency: number; queueMax: number };
  /** Called when a user loses (or changes) a role, so their live connections are closed. */
  onRevoke?: (userId: string, boardId: string | null) => void;
  /**
   * Called once a role is given or changed (by the secretariat, or by accepting an invitation),
   * after it is stored; `actorId` is who gave it. A failure here is logged, never the caller's.
   */
  onRoleGiven?: (given: { membership: BoardMembership; actorId: string | null }) => Promise<void>;
  /** False (PASSWORD_SIGNIN=off): single sign-on only; password sign-in is refused. */
  passwordSignIn?: boolean;
  /** Verified emails that become instance administrators on single sign-on (OIDC_ADMIN_EMAILS). */
  ssoAdminEmails?: readonly string[];
  /** Asked after a right password whether a second step comes before the session (mfa/). */
  secondStep?: SecondStep;
}

/** A right password, as the second step needs to know it. */
export interface PasswordAttempt {
  email: string;
  ip: string;
  countedOnAddress: boolean;
}

/** A sign-in waiting for its second step: no session yet, a short-lived single-use token. */
export interface SecondStepPending {
  secondFactor: { token: string; step: 'code' | 'enrol'; expiresAt: number };
}

export interface SecondStep {
  afterPassword(user: User, attempt: PasswordAttempt): Promise<SecondStepPending | null>;
}

export interface Actor {
  user: User;
  ip?: string;
}

const SETUP_TTL_MS = 24 * 60 * 60 * 1000;
const RESET_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Sign-in, sessions, first-start setup, invitations, password resets and board roles. Every
 * decision about who may do what on the server goes through here or through the model's
 * board-role rules.
 */
export class Auth {
  readonly store: AccountStore;
  private readonly options: AuthOptions;
  private readonly log: Logger;
  private readonly guard: SignInGuard;
  private readonly gate: HashGate;
  /** Verified against when the email is unknown, so timing does not reveal which accounts exist. */
  private decoyHash: string | null = null;

  constructor(options: AuthOptions) {
    this.options = options;
    this.store = options.store;
    this.log = options.logger.child({ component: 'auth' });
    this.guard = new SignInGuard(options.store.attempts, options.limits);
    this.gate = new HashGate(options.hashes.concurrency, options.hashes.queueMax);
  }

  /** Runs one password hash through the gate (503 when its queue is full). */
  private async hashing<T>(work: () => Promise<T>): Promise<T> {
    const ticket = this.gate.enter();
    if (!ticket) throw busy();
    try {
      await ticket.turn();
      return await work();
    } finally {
      ticket.leave();
    }
  }

  private hash(password: string): Promise<string> {
    return this.hashing(() => hashPassword(password, this.options.scryptCost));
  }

  private async audit(
    actor: User | null,
    action: string,
    boardId: string | null,
    target: string | null,
    details: Record<string, unknown> = {},
  ) {
    await this.store.audit({
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action,
      boardId,
      target,
      details,
    });
  }

  private async newSession(user: User): Promise<{ token: string; expiresAt: number }> {
    const token = newToken();
    const expiresAt = Date.now() + this.options.sessionMaxAgeMs;
    await this.store.createSession(hashToken(token), user.id, expiresAt);
    return { token, expiresAt };
  }

  /**
   * Email and password to a session. The attempt is counted (per email and per address) before
   * the password is checked, and the check waits its turn at the hash gate: a burst of guesses
   * gets at most the threshold's worth of answers, and never more hashes at once than the gate
   * allows.
   */
  async signIn(
    email: unknown,
    password: unknown,
    ip: string,
  ): Promise<{ user: User; token: string; expiresAt: number } | SecondStepPending> {
    if (this.options.passwordSignIn === false) {
      this.log.info({ ip }, 'sign-in refused: password sign-in is off');
      throw passwordSignInOff();
    }
    if (typeof email !== 'string' || typeof password !== 'string' || password.length > 1024)
      throw invalidCredentials();
    const normalized = email.trim().toLowerCase();
    // A place in line first: a caller turned away as busy has not used up an attempt.
    const ticket = this.gate.enter();
    if (!ticket) {
      this.log.warn({ ip }, 'sign-in refused: password checks queue full');
      throw busy();
    }
    let user: UserWithHash | null;
    let ok: boolean;
    let admitted: { countedOnAddress: boolean };
    try {
      admitted = await this.guard.admit(normalized, ip);
      user = await this.store.userByEmail(normalized);
      await ticket.turn();
      this.decoyHash ??= await hashPassword(newToken(), this.options.scryptCost);
      ok = await verifyPassword(user?.passwordHash ?? this.decoyHash, password);
    } finally {
      ticket.leave();
    }
    if (!user || !ok) {
      this.log.info({ ip, known: Boolean(user) }, 'sign-in failed');
      await this.audit(user ?? null, 'sign-in-failed', null, null, { ip });
      throw invalidCredentials();
    }
    const { passwordHash: _, ...publicUser } = user;
    // Before the lockout is cleared: a right password alone does not reset the count of codes.
    const pending = await this.options.secondStep?.afterPassword(publicUser, {
      email: normalized,
      ip,
      countedOnAddress: admitted.countedOnAddress,
    });
    if (pending) return pending;
    await this.guard.succeeded(normalized, ip, admitted.countedOnAddress);
    const session = await this.newSession(user);
    await this.audit(publicUser, 'sign-in', null, null, { ip });
    return { user: publicUser, ...session };
  }

  /** Ends a session; resolves with its ID token when it was opened through single sign-on. */
  async signOut(token: string): Promise<{ idToken: string | null }> {
    const idToken = await this.store.sessionIdToken(hashToken(token));
    await this.store.deleteSession(hashToken(token));
    return { idToken };
  }

  /**
   * A verified identity from the provider to a session. The account is found by the provider's
   * subject (so an email changed at the provider stays one person); else an account with the
   * same email is linked, only when the provider verified that email; else one is made, with no
   * board role. An invitation, if any, is accepted by that account; a verified email named in
   * OIDC_ADMIN_EMAILS makes it an administrator. Nothing is written before every check passed,
   * and the session comes last.
   */
  async ssoSignIn(
    identity: SsoIdentity,
    context: { ip: string; invite: string | null; idToken: string },
  ): Promise<{ user: User; token: string; expiresAt: number; boardId: string | null }> {
    const { issuer, subject, email, emailVerified } = identity;
    const user: User | null = await this.store.userByIdentity(issuer, subject);
    const byEmail = !user && email ? await this.store.userByEmail(email) : null;
    if (byEmail && !emailVerified) {
      throw new SsoError(
        'email-unverified',
        'the provider has not verified an email that an account already uses',
      );
    }
    if (!user && !byEmail && !email) throw new SsoError('no-email', 'the provider gave no email');
    if (context.invite !== null) {
      const link = await this.store.link(hashToken(context.invite));
      if (link?.kind !== 'invite' || link.usedAt !== null || link.expiresAt <= Date.now()) {
        throw new SsoError('invite', 'the invitation is no longer valid');
      }
    }
    let how: 'known' | 'linked' | 'created';
    let userId: string;
    if (user) {
      userId = user.id;
      how = 'known';
      await this.store.updateProfile(user.id, {
        ...(identity.name ? { name: identity.name } : {}),
        ...(email && emailVerified && email !== user.email ? { email } : {}),
      });
    } else if (byEmail) {
      how = 'linked';
      userId = byEmail.id;
      await this.store.linkIdentity(issuer, subject, byEmail.id);
      await this.audit(byEmail, 'sso-linked', null, byEmail.email, { issuer });
    } else {
      how = 'created';
      const created = await this.store.createUser({
        email: email!,
        name: identity.name ?? email!,
        // No password: this account signs in through the provider (a reset link can add one).
        passwordHash: '',
        isAdmin: false,
      });
      userId = created.id;
      await this.store.linkIdentity(issuer, subject, created.id);
      await this.audit(null, 'user-created', null, created.email, { admin: false, sso: true });
    }
    const admins = this.options.ssoAdminEmails ?? [];
    if (email && emailVerified && admins.includes(email)) {
      const current = await this.store.userById(userId);
      if (current && !current.isAdmin) {
        await this.store.setAdmin(userId, true);
        await this.audit(null, 'admin-granted', null, current.email, { by: 'OIDC_ADMIN_EMAILS' });
      }
    }
    const found = await this.store.userById(userId);
    if (!found) throw new Error('account vanished during single sign-on');
    const { passwordHash: _, ...signedIn } = found;
    let boardId: string | null = null;
    if (context.invite !== null) {
      try {
        boardId = (await this.acceptInvite(context.invite, { user: signedIn })).membership.boardId;
      } catch (error) {
        if (error instanceof AuthError) throw new SsoError('invite', error.message);
        throw error;
      }
    }
    const session = await this.newSession(signedIn);
    await this.store.setSessionIdToken(hashToken(session.token), context.idToken);
    this.log.info(
      { ip: context.ip, user: signedIn.id, account: how },
      'signed in through single sign-on',
    );
    await this.audit(signedIn, 'sign-in-sso', null, null, { ip: context.ip, account: how });
    return { user: signedIn, ...session, boardId };
  }

  async userForToken(token: string | undefined): Promise<User | null> {
    if (!token || token.length > 200) return null;
    return this.store.sessionUser(hashToken(token));
  }

  // First start

  /** When no administrator exists: a fresh one-time setup token (older ones are voided). */
  async setupToken(): Promise<string | null> {
    if ((await this.store.countAdmins()) > 0) return null;
    await this.store.voidLinks('setup');
    const token = newToken();
    await this.store.createLink({
      tokenHash: hashToken(token),
      kind: 'setup',
      boardId: null,
      role: null,
      cardIds: [],
      userId: null,
      createdBy: null,
      expiresAt: Date.now() + SETUP_TTL_MS,
    });
    return token;
  }

  async completeSetup(
    token: unknown,
    input: { email?: unknown; name?: unknown; password?: unknown },
    ip = '',
  ) {
    const account = checkNewAccount(input);
    const link =
      typeof token === 'string'
        ? await this.store.consumeLink(hashToken(token), 'setup', null)
        : null;
    if (!link || (await this.store.countAdmins()) > 0) {
      throw new AuthError(410, 'setup-used', {
        en: 'This setup link is no longer valid. Restart the server for a new one.',
        fr: "Ce lien de configuration n'est plus valide. Redémarrez le serveur pour en obtenir un nouveau.",
      });
    }
    const user = await this.createUser({ ...account, isAdmin: true }, null);
    await this.audit(user, 'setup', null, user.email);
    // REQUIRE_MFA: the first administrator, too, enrols before their first session.
    const pending = await this.options.secondStep?.afterPassword(user, {
      email: user.email,
      ip,
      countedOnAddress: false,
    });
    if (pending) return pending;
    return { user, ...(await this.newSession(user)) };
  }

  // Accounts

  async createUser(
    input: { email: string; name: string; password: string; isAdmin: boolean },
    actor: User | null,
  ): Promise<User> {
    const account = checkNewAccount(input);
    try {
      const user = await this.store.createUser({
        email: account.email,
        name: account.name,
        passwordHash: await this.hash(account.password),
        isAdmin: input.isAdmin,
      });
      await this.audit(actor, 'user-created', null, user.email, { admin: input.isAdmin });
      return user;
    } catch (error) {
      if (error instanceof DuplicateEmailError) {
        throw new AuthError(409, 'email-taken', {
          en: 'An account already uses this email. Sign in instead.',
          fr: 'Un compte utilise déjà ce courriel. Connectez-vous plutôt.',
        });
      }
      throw error;
    }
  }

  /** A one-time link with which a user sets a new password (issued by an administrator). */
  async resetLink(
    actor: User | null,
    userId: string,
    /** Runs in the transaction that stores the link (its mail, enqueued with it). */
    withLink?: (tx: SqlExecutor, token: string, user: User) => Promise<unknown>,
  ): Promise<string> {
    const user = await this.store.userById(userId);
    if (!user)
      throw new AuthError(404, 'no-user', { en: 'No such user.', fr: 'Utilisateur introuvable.' });
    const token = newToken();
    await this.store.executor.transaction(async (tx) => {
      await this.store.createLink(
        {
          tokenHash: hashToken(token),
          kind: 'reset',
          boardId: null,
          role: null,
          cardIds: [],
          userId,
          createdBy: actor?.id ?? null,
          expiresAt: Date.now() + RESET_TTL_MS,
        },
        tx,
      );
      const { passwordHash: _, ...publicUser } = user;
      await withLink?.(tx, token, publicUser);
    });
    await this.audit(actor, 'password-reset-issued', null, user.email);
    return token;
  }

  async resetPassword(token: unknown, password: unknown): Promise<User> {
    const problem = passwordProblem(password);
    if (problem) throw new AuthError(400, 'weak-password', problem);
    const link =
      typeof token === 'string'
        ? await this.store.consumeLink(hashToken(token), 'reset', null)
        : null;
    const user = link?.userId ? await this.store.userById(link.userId) : null;
    if (!user) throw gone('reset');
    await this.store.setPassword(user.id, await this.hash(password as string));
    // Every session of the old password ends.
    await this.store.deleteUserSessions(user.id);
    this.options.onRevoke?.(user.id, null);
    const { passwordHash: _, ...publicUser } = user;
    await this.audit(publicUser, 'password-reset', null, user.email);
    return publicUser;
  }

  // Boards and roles

  async membership(user: User, boardId: string): Promise<BoardMembership | null> {
    return this.store.membership(boardId, user.id);
  }

  /** The role a user acts with on a board; administrators act as secretariat. */
  async roleOn(user: User, boardId: string): Promise<BoardRole | null> {
    const membership = await this.store.membership(boardId, user.id);
    if (membership) return membership.role;
    return user.isAdmin ? 'secretariat' : null;
  }

  async requireAdministrator(user: User, boardId: string): Promise<void> {
    const membership = await this.store.membership(boardId, user.id);
    if (!canAdminister(membership?.role ?? null, user.isAdmin)) throw forbidden();
  }

  async createInvite(
    actor: User,
    boardId: string,
    role: unknown,
    cardIds: unknown,
    /** Runs in the transaction that stores the invitation (its mail, enqueued with it). */
    withLink?: (tx: SqlExecutor, link: { token: string; role: BoardRole }) => Promise<boolean>,
  ): Promise<{ token: string; expiresAt: number; mailed: boolean }> {
    await this.requireAdministrator(actor, boardId);
    if (!isBoardRole(role)) throw badRole();
    const cards = role === 'task-team' ? checkCardIds(cardIds) : [];
    const token = newToken();
    const expiresAt = Date.now() + this.options.inviteTtlMs;
    const mailed = await this.store.executor.transaction(async (tx) => {
      await this.store.createLink(
        {
          tokenHash: hashToken(token),
          kind: 'invite',
          boardId,
          role,
          cardIds: cards,
          userId: null,
          createdBy: actor.id,
          expiresAt,
        },
        tx,
      );
      return (await withLink?.(tx, { token, role })) ?? false;
    });
    await this.audit(actor, 'invite-created', boardId, role, { cardIds: cards, mailed });
    return { token, expiresAt, mailed };
  }

  async inviteInfo(token: unknown): Promise<LinkToken> {
    const link = typeof token === 'string' ? await this.store.link(hashToken(token)) : null;
    if (link?.kind !== 'invite') throw gone('invite');
    return link;
  }

  /** Accepts an invitation as the signed-in user, or by creating an account. */
  async acceptInvite(
    token: unknown,
    who: { user: User } | { account: { email?: unknown; name?: unknown; password?: unknown } },
    ip = '',
  ): Promise<{
    user: User;
    membership: BoardMembership;
    session?: { token: string; expiresAt: number };
    /** A new password account that REQUIRE_MFA concerns: enrolment before its first session. */
    secondFactor?: SecondStepPending['secondFactor'];
  }> {
    if ('account' in who && this.options.passwordSignIn === false) throw passwordSignInOff();
    const account = 'account' in who ? checkNewAccount(who.account) : null;
    if (account && (await this.store.userByEmail(account.email))) {
      throw new AuthError(409, 'email-taken', {
        en: 'An account already uses this email: sign in first, then open the invitation again.',
        fr: "Un compte utilise déjà ce courriel : connectez-vous d'abord, puis rouvrez l'invitation.",
      });
    }
    const link =
      typeof token === 'string'
        ? await this.store.consumeLink(
            hashToken(token),
            'invite',
            'user' in who ? who.user.id : null,
          )
        : null;
    if (!link?.boardId || !link.role) throw gone('invite');
    const user =
      'user' in who ? who.user : await this.createUser({ ...account!, isAdmin: false }, null);
    // The link is consumed before a new account exists (so two uses cannot both create one);
    // it is then tied to that account, for the secretariat's list of who accepted.
    if (link.usedBy === null) await this.store.setLinkUser(link.tokenHash, user.id);
    const existing = await this.store.membership(link.boardId, user.id);
    // Accepting never demotes: an invitation adds a role or cards, it does not take any away.
    const membership: BoardMembership =
      existing && rank(existing.role) > rank(link.role)
        ? existing
        : {
            boardId: link.boardId,
            userId: user.id,
            role: link.role,
            cardIds: [
              ...new Set([
                ...(existing?.role === 'task-team' ? existing.cardIds : []),
                ...link.cardIds,
              ]),
            ],
          };
    await this.store.setMembership(membership);
    await this.audit(user, 'invite-accepted', link.boardId, membership.role, {
      cardIds: membership.cardIds,
    });
    if (membership !== existing) await this.roleGiven(membership, link.createdBy);
    if (!('account' in who)) return { user, membership };
    // REQUIRE_MFA=all: a new password account enrols before its first session, as at sign-in.
    const pending = await this.options.secondStep?.afterPassword(user, {
      email: user.email,
      ip,
      countedOnAddress: false,
    });
    if (pending) return { user, membership, secondFactor: pending.secondFactor };
    return { user, membership, session: await this.newSession(user) };
  }

  async setRole(
    actor: User,
    boardId: string,
    userId: string,
    role: unknown,
    cardIds: unknown,
  ): Promise<BoardMembership> {
    await this.requireAdministrator(actor, boardId);
    if (!isBoardRole(role)) throw badRole();
    const target = await this.store.userById(userId);
    if (!target)
      throw new AuthError(404, 'no-user', { en: 'No such user.', fr: 'Utilisateur introuvable.' });
    const membership: BoardMembership = {
      boardId,
      userId,
      role,
      cardIds: role === 'task-team' ? checkCardIds(cardIds) : [],
    };
    await this.store.setMembership(membership);
    await this.audit(actor, 'role-changed', boardId, target.email, {
      role,
      cardIds: membership.cardIds,
    });
    this.options.onRevoke?.(userId, boardId);
    await this.roleGiven(membership, actor.id);
    return membership;
  }

  private async roleGiven(membership: BoardMembership, actorId: string | null): Promise<void> {
    try {
      await this.options.onRoleGiven?.({ membership, actorId });
    } catch (error) {
      this.log.error({ err: error, board: membership.boardId }, 'role notification failed');
    }
  }

  async removeMember(actor: User, boardId: string, userId: string): Promise<void> {
    await this.requireAdministrator(actor, boardId);
    const target = await this.store.userById(userId);
    if (!(await this.store.removeMembership(boardId, userId)) || !target) {
      throw new AuthError(404, 'not-member', {
        en: 'This person is not a member of the board.',
        fr: "Cette personne n'est pas membre du tableau.",
      });
    }
    await this.audit(actor, 'role-removed', boardId, target.email);
    this.options.onRevoke?.(userId, boardId);
  }

  /** For routes that record other events (board created, version taken, check-in recorded). */
  async record(
    actor: User | null,
    action: string,
    boardId: string | null,
    target: string | null,
    details: Record<string, unknown> = {},
  ) {
    await this.audit(actor, action, boardId, target, details);
  }

  roleLabel(role: BoardRole) {
    return BOARD_ROLE_LABELS[role];
  }
}

function rank(role: BoardRole): number {
  return { observer: 0, 'task-team': 1, council: 2, secretariat: 3 }[role];
}
