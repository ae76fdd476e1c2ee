import type { Context } from 'hono';
import type { Config } from '../config.ts';

/**
 * GET /api/config: the few settings the web app needs at run time. The tldraw license key is
 * public by design (tldraw validates it in the browser, offline), so serving it is safe; reading
 * it here rather than baking it into the build lets one build run on any host.
 */
export function publicConfig(config: Pick<Config, 'tldrawLicenseKey'>) {
  return (c: Context) =>
    c.json(
      { tldrawLicenseKey: config.tldrawLicenseKey === '' ? null : config.tldrawLicenseKey },
      200,
      // A new key must reach open tabs on their next load.
      { 'cache-control': 'no-store' },
    );
}
