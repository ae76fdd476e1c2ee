import type { Logger } from 'pino';
import QRCode from 'qrcode';
import type { AccountStore, User } from '../AccountStore.ts';
import type { PasswordAttempt, SecondStepPending } from '../Auth.ts';
import { SignInGuard, type SignInLimits } from '../SignInGuard.ts';
import { hashToken, newToken } from '../tokens.ts';
import {
  alreadyEnrolled,
  mfaRequired,
  noFactor,
  noUser,
  signInExpired,
  wrongCode,
} from './mfaRefusals.ts';
import { hashRecoveryCode, newRecoveryCodes } from './recoveryCodes.ts';
import type { SecretBox } from './secretBox.ts';
import { newTotpSecret, totpStep, totpUri } from './totp.ts';

export type RequireMfa = 'off' | 'admins' | 'all';

export interface SecondFactorOptions {
  store: AccountStore;
  box: SecretBox;
  requireMfa: RequireMfa;
  limits: SignInLimits;
  sessionMaxAgeMs: number;
  logger: Logger;
  /** How long a sign-in waits after the password (default 5 minutes; 15 for an enrolment). */
  pendingTtlMs?: number;
}

/** What the enrolment screen shows: the secret as text and as a QR code drawn here. */
export interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

export interface SignedIn {
  user: User;
  token: string;
  expiresAt: number;
}

const PENDING_TTL_MS = 5 * 60 * 1000;
const ENROL_PENDING_TTL_MS = 15 * 60 * 1000;

/**
 * Time-based one-time codes (RFC 6238) as a second factor for password accounts: enrolment,
 * recovery codes, the second step of sign-in and its policy (REQUIRE_MFA). A code is counted by
 * the same lockout as passwords, so a stolen password gives no more guesses at the code.
 */
export class SecondFactor {
  private readonly options: SecondFactorOptions;
  private readonly store: AccountStore;
  private readonly guard: SignInGuard;
  private readonly log: Logger;

  constructor(options: SecondFactorOptions) {
    this.options = options;
    this.store = options.store;
    this.guard = new SignInGuard(options.store.attempts, options.limits);
    this.log = options.logger.child({ component: 'mfa' });
  }

  /** Whether REQUIRE_MFA asks this (password) account for a factor. */
  required(user: User): boolean {
    return (
      this.options.requireMfa === 'all' || (this.options.requireMfa === 'admins' && user.isAdmin)
    );
  }

  private audit(actor: User | null, action: string, target: string | null, details = {}) {
    return this.store.audit({
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action,
      boardId: null,
      target,
      details,
    });
  }

  /**
   * Called by Auth.signIn after a right password: null when no second step applies; otherwise
   * a short-lived, single-use token for the code (or the enrolment) and no session yet.
   */
  async afterPassword(user: User, attempt: PasswordAttempt): Promise<SecondStepPending | null> {
    const factor = await this.store.mfa.factor(user.id);
    const step = factor?.confirmedAt != null ? 'code' : this.required(user) ? 'enrol' : null;
    if (!step) return null;
    const token = newToken();
    // Enrolling can mean installing an app first: it gets longer than typing a code.
    const ttl =
      this.options.pendingTtlMs ?? (step === 'enrol' ? ENROL_PENDING_TTL_MS : PENDING_TTL_MS);
    const expiresAt = Date.now() + ttl;
    await this.store.mfa.createPending(hashToken(token), {
      userId: user.id,
      step,
      address: attempt.ip,
      countedOnAddress: attempt.countedOnAddress,
      expiresAt,
    });
    await this.audit(user, 'sign-in-password-ok', user.email, { ip: attempt.ip, next: step });
    return { secondFactor: { token, step, expiresAt } };
  }

  async status(user: User) {
    const factor = await this.store.mfa.factor(user.id);
    const enrolled = factor?.confirmedAt != null;
    return {
      enrolled,
      required: this.required(user),
      recoveryCodesLeft: enrolled ? await this.store.mfa.recoveryCodesLeft(user.id) : 0,
    };
  }

  // Enrolment

