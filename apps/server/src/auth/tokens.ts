import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token for a cookie or a link (256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored hashed: a leaked database (or backup) gives no usable session, invitation
 * or reset link. SHA-256 suffices: the tokens are random, not passwords.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
