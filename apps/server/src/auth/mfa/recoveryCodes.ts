import { randomInt } from 'node:crypto';
import { hashToken } from '../tokens.ts';

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: read aloud or copied from paper, a code has one spelling.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A fresh set of codes as shown (`xxxxx-xxxxx`, about 50 bits each). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

/** Spaces, dashes and case do not matter when a code is typed back. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/** Stored hashed, like tokens: a code is only useful with the account's password anyway. */
export function hashRecoveryCode(code: string): string {
  return hashToken(`recovery:${normalizeRecoveryCode(code)}`);
}
