import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type Client, launchBrowser, newClient, OriginGuard, screenshotPath } from './browser.ts';
import { type RunningApp, startApp } from './startApp.ts';

export interface SuiteClientOptions {
  /** Session cookie to sign the profile in with; none: signed out. */
  cookie?: string | null;
  locale?: string;
  phone?: boolean;
  viewport?: { width: number; height: number };
  /** Default wait of the profile's pages (the machine running the suite may be busy). */
  timeoutMs?: number;
}

/** One test file's server, browser and the browser profiles its tests open. */
export interface E2eSuite {
  readonly app: RunningApp;
  readonly browser: Browser;
  readonly guard: OriginGuard;
  /** The profiles open in the current test; closed after it. */
  readonly clients: Client[];
  /** Every error the file's pages logged, for a report at the end. */
  readonly pageErrors: string[];
  /** A fresh browser profile (own storage, identity, locale), closed after the test. */
  client(options?: SuiteClientOptions): Promise<Client>;
  /** Something else to release after each test (a raw socket...). */
  afterEachTest(release: () => unknown): void;
}

/**
 * Registers the hooks every end-to-end file needs: a real server (with `env`) and Chromium
 * before the tests; after each test, a screenshot of every page when it failed, the pages'
 * errors logged, and the profiles closed; after all, the browser and the server stopped.
 */
export function e2eSuite(name: string, env: Record<string, string> = {}): E2eSuite {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let guard: OriginGuard | undefined;
  const clients: Client[] = [];
  const pageErrors: string[] = [];
  const releases: (() => unknown)[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite has not started (use it inside a test)');
    return value;
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(env), launchBrowser()]);
    guard = new OriginGuard(app.url);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      const test = context.task.name.slice(0, 40);
      for (const [index, client] of clients.entries()) {
        for (const [p, page] of client.context.pages().entries()) {
          await page
            .screenshot({ path: screenshotPath(`failed-${name}-${test}-${index}-${p}.png`) })
            .catch(() => {});
        }
        if (client.errors.length > 0) console.error(client.errors.join('\n'));
      }
    }
    for (const release of releases.splice(0)) await release();
    for (const client of clients.splice(0)) {
      pageErrors.push(...client.errors);
      await client.context.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  return {
    get app() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
    get guard() {
      return started(guard);
    },
    clients,
    pageErrors,
    async client(options = {}) {
      const url = started(app).url;
      const created = await newClient(started(browser), started(guard), {
        locale: options.locale ?? 'fr-CA',
        ...(options.cookie ? { session: { url, cookie: options.cookie } } : {}),
        ...(options.phone ? { phone: true } : {}),
      });
      if (options.viewport) await created.page.setViewportSize(options.viewport);
      if (options.timeoutMs) created.context.setDefaultTimeout(options.timeoutMs);
      clients.push(created);
      return created;
    },
    afterEachTest(release) {
      releases.push(release);
    },
  };
}
