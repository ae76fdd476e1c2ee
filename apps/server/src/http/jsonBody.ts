import type { Context } from 'hono';
import { AuthError } from '../auth/AuthError.ts';

/** The request's body as a JSON object, or a 400 in both languages. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const value: unknown = await c.req.json().catch(() => null);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AuthError(400, 'invalid-json', {
      en: 'The request body must be a JSON object.',
      fr: 'Le corps de la requête doit être un objet JSON.',
    });
  }
  return value as Record<string, unknown>;
}
