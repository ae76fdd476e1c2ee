import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { Registry } from 'prom-client';

/** `GET /metrics`: the registry in Prometheus text format, to requests bearing `token` only. */
export function metricsRoute(registry: Registry, token: string) {
  if (token === '') throw new Error('metrics need a token: they are never served to anyone');
  const expected = digest(token);
  return async (c: Context): Promise<Response> => {
    const presented = /^Bearer +(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(presented), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return c.json(
        {
          error: 'a valid metrics token is required',
          errorFr: 'un jeton de métriques valide est requis',
        },
        401,
      );
    }
    c.header('Content-Type', registry.contentType);
    c.header('Cache-Control', 'no-store');
    return c.body(await registry.metrics());
  };
}

/** Digests have one length whatever the token's, so comparing them in constant time tells nothing. */
function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
