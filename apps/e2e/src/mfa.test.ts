import axe from 'axe-core';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newClient, OriginGuard, screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';
import { startApp } from './harness/startApp.ts';

const suite = e2eSuite('mfa');

/** A real code computed from the key the page shows, `offsetSteps` periods from now. */
function totpCode(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });
}

async function secretOf(page: Page): Promise<string> {
  const text = await page.getByTestId('mfa-secret').textContent();
  return (text ?? '').replace(/\s/g, '');
}

/** Both sizes the service is used at: a desk and a phone. */
async function screenshots(page: Page, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: screenshotPath(`mfa-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** axe-core in the page (evaluated, not a script tag: the CSP refuses those). */
async function expectAxeClean(page: Page) {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (
      window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<axe.AxeResults> } }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  const blocking = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(blocking.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function signInWithPassword(
  page: Page,
  url: string,
  email: string,
  password: string,
  en: boolean,
) {
  await page.goto(`${url}/signin`);
  await page.getByLabel(en ? 'Email' : 'Courriel').fill(email);
  await page.getByLabel(en ? 'Password' : 'Mot de passe').fill(password);
  await page.getByRole('button', { name: en ? 'Sign in' : 'Se connecter' }).click();
}

describe('second factor in the browser', () => {
  it('enrols an authenticator, then signs in with a code, and a recovery code works once', async () => {
    const account = await suite.app.signUp({ name: 'Tess Totp', role: 'observer' });
    const owner = await suite.client({ cookie: account.cookie, locale: 'en-CA' });
    await owner.page.goto(`${suite.app.url}/`);
    await owner.page.getByTestId('account-security').click();
    await owner.page.getByText('No second factor is set up.').waitFor();
    await owner.page.getByRole('button', { name: 'Set up' }).click();
    await owner.page.getByRole('img', { name: 'QR code of the authenticator key' }).waitFor();
    const secret = await secretOf(owner.page);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAxeClean(owner.page);
    await screenshots(owner.page, 'enrol-en');
    // A wrong code first: announced, and the factor stays off.
    await owner.page.getByLabel('Six-digit code').fill('000000');
    await owner.page.getByRole('button', { name: 'Confirm' }).click();
    await owner.page.getByRole('alert').filter({ hasText: 'wrong' }).waitFor();
    await owner.page.getByLabel('Six-digit code').fill(totpCode(secret));
    await owner.page.getByRole('button', { name: 'Confirm' }).click();
    await owner.page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    const codes = await owner.page
      .getByTestId('mfa-recovery-codes')
      .locator('li')
      .allTextContents();
    expect(codes).toHaveLength(10);
    await screenshots(owner.page, 'recovery-codes-en');
    await owner.page.getByRole('button', { name: 'I have kept my codes' }).click();
    await owner.page.getByText('The second factor is on. Recovery codes left: 10.').waitFor();
    await expectAxeClean(owner.page);
    await screenshots(owner.page, 'security-en');

    // Sign-in now asks for a code, in English.
    const en = await suite.client({ locale: 'en-CA' });
    await signInWithPassword(en.page, suite.app.url, account.email, account.password, true);
    const field = en.page.getByLabel('Six-digit code');
    await field.waitFor();
    expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    expect((await en.context.cookies()).some((c) => c.name === 'fdr_session')).toBe(false);
    await expectAxeClean(en.page);
    await screenshots(en.page, 'code-en');
    // Keyboard only: focus is already in the code field, Enter submits.
    expect(await en.page.evaluate(() => document.activeElement?.id)).toBe('mfa-code');
    await en.page.keyboard.type(totpCode(secret, 1));
    await en.page.keyboard.press('Enter');
    await en.page.getByText('Signed in: Tess Totp').waitFor();

    // A recovery code, in French: once.
    const fr = await suite.client({ locale: 'fr-CA' });
    await signInWithPassword(fr.page, suite.app.url, account.email, account.password, false);
    await fr.page.getByLabel('Code à six chiffres').waitFor();
    await screenshots(fr.page, 'code-fr');
    await fr.page.getByRole('button', { name: 'Utiliser plutôt un code de récupération' }).click();
    await fr.page.getByLabel('Code de récupération').fill(codes[0]!);
    await expectAxeClean(fr.page);
    await fr.page.getByRole('button', { name: 'Vérifier' }).click();
    await fr.page.getByText('Connecté : Tess Totp').waitFor();

    const again = await suite.client({ locale: 'fr-CA' });
    await signInWithPassword(again.page, suite.app.url, account.email, account.password, false);
    await again.page
      .getByRole('button', { name: 'Utiliser plutôt un code de récupération' })
      .click();
    await again.page.getByLabel('Code de récupération').fill(codes[0]!);
    await again.page.getByRole('button', { name: 'Vérifier' }).click();
    await again.page.getByRole('alert').filter({ hasText: 'déjà servi' }).waitFor();
    expect((await again.context.cookies()).some((c) => c.name === 'fdr_session')).toBe(false);
  });

  it('with REQUIRE_MFA=admins, sends an administrator to enrolment before any session (French)', async () => {
    const strict = await startApp({ REQUIRE_MFA: 'admins' });
    try {
      const guard = new OriginGuard(strict.url);
      const created = await newClient(suite.browser, guard, { locale: 'fr-CA' });
      suite.clients.push(created);
      const { page, context } = created;
      const admin = await strict.signUp({ name: 'Administratrice Exigeante' });
      await signInWithPassword(page, strict.url, admin.email, admin.password, false);
      await page
        .getByRole('heading', { name: "Configurer une application d'authentification" })
        .waitFor();
      const secret = await secretOf(page);
      expect((await context.cookies()).some((c) => c.name === 'fdr_session')).toBe(false);
      await expectAxeClean(page);
      await screenshots(page, 'enrol-required-fr');
      await page.getByLabel('Code à six chiffres').fill(totpCode(secret));
      await page.getByRole('button', { name: 'Confirmer' }).click();
      await page.getByTestId('mfa-recovery-codes').waitFor();
      await screenshots(page, 'recovery-codes-fr');
      await page.getByRole('button', { name: "J'ai conservé mes codes" }).click();
      await page.getByText('Connecté : Administratrice Exigeante').waitFor();
    } finally {
      await strict.stop();
    }
  });
});
