import { describe, expect, it } from 'vitest';
import { createBoard, signUpCouncil } from './harness/board.ts';
import {
  type Client,
  expectOwnOriginOnly,
  newClient,
  OriginGuard,
  screenshotPath,
} from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';
import { startApp } from './harness/startApp.ts';

const suite = e2eSuite('auth');

async function client(options: { locale?: string; cookie?: string } = {}): Promise<Client> {
  const created = await newClient(suite.browser, suite.guard, {
    locale: options.locale ?? 'fr-CA',
    ...(options.cookie ? { session: { url: suite.app.url, cookie: options.cookie } } : {}),
  });
  suite.clients.push(created);
  return created;
}

describe('accounts and roles in the browser', () => {
  it('first start: the setup link from the log creates the administrator', async () => {
    const fresh = await startApp({}, { provisionAdmin: false });
    try {
      const line = fresh.output.find((l) => l.includes('one-time setup link'));
      const url = (JSON.parse(line ?? '{}') as { url?: string }).url;
      expect(url).toMatch(/\/setup#/);
      // Its own origin guard: this instance has its own address.
      const freshGuard = new OriginGuard(fresh.url);
      const created = await newClient(suite.browser, freshGuard, { locale: 'en-CA' });
      suite.clients.push(created);
      const { page } = created;
      await page.goto(url!);
      await page.getByLabel('Name').fill('Chief Administrator');
      await page.getByLabel('Email').fill('chief@example.gc.ca');
      await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
      await page.getByLabel('Confirm the password').fill('correct horse battery staple');
      await page.getByRole('button', { name: 'Create the administrator account' }).click();
      await page.getByText('Signed in: Chief Administrator').waitFor();
      // Administrators create boards.
      await page.getByTestId('create-board').waitFor();
      expectOwnOriginOnly(freshGuard, fresh.url, { board: false });
    } finally {
      await fresh.stop();
    }
  });

  it('signs in through the form, and out', async () => {
    const account = await suite.app.signUp({ name: 'Ada Lovelace' });
    const { page } = await client();
    await page.goto(`${suite.app.url}/`);
    await page.waitForURL(/\/signin/);
    await page.getByLabel('Courriel').fill(account.email);
    await page.getByLabel('Mot de passe').fill('not the password at all');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'incorrect' }).waitFor();
    await page.getByLabel('Mot de passe').fill(account.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Connecté : Ada Lovelace').waitFor();
    await page.screenshot({ path: screenshotPath('signed-in-home.png') });
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/signin/);
  });

  it('the secretariat invites an observer, who accepts and sees the board read-only', async () => {
    const boardId = await createBoard(suite.app);
    const secretariat = await client({ cookie: suite.app.adminCookie });
    await secretariat.page.goto(`${suite.app.url}/b/${boardId}/members`);
    await secretariat.page.getByLabel('Rôle de la personne invitée').selectOption('observer');
    await secretariat.page.getByRole('button', { name: 'Créer le lien d’invitation' }).click();
    const inviteUrl = await secretariat.page.getByTestId('invite-url').inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${suite.app.url}/invite#`));

    const guest = await client({ locale: 'en-CA' });
    await guest.page.goto(inviteUrl);
    await guest.page.getByText('as Observer').waitFor();
    await guest.page.getByLabel('Name').fill('Olivia Observer');
    await guest.page.getByLabel('Email').fill('olivia@example.gc.ca');
    await guest.page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await guest.page.getByLabel('Confirm the password').fill('correct horse battery staple');
    await guest.page.getByRole('button', { name: 'Create my account and accept' }).click();
    await guest.page.waitForURL(new RegExp(`/b/${boardId}$`));
    await guest.page
      .locator('[data-testid="fdr-card"]')
      .filter({ visible: true })
      .first()
      .waitFor();
    await guest.page.getByTestId('read-only').waitFor();
    expect(await guest.page.getByTestId('new-card').count()).toBe(0);
    await guest.page.screenshot({ path: screenshotPath('observer-read-only.png') });

    // The same link does not work twice.
    const late = await client({ locale: 'en-CA' });
    await late.page.goto(inviteUrl);
    await late.page.getByText('This invitation has expired or was already used').waitFor();

    await secretariat.page.reload();
    await secretariat.page.getByRole('cell', { name: 'Olivia Observer', exact: true }).waitFor();
  });

  it('a council member edits; the members page is the secretariat’s', async () => {
    const boardId = await createBoard(suite.app);
    const member = await signUpCouncil(suite.app, boardId);
    const { page } = await client({ cookie: member.cookie });
    await page.goto(`${suite.app.url}/b/${boardId}`);
    await page.locator('[data-testid="fdr-card"]').filter({ visible: true }).first().waitFor();
    await page.getByTestId('new-card').waitFor();
    expect(await page.getByTestId('read-only').count()).toBe(0);
    await page.goto(`${suite.app.url}/b/${boardId}/members`);
    await page.getByText('Votre rôle sur ce tableau ne permet pas de gérer ses membres.').waitFor();
  });

  it('nothing leaves the origin', () => {
    expectOwnOriginOnly(suite.guard, suite.app.url, { board: true });
  });
});