  async beginEnrolment(user: User): Promise<Enrolment> {
    const secret = newTotpSecret();
    if (!(await this.store.mfa.startEnrolment(user.id, this.options.box.seal(secret))))
      throw alreadyEnrolled();
    const uri = totpUri(secret, user.email);
    // Drawn on the server, never by an outside service: the page works behind any firewall.
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, uri, qrSvg };
  }

  /** The first code activates the factor; the answer is the recovery codes, shown once. */
  async confirmEnrolment(
    user: User,
    code: unknown,
    ip: string,
  ): Promise<{ recoveryCodes: string[] }> {
    const factor = await this.store.mfa.factor(user.id);
    if (!factor) throw noFactor();
    if (factor.confirmedAt !== null) throw alreadyEnrolled();
    await this.checkCode(user, code, ip, { recovery: false });
    await this.store.mfa.confirm(user.id);
    const recoveryCodes = await this.newRecoveryCodes(user);
    await this.audit(user, 'mfa-enrolled', user.email, { ip });
    return { recoveryCodes };
  }

  async regenerateRecoveryCodes(
    user: User,
    code: unknown,
    ip: string,
  ): Promise<{ recoveryCodes: string[] }> {
    await this.requireConfirmed(user);
    await this.checkCode(user, code, ip, { recovery: false });
    const recoveryCodes = await this.newRecoveryCodes(user);
    await this.audit(user, 'mfa-recovery-codes-regenerated', user.email, { ip });
    return { recoveryCodes };
  }

  /** The user turns their own factor off, with a current code, unless REQUIRE_MFA needs it. */
  async disable(user: User, code: unknown, ip: string): Promise<void> {
    if (this.required(user)) throw mfaRequired();
    await this.requireConfirmed(user);
    await this.checkCode(user, code, ip, { recovery: false });
    await this.store.mfa.remove(user.id);
    await this.audit(user, 'mfa-disabled', user.email, { ip });
  }

  /** An administrator (or the operator, `actor` null) removes someone's factor. */
  async reset(actor: User | null, userId: string): Promise<User> {
    const target = await this.store.userById(userId);
    if (!target) throw noUser();
    await this.store.mfa.remove(userId);
    // Sessions opened with the old factor stay: the person is known; only the factor changes.
    await this.audit(actor, 'mfa-reset', target.email);
    this.log.info({ target: target.email }, 'second factor reset');
    const { passwordHash: _, ...user } = target;
    return user;
  }

  // The second step of sign-in

  private async pendingUser(token: unknown, step: 'code' | 'enrol') {
    const pending =
      typeof token === 'string' && token.length <= 200
        ? await this.store.mfa.pending(hashToken(token))
        : null;
    const found = pending?.step === step ? await this.store.userById(pending.userId) : null;
    if (!pending || !found) throw signInExpired();
    const { passwordHash: _, ...user } = found;
    return { pending, user };
  }

  /** A current code or an unused recovery code turns a pending sign-in into a session. */
  async completeSignIn(token: unknown, code: unknown, ip: string): Promise<SignedIn> {
    const { pending, user } = await this.pendingUser(token, 'code');
    const used = await this.checkCode(user, code, ip, { recovery: true });
    return this.finish(token as string, pending, user, ip, used);
  }

  async beginSignInEnrolment(token: unknown): Promise<Enrolment> {
    const { user } = await this.pendingUser(token, 'enrol');
    // A restarted enrolment replaces the unconfirmed secret (startEnrolment refuses a confirmed one).
    return this.beginEnrolment(user);
  }

  async completeSignInEnrolment(
    token: unknown,
    code: unknown,
    ip: string,
  ): Promise<SignedIn & { recoveryCodes: string[] }> {
    const { pending, user } = await this.pendingUser(token, 'enrol');
    const { recoveryCodes } = await this.confirmEnrolment(user, code, ip);
    return { ...(await this.finish(token as string, pending, user, ip, 'totp')), recoveryCodes };
  }

  private async finish(
    token: string,
    pending: { address: string; countedOnAddress: boolean },
    user: User,
    ip: string,
    used: 'totp' | 'recovery',
  ): Promise<SignedIn> {
    if (!(await this.store.mfa.usePending(hashToken(token)))) throw signInExpired();
    // The password's attempt is given back to its address as a plain sign-in's would be.
    await this.guard.succeeded(user.email, pending.address, pending.countedOnAddress);
    const sessionToken = newToken();
    const expiresAt = Date.now() + this.options.sessionMaxAgeMs;
    await this.store.createSession(hashToken(sessionToken), user.id, expiresAt);
    // As a plain sign-in's entry, with the factor used.
    await this.audit(user, 'sign-in', null, { ip, secondFactor: used });
    return { user, token: sessionToken, expiresAt };
  }

  // Codes

  private async requireConfirmed(user: User) {
    const factor = await this.store.mfa.factor(user.id);
    if (factor?.confirmedAt == null) throw noFactor();
  }

  private async newRecoveryCodes(user: User): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.store.mfa.replaceRecoveryCodes(user.id, codes.map(hashRecoveryCode));
    return codes;
  }

  /**
   * Checks a code as one sign-in attempt: counted (and refused while locked out) before it is
   * looked at; a time step already used, or a recovery code already used, is a wrong code.
   */
  private async checkCode(
    user: User,
    code: unknown,
    ip: string,
    allow: { recovery: boolean },
  ): Promise<'totp' | 'recovery'> {
    const admitted = await this.guard.admit(user.email, ip);
    const typed = typeof code === 'string' ? code.trim().replace(/\s/g, '') : '';
    const factor = await this.store.mfa.factor(user.id);
    if (factor && typed.length > 0 && typed.length <= 40) {
      if (/^\d{6}$/.test(typed)) {
        const step = totpStep(this.options.box.open(factor.sealedSecret), typed);
        if (step !== null && (await this.store.mfa.useStep(user.id, step))) {
          await this.guard.succeeded(user.email, ip, admitted.countedOnAddress);
          return 'totp';
        }
      } else if (
        allow.recovery &&
        factor.confirmedAt !== null &&
        (await this.store.mfa.useRecoveryCode(user.id, hashRecoveryCode(typed)))
      ) {
        await this.guard.succeeded(user.email, ip, admitted.countedOnAddress);
        await this.audit(user, 'mfa-recovery-code-used', user.email, {
          ip,
          left: await this.store.mfa.recoveryCodesLeft(user.id),
        });
        return 'recovery';
      }
    }
    this.log.info({ ip }, 'second factor code refused');
    await this.audit(user, 'mfa-failed', user.email, { ip });
    throw wrongCode();
  }
}
