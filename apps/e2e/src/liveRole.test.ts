import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBoard, openBoard, signUpCouncil, waitConnected } from './harness/board.ts';
import { type Client, newClient, screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

const suite = e2eSuite('live-role', { REVALIDATE_INTERVAL_MS: '500' });

async function client(cookie: string, locale = 'en-CA'): Promise<Client> {
  const created = await newClient(suite.browser, suite.guard, {
    locale,
    session: { url: suite.app.url, cookie },
  });
  await created.page.setViewportSize({ width: 1440, height: 900 });
  // The shared CI machine can take most of a minute to open a board: waits, not assertions.
  created.context.setDefaultTimeout(90_000);
  suite.clients.push(created);
  return created;
}

/** The secretariat sets a member's role through the REST API, as the members page does. */
async function setRole(boardId: string, cookie: string, role: string): Promise<void> {
  const who = await fetch(`${suite.app.url}/api/auth/me`, {
    headers: { cookie: `fdr_session=${cookie}` },
  });
  const { user } = (await who.json()) as { user: { id: string } };
  const res = await fetch(`${suite.app.url}/api/boards/${boardId}/members/${user.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: `fdr_session=${suite.app.adminCookie}` },
    body: JSON.stringify({ role, cardIds: [] }),
  });
  if (res.status !== 200) throw new Error(`set role failed: ${res.status} ${await res.text()}`);
}

async function addNote(page: Page, text: string, at: { x: number; y: number }): Promise<void> {
  await page.getByTestId('tools.note').click();
  await page.mouse.click(at.x, at.y);
  // The note opens in edit mode; type once its text editor has the focus.
  await page.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').waitFor();
  await page.waitForTimeout(100);
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

const note = (page: Page, text: string) =>
  page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: text });

/** The notice at desktop and phone sizes, in the page's language and the other one. */
async function shootNotice(page: Page, name: string): Promise<void> {
  const notice = page.getByTestId('role-notice');
  for (const lang of ['a', 'b']) {
    const tag = (await page.locator('html').getAttribute('lang'))?.slice(0, 2) ?? lang;
    await page.setViewportSize({ width: 1440, height: 900 });
    await notice.waitFor();
    await page.screenshot({ path: screenshotPath(`${name}-${tag}-1440.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    await notice.waitFor();
    await page.screenshot({ path: screenshotPath(`${name}-${tag}-390.png`) });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('lang-switch').click();
  }
}

describe('a role changed while the board is open', () => {
  it('council member demoted to observer: the tools go, a note refused by the server is rolled back and the page says so', {
    timeout: 300_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const council = await signUpCouncil(suite.app, boardId);
    const a = await client(council.cookie);
    const secretariat = await client(suite.app.adminCookie);
    await Promise.all([
      openBoard(a.page, suite.app.url, boardId),
      openBoard(secretariat.page, suite.app.url, boardId),
    ]);
    await a.page.getByTestId('new-card').waitFor();

    // Demoted while connected: the server closes the socket; the tools go without a reload.
    await setRole(boardId, council.cookie, 'observer');
    await a.page.getByTestId('read-only').waitFor();
    await expect(a.page.getByTestId('new-card').count()).resolves.toBe(0);
    const notice = a.page.getByTestId('role-notice');
    await expect(notice.textContent()).resolves.toContain(
      'Your role on this board changed to Observer.',
    );
    await expect(notice.getAttribute('data-lost')).resolves.toBe('false');
    await expect(a.page.getByTestId('tools.note').count()).resolves.toBe(0);
    await waitConnected(a.page);
    await a.page.getByTestId('role-notice-ok').click();

    // Promoted back: the tools return.
    await setRole(boardId, council.cookie, 'council');
    await a.page.getByTestId('new-card').waitFor();
    await expect(notice.textContent()).resolves.toContain('You can now add and change cards');
    await a.page.getByTestId('role-notice-ok').click();
    await waitConnected(a.page);

    // A note made where the server cannot hear, then a demotion before it is sent: refused.
    await a.context.setOffline(true);
    await a.page.locator('[data-sync-state="offline"]').waitFor();
    await addNote(a.page, 'Offline idea', { x: 1200, y: 650 });
    await a.page.locator('[data-sync-state="offline-pending"]').waitFor();
    await setRole(boardId, council.cookie, 'observer');
    await a.context.setOffline(false);

    await expect.poll(() => notice.getAttribute('data-lost'), { timeout: 90_000 }).toBe('true');
    await expect(notice.textContent()).resolves.toContain('Your last changes were not kept');
    await a.page.getByTestId('read-only').waitFor();
    // The board reopened from the server: the refused note is gone, and nothing waits to be sent.
    await a.page.locator('[data-testid="fdr-card"]').filter({ visible: true }).first().waitFor();
    await waitConnected(a.page);
    await expect(note(a.page, 'Offline idea').count()).resolves.toBe(0);
    await shootNotice(a.page, 'role-demoted');

    // The note never reached the server: not in the secretariat's page, nor after a reload there.
    await secretariat.page.reload();
    await secretariat.page
      .locator('[data-testid="fdr-card"]')
      .filter({ visible: true })
      .first()
      .waitFor();
    await waitConnected(secretariat.page);
    await expect(note(secretariat.page, 'Offline idea').count()).resolves.toBe(0);
    // Nor after a reload of the demoted page (its offline copy was dropped).
    await a.page.reload();
    await a.page.locator('[data-testid="fdr-card"]').filter({ visible: true }).first().waitFor();
    await waitConnected(a.page);
    await expect(note(a.page, 'Offline idea').count()).resolves.toBe(0);
    await expect(a.page.getByTestId('role-notice').count()).resolves.toBe(0);
    expect(a.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('observer promoted to council member: the tools come without a reload, and a note reaches the others', {
    timeout: 300_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const observer = await suite.app.signUp({
      name: 'Olivier Obs',
      board: boardId,
      role: 'observer',
    });
    const o = await client(observer.cookie, 'fr-CA');
    const secretariat = await client(suite.app.adminCookie);
    await Promise.all([
      openBoard(o.page, suite.app.url, boardId),
      openBoard(secretariat.page, suite.app.url, boardId),
    ]);
    await o.page.getByTestId('read-only').waitFor();
    await expect(o.page.getByTestId('new-card').count()).resolves.toBe(0);

    await setRole(boardId, observer.cookie, 'council');
    await o.page.getByTestId('new-card').waitFor();
    await expect(o.page.getByTestId('read-only').count()).resolves.toBe(0);
    await expect(o.page.getByTestId('role-notice').textContent()).resolves.toContain(
      'Votre rôle sur ce tableau est maintenant : Membre du conseil.',
    );
    await shootNotice(o.page, 'role-promoted');

    await waitConnected(o.page);
    await addNote(o.page, 'Nouvelle idée', { x: 1200, y: 650 });
    await note(secretariat.page, 'Nouvelle idée').waitFor();
    await waitConnected(o.page);
    expect(o.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('the table view follows the role too: row editing goes on demotion and comes back on promotion', {
    timeout: 300_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const council = await signUpCouncil(suite.app, boardId);
    const { page } = await client(council.cookie);
    await page.goto(`${suite.app.url}/b/${boardId}/table`);
    const editButtons = page.locator('[data-testid="table-row"] [data-action="edit"]');
    await editButtons.first().waitFor();
    await waitConnected(page);

    await setRole(boardId, council.cookie, 'observer');
    await page.getByTestId('role-notice').waitFor();
    await editButtons.first().waitFor({ state: 'detached' });
    expect(await page.getByTestId('table-row').count()).toBeGreaterThan(20);
    await page.screenshot({ path: screenshotPath('role-demoted-table-en-1440.png') });

    await page.getByTestId('role-notice-ok').click();
    await setRole(boardId, council.cookie, 'council');
    await page.getByTestId('role-notice').waitFor();
    await editButtons.first().waitFor();
  });
});
