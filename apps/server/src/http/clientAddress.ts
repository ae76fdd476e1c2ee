import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request comes from. Behind `trustedHops` reverse proxies, each appends the
 * address it received the request from to `X-Forwarded-For`, so the client is the entry that
 * many places from the right; anything further left was written by the client and proves
 * nothing. With 0, the header is ignored (anyone could send one).
 */
export function clientAddress(c: Context, trustedHops: number): string {
  const socket = socketAddress(c);
  if (trustedHops <= 0) return socket;
  const forwarded = c.req
    .header('x-forwarded-for')
    ?.split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!forwarded || forwarded.length === 0) return socket;
  // Fewer entries than proxies: the leftmost is as far as the chain of trusted proxies reaches.
  const entry = forwarded[Math.max(0, forwarded.length - trustedHops)] ?? '';
  return isIP(entry) ? entry : socket;
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
