import { type Context, Hono } from 'hono';
import { AuthError } from '../auth/AuthError.ts';
import type { SecondFactor } from '../auth/mfa/SecondFactor.ts';
import { type AuthEnv, currentUser } from './authRoutes.ts';
import { clientAddress } from './clientAddress.ts';
import { jsonBody } from './jsonBody.ts';
import { setSessionCookie } from './sessionCookie.ts';

export interface MfaRouteDeps {
  secondFactor: SecondFactor;
  publicUrl: () => string;
  trustProxyHops: number;
}

/**
 * The second factor over REST: the second step of sign-in (`/auth/mfa/*`, with the token the
 * password step answered), the signed-in user's own factor (`/account/mfa/*`) and an
 * administrator's reset (`DELETE /admin/users/:userId/mfa`).
 */
export function mfaRoutes(deps: MfaRouteDeps) {
  const { secondFactor } = deps;
  const secure = () => deps.publicUrl().startsWith('https:');
  const ip = (c: Context) => clientAddress(c, deps.trustProxyHops);
  const app = new Hono<AuthEnv>();

  app.post('/auth/mfa/verify', async (c) => {
    const input = await jsonBody(c);
    const session = await secondFactor.completeSignIn(input.token, input.code, ip(c));
    setSessionCookie(c, session.token, session.expiresAt, secure());
    return c.json({ user: session.user });
  });

  app.post('/auth/mfa/enrol', async (c) => {
    const input = await jsonBody(c);
    return c.json(await secondFactor.beginSignInEnrolment(input.token));
  });

  app.post('/auth/mfa/enrol/confirm', async (c) => {
    const input = await jsonBody(c);
    const done = await secondFactor.completeSignInEnrolment(input.token, input.code, ip(c));
    setSessionCookie(c, done.token, done.expiresAt, secure());
    return c.json({ user: done.user, recoveryCodes: done.recoveryCodes });
  });

  app.get('/account/mfa', async (c) => c.json(await secondFactor.status(currentUser(c))));

  app.post('/account/mfa/enrol', async (c) =>
    c.json(await secondFactor.beginEnrolment(currentUser(c))),
  );

  app.post('/account/mfa/confirm', async (c) => {
    const input = await jsonBody(c);
    return c.json(await secondFactor.confirmEnrolment(currentUser(c), input.code, ip(c)));
  });

  app.post('/account/mfa/recovery-codes', async (c) => {
    const input = await jsonBody(c);
    return c.json(await secondFactor.regenerateRecoveryCodes(currentUser(c), input.code, ip(c)));
  });

  app.post('/account/mfa/disable', async (c) => {
    const input = await jsonBody(c);
    await secondFactor.disable(currentUser(c), input.code, ip(c));
    return c.json({ ok: true });
  });

  app.delete('/admin/users/:userId/mfa', async (c) => {
    const admin = currentUser(c);
    if (!admin.isAdmin) {
      throw new AuthError(403, 'admin-only', {
        en: 'Only an administrator may do this.',
        fr: 'Seul un administrateur peut faire cela.',
      });
    }
    const user = await secondFactor.reset(admin, c.req.param('userId'));
    return c.json({ user });
  });

  return app;
}
