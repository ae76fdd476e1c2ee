/**
 * Why a single sign-on failed, as the sign-in page names it (`/signin?sso_error=<code>`).
 * `state`: no sign-in under way matches (replayed, expired, another window, tampered);
 * `code`: the provider refused the code (already used); `token`: the ID token failed a check
 * (signature, issuer, audience, expiry, nonce); `provider`: the provider could not be reached;
 * `denied`: the person or the provider stopped at the provider; `email-unverified`: the email
 * matches an account but the provider has not verified it; `no-email`: no email to make an
 * account with; `invite`: the invitation is no longer valid.
 */
export type SsoErrorCode =
  | 'state'
  | 'code'
  | 'token'
  | 'provider'
  | 'denied'
  | 'email-unverified'
  | 'no-email'
  | 'invite';

export class SsoError extends Error {
  readonly code: SsoErrorCode;
  constructor(code: SsoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SsoError';
    this.code = code;
  }
}

/** The claims of a verified ID token that accounts are made from. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}
