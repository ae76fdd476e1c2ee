import { startTestProvider, type TestProvider } from '@fdr/server/src/test/oidcProvider.ts';
import { freePort } from '@fdr/server/src/test/ssoFlow.ts';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBoard } from './harness/board.ts';
import {
  type Client,
  launchBrowser,
  newClient,
  OriginGuard,
  screenshotPath,
} from './harness/browser.ts';
import { type RunningApp, startApp } from './harness/startApp.ts';

/*
 * Single sign-on in Chromium, against a real OpenID provider (oidc-provider, on a loopback
 * port, with its development login page): first sign-in, an invitation accepted through it,
 * and the sign-in page's messages for a wrong state and a provider that is down, in both
 * languages.
 */

let app: RunningApp;
let browser: Browser;
let provider: TestProvider;
let providerPort: number;
let guard: OriginGuard;
const clients: Client[] = [];

beforeAll(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({
    redirectUri: `${publicUrl}/api/auth/oidc/callback`,
    postLogoutRedirectUri: publicUrl,
  });
  providerPort = Number(new URL(provider.issuer).port);
  [app, browser] = await Promise.all([
    startApp({
      PORT: String(port),
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    }),
    launchBrowser(),
  ]);
  guard = new OriginGuard(app.url);
});

afterEach(async (context) => {
  for (const [index, client] of clients.entries()) {
    if (context.task.result?.state === 'fail') {
      await client.page
        .screenshot({ path: screenshotPath(`failed-sso-${index}.png`) })
        .catch(() => {});
      console.error(client.errors.join('\n'));
    }
  }
  for (const client of clients.splice(0)) await client.context.close();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await provider?.close();
});

async function client(locale: string, phone = false): Promise<Client> {
  const created = await newClient(browser, guard, { locale, phone });
  clients.push(created);
  return created;
}

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page: no violation. */
async function expectAccessible(page: Page) {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run: (c: Document, o: unknown) => Promise<axe.AxeResults> };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  expect(results.violations.map((v) => v.id)).toEqual([]);
}

/** The provider's development login page: the login is the subject, any password. */
async function signInAtProvider(page: Page, subject: string) {
  await page.waitForURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}

describe('single sign-on in the browser', () => {
  it('first sign-in through the provider makes the account, with no board; sign-out ends both sessions', async () => {
    provider.accounts.set('sub-emma', {
      email: 'emma@example.gc.ca',
      email_verified: true,
      name: 'Emma Ouellet',
    });
    const { page } = await client('en-CA');
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/signin/);
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    await signInAtProvider(page, 'sub-emma');
    await page.getByText('Signed in: Emma Ouellet').waitFor();
    expect(new URL(page.url()).origin).toBe(app.url);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me).toMatchObject({ user: { email: 'emma@example.gc.ca' }, memberships: [] });
    // Signing out ends the provider's session too (RP-initiated logout), then comes back here.
    await page.getByTestId('sign-out').click();
    await page.waitForURL(new RegExp(`^${provider.issuer}/session/end`));
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(/\/signin/);
    expect(new URL(page.url()).origin).toBe(app.url);
    expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
  });

  it('an invitation accepted through the provider gives its role', async () => {
    const boardId = await createBoard(app);
    const res = await fetch(`${app.url}/api/boards/${boardId}/invites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `fdr_session=${app.adminCookie}` },
      body: JSON.stringify({ role: 'council', cardIds: [] }),
    });
    const { url } = (await res.json()) as { url: string };
    provider.accounts.set('sub-felix', {
      email: 'felix@example.gc.ca',
      email_verified: true,
      name: 'Félix Tremblay',
    });
    const { page } = await client('fr-CA');
    await page.goto(url);
    await page.getByText('Acceptez l’invitation en vous connectant').waitFor();
    await expectAccessible(page);
    // Keyboard: the button is reached with Tab and pressed with Enter.
    await page.getByRole('button', { name: 'Se connecter par authentification unique' }).focus();
    await page.keyboard.press('Enter');
    await signInAtProvider(page, 'sub-felix');
    await page.waitForURL(new RegExp(`/b/${boardId}$`));
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me).toMatchObject({
      user: { name: 'Félix Tremblay' },
      memberships: [{ boardId, role: 'council' }],
    });
  });

  for (const [locale, lang] of [
    ['fr-CA', 'fr'],
    ['en-CA', 'en'],
  ] as const) {
    it(`shows a wrong state on the sign-in page (${lang}), and the page passes axe`, async () => {
      const { page } = await client(locale);
      // An answer that no sign-in under way in this browser asked for.
      await page.goto(`${app.url}/api/auth/oidc/callback?code=forged&state=forged`);
      await page.waitForURL(/\/signin\?sso_error=state$/);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(
        lang === 'fr' ? /lancée dans une autre fenêtre/ : /started in another window/,
      );
      await expectAccessible(page);
    });
  }

  it('screenshots of the sign-in page with the button, wide and phone, FR and EN', async () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const phone of [false, true]) {
        const { page } = await client(lang === 'fr' ? 'fr-CA' : 'en-CA', phone);
        if (!phone) await page.setViewportSize({ width: 1440, height: 900 });
        await page.goto(`${app.url}/signin`);
        await page.getByTestId('sso-form').waitFor();
        await page.getByTestId('signin-form').waitFor();
        await page.screenshot({
          path: screenshotPath(`sso-signin-${lang}-${phone ? 390 : 1440}.png`),
        });
      }
    }
  });

  it('PASSWORD_SIGNIN=off: the sign-in page offers single sign-on only', async () => {
    const ssoOnly = await startApp(
      {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_LABEL_EN: 'Sign in with your GC account',
        PASSWORD_SIGNIN: 'off',
      },
      // Its administrator would sign in with a password, which this instance refuses.
      { provisionAdmin: false },
    );
    try {
      const { page } = await client('en-CA');
      await page.goto(`${ssoOnly.url}/signin`);
      await page.getByRole('button', { name: 'Sign in with your GC account' }).waitFor();
      expect(await page.getByTestId('signin-form').count()).toBe(0);
      expect(await page.getByLabel('Password').count()).toBe(0);
      await page.screenshot({ path: screenshotPath('sso-only-signin-en-1400.png') });
    } finally {
      await ssoOnly.stop();
    }
  });

  it('says the provider is down (FR and EN); the password still signs in', async () => {
    await provider.close();
    try {
      for (const [locale, words, message] of [
        [
          'fr-CA',
          'Se connecter par authentification unique',
          /fournisseur d’identité est injoignable/,
        ],
        ['en-CA', 'Sign in with single sign-on', /identity provider cannot be reached/],
      ] as const) {
        const { page } = await client(locale);
        await page.goto(`${app.url}/signin`);
        await page.getByRole('button', { name: words }).click();
        await page.waitForURL(/\/signin\?sso_error=provider$/);
        await page.getByRole('alert').filter({ hasText: message }).waitFor();
        await page.screenshot({ path: screenshotPath(`sso-provider-down-${locale}.png`) });
      }
      const account = await app.signUp({ name: 'Gabrielle Mot-de-passe' });
      const { page } = await client('en-CA');
      await page.goto(`${app.url}/signin`);
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password').fill(account.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText('Signed in: Gabrielle Mot-de-passe').waitFor();
    } finally {
      // Back on its port, for whatever runs after.
      provider = await startTestProvider({
        redirectUri: `${app.url}/api/auth/oidc/callback`,
        postLogoutRedirectUri: app.url,
        port: providerPort,
        signingKey: provider.signingKey,
      });
    }
  });
});
