import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Screenshots and measurements land here (gitignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Debian's Chromium; Playwright never downloads a browser here. */
export async function launchBrowser(): Promise<Browser> {
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

/**
 * Records every request and websocket of the contexts it watches that goes anywhere but the app's
 * own origin (the product runs behind a firewall: no CDN, no other host).
 */
export class OriginGuard {
  readonly outside: string[] = [];
  readonly seen: string[] = [];
  private readonly origin: string;

  constructor(appUrl: string) {
    this.origin = new URL(appUrl).origin;
  }

  watch(context: BrowserContext): void {
    context.on('request', (request) => this.check(request.url()));
    context.on('page', (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
  }

  private watchPage(page: Page): void {
    page.on('websocket', (socket) => this.check(socket.url()));
  }

  private check(raw: string): void {
    this.seen.push(raw);
    const url = new URL(raw);
    // data: and blob: URLs are made in the page; they never reach the network.
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    const origin = url.protocol.startsWith('ws')
      ? `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`
      : url.origin;
    if (origin !== this.origin) this.outside.push(raw);
  }
}

/**
 * Nothing left the origin, and the guard saw the app's own traffic: without that, an empty list
 * of outside requests proves nothing (a guard that watched no page would pass). Every run loads
 * the entry bundle; one that opened a board also fetched `/api/config` and opened its websocket.
 */
export function expectOwnOriginOnly(
  guard: OriginGuard,
  appUrl: string,
  opened: { board: boolean },
): void {
  const { origin, host } = new URL(appUrl);
  expect(guard.outside).toEqual([]);
  const own = guard.seen.filter((u) => u.startsWith(`${origin}/`) || u.startsWith(`ws://${host}/`));
  expect(own.length).toBeGreaterThan(0);
  expect(own.some((u) => /\/assets\/index-[\w-]+\.js$/.test(u))).toBe(true);
  if (opened.board) {
    expect(own).toContain(`${origin}/api/config`);
    expect(own.some((u) => u.startsWith(`ws://${host}/sync/`))).toBe(true);
  }
}

export interface Client {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors, to show when a test fails. */
  errors: string[];
}

/** A fresh browser profile (its own IndexedDB and identity) with one page. */
export async function newClient(
  browser: Browser,
  guard: OriginGuard,
  options: {
    locale?: string;
    session?: { url: string; cookie: string };
    /** A phone: its screen size, touch and a mobile viewport. */
    phone?: boolean;
  } = {},
): Promise<Client> {
  const context = await browser.newContext({
    ...(options.phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1400, height: 900 } }),
    locale: options.locale ?? 'fr-CA',
  });
  if (options.session) {
    await context.addCookies([
      { name: 'fdr_session', value: options.session.cookie, url: options.session.url },
    ]);
  }
  guard.watch(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, errors };
}

export function screenshotPath(name: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return join(RESULTS_DIR, name);
}
