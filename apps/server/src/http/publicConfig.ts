import type { Context } from 'hono';
import type { Config } from '../config.ts';

/**
 * GET /api/config: the few settings the web app needs at run time (and whether single sign-on
 * and password sign-in are on). The tldraw license key is
 * public by design (tldraw validates it in the browser, offline), so serving it is safe; reading
 * it here rather than baking it into the build lets one build run on any host.
 */
export function publicConfig(
  config: Pick<
    Config,
    'tldrawLicenseKey' | 'oidcIssuer' | 'oidcLabelEn' | 'oidcLabelFr' | 'passwordSignin' | 'smtpUrl'
  >,
) {
  return (c: Context) =>
    c.json(
      {
        tldrawLicenseKey: config.tldrawLicenseKey === '' ? null : config.tldrawLicenseKey,
        // The sign-in page: the single sign-on button's words, and whether the password form shows.
        sso: config.oidcIssuer
          ? { label: { en: config.oidcLabelEn, fr: config.oidcLabelFr } }
          : null,
        passwordSignIn: config.passwordSignin,
        // Whether the server sends mail (invitations by email, mail preferences).
        mail: config.smtpUrl !== '',
      },
      200,
      // A new key must reach open tabs on their next load.
      { 'cache-control': 'no-store' },
    );
}
