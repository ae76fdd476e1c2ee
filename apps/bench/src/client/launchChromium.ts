import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's Chromium (or CHROMIUM_PATH), headless, with the flags of the e2e suite that keep it
 * from calling home: no background request may run during a measure. Playwright never downloads
 * a browser here.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The e2e suite's desktop window. */
export const VIEWPORT = { width: 1400, height: 900 };

/**
 * A fresh profile for one measure: empty HTTP cache, IndexedDB and service state (a newcomer
 * opening the board's link), signed in with the administrator's session cookie.
 */
export async function freshContext(
  browser: Browser,
  appUrl: string,
  cookie: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'fr-CA' });
  const [name, ...value] = cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: appUrl }]);
  return context;
}
