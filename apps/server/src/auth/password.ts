import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { MIN_PASSWORD_LENGTH } from '@fdr/model';

/**
 * Passwords are hashed with scrypt (memory-hard). The parameters travel in the stored string, so
 * raising the cost later only affects new hashes. Default N = 2^17, r = 8, p = 1 (128 MiB):
 * the OWASP recommendation for scrypt.
 */
export interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}

export const DEFAULT_COST: ScryptCost = { log2N: 17, r: 8, p: 1 };
const KEY_BYTES = 32;
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_BYTES,
      { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(
  password: string,
  cost: ScryptCost = DEFAULT_COST,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost.log2N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    log2N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A problem with a proposed password, in both languages, or null when it is acceptable. */
export function passwordProblem(password: unknown): { en: string; fr: string } | null {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    return {
      en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
      fr: `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`,
    };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return {
      en: `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`,
      fr: `Le mot de passe doit compter au plus ${MAX_PASSWORD_LENGTH} caractères.`,
    };
  }
  return null;
}
