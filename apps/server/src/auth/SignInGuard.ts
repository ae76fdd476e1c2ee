import { AuthError } from './AuthError.ts';
import type { AttemptRule, SignInAttempts } from './SignInAttempts.ts';

export interface SignInLimits {
  /** Attempts per email before a lockout; each further one doubles it. Cleared by a success. */
  email: AttemptRule;
  /**
   * Attempts per address across every email, counted over a window: high enough for an office
   * behind one address, low enough to slow a guesser trying many accounts. Accounts that signed
   * in from the address before are not counted against it (a colleague's typos never lock them).
   */
  address: AttemptRule;
}

const locked = (lockedUntil: number, now: number) =>
  new AuthError(
    429,
    'locked',
    {
      en: 'Too many failed attempts. Try again later.',
      fr: 'Trop de tentatives échouées. Réessayez plus tard.',
    },
    Math.max(1000, lockedUntil - now),
  );

/**
 * The lockout policy of sign-in: which keys an attempt is counted on, in which order, and what
 * a success clears. Attempts are counted before the password is checked (see SignInAttempts).
 */
export class SignInGuard {
  private readonly attempts: SignInAttempts;
  private readonly limits: SignInLimits;

  constructor(attempts: SignInAttempts, limits: SignInLimits) {
    this.attempts = attempts;
    this.limits = limits;
  }

  /**
   * Counts the attempt, or throws 429 when the email or the address is locked. Resolves with
   * whether it was counted against the address.
   */
  async admit(email: string, address: string): Promise<{ countedOnAddress: boolean }> {
    const now = Date.now();
    // The address first: a guesser locked out by address does not also lock the accounts it
    // tries. A known account skips it.
    const countedOnAddress = !(await this.attempts.known(email, address));
    if (countedOnAddress) {
      const byAddress = await this.attempts.reserve(`ip:${address}`, this.limits.address, now);
      if (!byAddress.admitted) throw locked(byAddress.lockedUntil, now);
    }
    const byEmail = await this.attempts.reserve(`email:${email}`, this.limits.email, now);
    if (!byEmail.admitted) throw locked(byEmail.lockedUntil, now);
    return { countedOnAddress };
  }

  /**
   * The right password: the email starts afresh, the attempt is given back to the address (a
   * room of colleagues signing in for the first time is not an attack) and the address is
   * remembered for the account.
   */
  async succeeded(email: string, address: string, countedOnAddress: boolean): Promise<void> {
    await this.attempts.clear(`email:${email}`);
    if (countedOnAddress) await this.attempts.refund(`ip:${address}`, this.limits.address);
    await this.attempts.remember(email, address);
  }
}
