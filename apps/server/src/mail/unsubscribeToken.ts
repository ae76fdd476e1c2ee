import { createHmac, timingSafeEqual } from 'node:crypto';
import { type MailKind, OPTIONAL_MAIL_KINDS } from './MailKind.ts';

export type OptionalMailKind = (typeof OPTIONAL_MAIL_KINDS)[number];

export function isOptionalKind(kind: unknown): kind is OptionalMailKind {
  return (OPTIONAL_MAIL_KINDS as readonly unknown[]).includes(kind);
}

function signature(key: Buffer, userId: string, kind: MailKind): Buffer {
  return createHmac('sha256', key).update(`unsubscribe\n${userId}\n${kind}`).digest();
}

/**
 * The token of an unsubscribe link: who and which kind, signed (HMAC-SHA256). It never expires:
 * a link in an old message must still work, and all it can do is turn that kind of mail off.
 */
export function unsubscribeToken(key: Buffer, userId: string, kind: OptionalMailKind): string {
  const who = Buffer.from(userId, 'utf8').toString('base64url');
  return `${who}.${kind}.${signature(key, userId, kind).toString('base64url')}`;
}

/** The person and kind of a token, or null when it is malformed or not signed with `key`. */
export function readUnsubscribeToken(
  key: Buffer,
  token: unknown,
): { userId: string; kind: OptionalMailKind } | null {
  if (typeof token !== 'string' || token.length > 512) return null;
  const [who, kind, mac, ...rest] = token.split('.');
  if (!who || !mac || rest.length > 0 || !isOptionalKind(kind)) return null;
  const userId = Buffer.from(who, 'base64url').toString('utf8');
  const given = Buffer.from(mac, 'base64url');
  const expected = signature(key, userId, kind);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind };
}
