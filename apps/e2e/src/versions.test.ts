import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Cell,
  cellOfCard,
  createBoard,
  dragCard,
  openBoard,
  showWholeBoard,
  signUpCouncil,
  waitForCardIn,
} from './harness/board.ts';
import { type Client, expectOwnOriginOnly, newClient, screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

const suite = e2eSuite('versions');
const metrics: Record<string, number> = {};

afterAll(async () => {
  writeFileSync(screenshotPath('metrics-versions.json'), `${JSON.stringify(metrics, null, 2)}\n`);
});

async function client(cookie: string, locale = 'fr-CA'): Promise<Client> {
  const created = await newClient(suite.browser, suite.guard, {
    locale,
    session: { url: suite.app.url, cookie },
  });
  suite.clients.push(created);
  return created;
}

const SECURITY = 'card-security';
const DIGITAL_SKILLS_PHASE_2: Cell = { domainId: 'domain-digital-skills', phaseId: 'phase-2' };
const VERSION_NAME = 'Réunion de février 2018';

/** The cell a comparison's ghost is drawn in, read from the screen like `cellOfCard`. */
async function cellOfGhost(page: Page, cardId: string): Promise<Cell | null> {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="compare-ghost"][data-card-id="${id}"]`);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const [cx, cy] = [r.x + r.width / 2, r.y + r.height / 2];
    let domainId: string | null = null;
    let phaseId: string | null = null;
    for (const lane of document.querySelectorAll<HTMLElement>('[data-domain-id]')) {
      const l = lane.getBoundingClientRect();
      if (cy >= l.y && cy < l.y + l.height) domainId = lane.dataset.domainId ?? null;
    }
    for (const column of document.querySelectorAll<HTMLElement>('[data-phase-id]')) {
      const c = column.getBoundingClientRect();
      if (cx >= c.x && cx < c.x + c.width) phaseId = column.dataset.phaseId ?? null;
    }
    return domainId && phaseId ? { domainId, phaseId } : null;
  }, cardId);
}

describe('versions', () => {
  it('take a version, move a card, compare (the list shows the move), restore: the card is back in both windows', async () => {
    const boardId = await createBoard(suite.app);
    const council = await signUpCouncil(suite.app, boardId);
    const secretariat = await client(suite.app.adminCookie);
    const a = secretariat.page;
    const b = (await client(council.cookie)).page;
    await Promise.all([openBoard(a, suite.app.url, boardId), openBoard(b, suite.app.url, boardId)]);
    // The whole board, as a person does before dragging a card to a lane far away.
    await Promise.all([showWholeBoard(a), showWholeBoard(b)]);
    const home = await cellOfCard(a, SECURITY);
    if (!home) throw new Error('Security is not on the board');

    // The secretariat names a version on the versions page (a second tab).
    const versions = await secretariat.context.newPage();
    await versions.goto(`${suite.app.url}/b/${boardId}/versions`);
    await versions.getByLabel('Nom de la version').fill(VERSION_NAME);
    await versions.getByLabel('Note (facultative)').fill('État présenté à la réunion');
    await versions.getByRole('button', { name: 'Prendre la version' }).click();
    await versions.getByText(`Version « ${VERSION_NAME} » prise.`).waitFor();
    const row = versions.locator('tr[data-kind="named"]');
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain(VERSION_NAME);
    expect(rowText).toContain('État présenté à la réunion');
    expect(rowText).toContain('Nommée');
    expect(rowText).toContain('Secrétariat E2E');
    expect(rowText).toMatch(/\d+(,\d)? ko/);

    // A moves a card; B sees it. (A hidden tab's frames are throttled: A comes to the front.)
    await a.bringToFront();
    await dragCard(a, SECURITY, DIGITAL_SKILLS_PHASE_2);
    await Promise.all([
      waitForCardIn(a, SECURITY, DIGITAL_SKILLS_PHASE_2),
      waitForCardIn(b, SECURITY, DIGITAL_SKILLS_PHASE_2),
    ]);

    // Compare with now: the list says it, the canvas shows where it came from.
    await versions.bringToFront();
    const compareStarted = Date.now();
    await row.getByTestId('compare-now').click();
    const moved = versions.locator(
      `[data-testid="compare-list"] li[data-kind="card-moved"][data-card-id="${SECURITY}"]`,
    );
    await moved.waitFor();
    metrics.compareTemplateWithNowInBrowserMs = Date.now() - compareStarted;
    expect(await moved.textContent()).toMatch(
      /« Équipe spéciale chargée de la sécurité » déplacée de Habilitation du numérique · Phase 1 à Compétences numériques · Phase 2/,
    );
    expect(await versions.locator('[data-testid="compare-list"] li').count()).toBe(1);
    await versions
      .locator(`[data-testid="compare-ghost"][data-card-id="${SECURITY}"][data-kind="moved"]`)
      .waitFor();
    // The compare canvas opens like the board, at a readable size: the whole board shows both.
    await showWholeBoard(versions);
    await expect.poll(() => cellOfCard(versions, SECURITY)).toEqual(DIGITAL_SKILLS_PHASE_2);
    expect(await cellOfGhost(versions, SECURITY)).toEqual(home);
    expect(
      await versions
        .locator(`[data-testid="compare-badge"][data-card-id="${SECURITY}"]`)
        .textContent(),
    ).toBe('Déplacée');
    await versions.screenshot({ path: screenshotPath('compare-moved.png') });

    // Restore, after a confirmation in the app's own dialog, by keyboard alone; both open
    // windows follow live.
    await versions.getByRole('link', { name: 'Toutes les versions' }).click();
    let browserDialogs = 0;
    versions.on('dialog', (dialog) => {
      browserDialogs++;
      void dialog.dismiss();
    });
    const restoreButton = versions
      .locator('tr[data-kind="named"]')
      .getByRole('button', { name: `Restaurer — ${VERSION_NAME}` });
    const focused = () =>
      versions.evaluate(() => ({
        text: document.activeElement?.textContent ?? '',
        inDialog: Boolean(document.activeElement?.closest('[data-testid="restore-dialog"]')),
      }));
    const dialog = versions.getByTestId('restore-dialog');
    await restoreButton.focus();
    await versions.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe(`Restaurer « ${VERSION_NAME} » ?`);
    expect(await dialog.textContent()).toContain(`Avant la restauration de « ${VERSION_NAME} »`);
    // Focus starts on Cancel (Enter alone must not restore), and stays in the dialog.
    expect(await focused()).toEqual({ text: 'Annuler', inDialog: true });
    await versions.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ text: 'Restaurer', inDialog: true });
    // Escape cancels and gives focus back to the button that opened the dialog.
    await versions.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await focused()).text).toBe(`Restaurer — ${VERSION_NAME}`);
    await versions.keyboard.press('Enter');
    await dialog.waitFor();
    await versions.screenshot({ path: screenshotPath('restore-dialog.png') });
    await versions.keyboard.press('Shift+Tab');
    const restoreStarted = Date.now();
    await versions.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await Promise.all([waitForCardIn(a, SECURITY, home), waitForCardIn(b, SECURITY, home)]);
    metrics.restoreSeenInBothWindowsMs = Date.now() - restoreStarted;
    await versions.getByText(`Tableau restauré à « ${VERSION_NAME} »`).waitFor();
    await expect.poll(async () => (await focused()).text).toBe(`Restaurer — ${VERSION_NAME}`);
    expect(browserDialogs).toBe(0);

    // The state before was kept: open it, read-only, with its banner.
    const kept = versions.locator('tr[data-kind="before-restore"]');
    await kept.waitFor();
    expect(await kept.getByRole('rowheader').textContent()).toBe(
      `Avant la restauration de « ${VERSION_NAME} »`,
    );
    await versions.getByRole('link', { name: 'Ouvrir l’état d’avant' }).click();
    const banner = versions.getByTestId('version-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(
      new RegExp(
        `^Version « Avant la restauration de « ${VERSION_NAME} » », prise le .+ par Secrétariat E2E\\. Lecture seule\\.`,
      ),
    );
    await showWholeBoard(versions);
    await versions.locator(`[data-testid="fdr-card"][data-card-id="${SECURITY}"]`).waitFor();
    await expect.poll(() => cellOfCard(versions, SECURITY)).toEqual(DIGITAL_SKILLS_PHASE_2);
    expect(await versions.getByTestId('new-card').count()).toBe(0);
    await versions.screenshot({ path: screenshotPath('version-before-restore.png') });
    // The same version in the table view, under the same banner.
    await versions.getByTestId('version-view-table').click();
    const table = versions.getByTestId('version-table');
    await table.getByText('Équipe spéciale chargée de la sécurité').first().waitFor();
    expect(versions.url()).toMatch(/\?view=table$/);
    expect(await banner.isVisible()).toBe(true);
  });

  it('exports a version as JSON and imports it as a new board from the home page', async () => {
    const boardId = await createBoard(suite.app);
    const taken = await fetch(`${suite.app.url}/api/boards/${boardId}/versions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `fdr_session=${suite.app.adminCookie}`,
      },
      body: JSON.stringify({ name: 'Export', note: '' }),
    });
    const version = ((await taken.json()) as { version: { id: string; bytes: number } }).version;
    metrics.templateVersionBytes = version.bytes;
    const { page } = await client(suite.app.adminCookie, 'en-CA');
    await page.goto(`${suite.app.url}/b/${boardId}/versions`);
    const link = page.getByRole('link', { name: 'Export (JSON) — Export' });
    const href = await link.getAttribute('href');
    const exported = await fetch(`${suite.app.url}${href}`, {
      headers: { cookie: `fdr_session=${suite.app.adminCookie}` },
    });
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
    const json = await exported.text();
    expect(JSON.parse(json).format).toBe('fdr.roadmap');

    await page.goto(suite.app.url);
    const form = page.getByTestId('import-board');
    await form.getByLabel('Exported JSON file').setInputFiles({
      name: 'roadmap.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
    // The titles come from the file.
    await expect.poll(() => form.getByLabel('Title in English').inputValue()).toBe('Test board');
    await form.getByLabel('Title in English').fill('Imported copy');
    await form.getByRole('button', { name: 'Import as a new board' }).click();
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/);
    expect(page.url()).not.toContain(boardId);
    // The board opens at a readable size from its top-left corner: the card is in the page, and
    // on screen once the whole board is.
    await page
      .locator(`[data-testid="fdr-card"][data-card-id="${SECURITY}"]`)
      .waitFor({ state: 'attached' });
    await showWholeBoard(page);
    await page.locator(`[data-testid="fdr-card"][data-card-id="${SECURITY}"]`).waitFor();
    expect(await page.getByTestId('board-title').textContent()).toBe('Imported copy');

    // A file that is not a roadmap is refused with the model's reason.
    await page.goto(suite.app.url);
    await form.getByLabel('Exported JSON file').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"something-else"}'),
    });
    await form.getByLabel('Title in English').fill('Nope');
    await form.getByRole('button', { name: 'Import as a new board' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/not a roadmap/);
  });

  it('nothing leaves the origin', () => {
    expectOwnOriginOnly(suite.guard, suite.app.url, { board: true });
  });
});
