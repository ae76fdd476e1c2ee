import { connectClient, waitFor } from '@fdr/server/src/test/clients.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBoard, openBoard, signUpCouncil } from './harness/board.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

const suite = e2eSuite('structure');
const WAIT = 90_000;

/** Opens the board's structure page and waits for its lists. */
async function openStructure(page: Page, boardId: string): Promise<void> {
  await page.goto(`${suite.app.url}/b/${boardId}/structure`);
  await page.getByTestId('structure-domains').waitFor();
}

/** The dialog of the structure editor: fills its month fields and submits it. */
async function submitDates(page: Page, start: string | null, end: string | null): Promise<void> {
  const dialog = page.getByTestId('structure-dialog');
  if (start !== null) await dialog.getByTestId('structure-start').fill(start);
  if (end !== null) await dialog.getByTestId('structure-end').fill(end);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
}

const columnHeader = (page: Page, phaseId: string) =>
  page.locator(`.fdr-column-header[data-phase-id="${phaseId}"]`);
const laneLabel = (page: Page, domainId: string) =>
  page.locator(`.fdr-lane-label[data-domain-id="${domainId}"]`);

describe('the board structure', () => {
  it('the secretariat adds a Phase 3 with two dated periods and renames a domain; a council member sees both live', {
    timeout: 300_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const council = await signUpCouncil(suite.app, boardId);
    const secretariat = await suite.client({
      cookie: suite.app.adminCookie,
      locale: 'en-CA',
      viewport: { width: 1440, height: 900 },
      timeoutMs: WAIT,
    });
    const member = await suite.client({
      cookie: council.cookie,
      locale: 'en-CA',
      viewport: { width: 1440, height: 900 },
      timeoutMs: WAIT,
    });
    await openBoard(member.page, suite.app.url, boardId);
    // Reachable from the board page, for the secretariat.
    await openBoard(secretariat.page, suite.app.url, boardId);
    // Below 1280 px the top bar's links fold under « Menu ».
    await secretariat.page.getByTestId('topbar-menu').click();
    await secretariat.page.getByTestId('nav-structure').click();
    const page = secretariat.page;
    await page.getByTestId('structure-domains').waitFor();

    // Phase 2 is open-ended in the template: give it an end, then add Phase 3 after it.
    await page.getByRole('button', { name: 'Dates of “Phase 2”' }).click();
    await page.getByTestId('structure-dialog').getByLabel('Open-ended phase').uncheck();
    await submitDates(page, null, '2020-03');
    await page.getByTestId('structure-add-phase').click();
    const phaseDialog = page.getByTestId('structure-dialog');
    await expect(phaseDialog.getByLabel('Name in English').inputValue()).resolves.toBe('Phase 3');
    await phaseDialog.getByLabel('Open-ended phase').uncheck();
    await submitDates(page, '2020-04', '2022-03');
    for (const [start, end] of [
      ['2020-04', '2020-09'],
      ['2020-10', '2021-03'],
    ] as const) {
      await page.getByRole('button', { name: 'Add a period to “Phase 3”' }).click();
      await submitDates(page, start, end);
    }
    // A period outside its phase is refused in place, in the UI language.
    await page.getByRole('button', { name: 'Add a period to “Phase 3”' }).click();
    await page.getByTestId('structure-dialog').getByTestId('structure-start').fill('2023-01');
    await page.getByTestId('structure-dialog').getByTestId('structure-end').fill('2023-06');
    await page.getByTestId('structure-dialog').locator('button[type="submit"]').click();
    await page
      .getByTestId('structure-dialog')
      .getByRole('alert')
      .filter({ hasText: 'must lie within phase "Phase 3"' })
      .waitFor();
    await page.keyboard.press('Escape');

    // Rename a domain in English, keyboard only: Enter on the focused button, type, Enter.
    await page.getByRole('button', { name: 'Rename “Digital skills”' }).focus();
    await page.keyboard.press('Enter');
    const english = page.getByTestId('structure-dialog').getByLabel('Name in English');
    await english.fill('Digital talent');
    await page.keyboard.press('Enter');
    await page.getByTestId('structure-dialog').waitFor({ state: 'detached' });

    // Live on the council member's canvas, with months in the UI language.
    const phase3 = member.page.locator('.fdr-column-header').filter({ hasText: 'Phase 3' });
    await phase3.filter({ hasText: 'Apr 2020 – Mar 2022' }).waitFor();
    await phase3.locator('.fdr-period-header', { hasText: 'Period 4' }).waitFor();
    await phase3.locator('.fdr-period-header', { hasText: 'Period 5' }).waitFor();
    await columnHeader(member.page, 'phase-2').filter({ hasText: 'Apr 2018 – Mar 2020' }).waitFor();
    await laneLabel(member.page, 'domain-digital-skills')
      .filter({ hasText: 'Digital talent' })
      .waitFor();

    // Undo takes back the author's last change (the rename), for everyone.
    await page.getByTestId('undo').click();
    await laneLabel(member.page, 'domain-digital-skills')
      .filter({ hasText: 'Digital skills' })
      .waitFor();
    // Only that step: Phase 3 and its last period stay.
    await phase3.locator('.fdr-period-header', { hasText: 'Period 5' }).waitFor();
  });

  it('a board created from the home page with a start of 2027-04 shows “Apr 2027” dates', {
    timeout: 300_000,
  }, async () => {
    const admin = await suite.client({
      cookie: suite.app.adminCookie,
      locale: 'en-CA',
      viewport: { width: 1440, height: 900 },
      timeoutMs: WAIT,
    });
    const page = admin.page;
    await page.goto(suite.app.url);
    const form = page.getByTestId('create-board');
    await form.getByLabel('Blank board').check();
    await form.getByLabel('Start of Phase 1 (month)').fill('2027-04');
    await expect(form.getByLabel('Length of a period (months)').inputValue()).resolves.toBe('6');
    await form.getByLabel('Number of periods in Phase 1').fill('4');
    await form
      .getByTestId('board-time-preview')
      .filter({
        hasText: 'Phase 1: Apr 2027 – Mar 2029, 4 period(s) of 6 months; Phase 2 from Apr 2029.',
      })
      .waitFor();
    await form.getByLabel('Title in English').fill('2027 roadmap');
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(/\/b\/[^/]+$/);
    await page.locator('[data-testid="sync-state"][data-sync-state="connected"]').waitFor();
    await columnHeader(page, 'phase-1').filter({ hasText: 'Apr 2027 – Mar 2029' }).waitFor();
    await columnHeader(page, 'phase-2').filter({ hasText: 'from Apr 2029' }).waitFor();
    await expect(
      columnHeader(page, 'phase-1').locator('.fdr-period-header').allTextContents(),
    ).resolves.toEqual(['Period 1', 'Period 2', 'Period 3', 'Period 4']);
    // The same dates in French.
    await page.getByTestId('lang-switch').click();
    await columnHeader(page, 'phase-1').filter({ hasText: 'avr. 2027 – mars 2029' }).waitFor();
  });

  it('a council member cannot change the structure: no editor in the interface, writes put back by the server', {
    timeout: 300_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const council = await signUpCouncil(suite.app, boardId);
    const member = await suite.client({
      cookie: council.cookie,
      locale: 'en-CA',
      viewport: { width: 1440, height: 900 },
      timeoutMs: WAIT,
    });
    await openBoard(member.page, suite.app.url, boardId);
    await expect(member.page.getByTestId('nav-structure').count()).resolves.toBe(0);
    await openStructure(member.page, boardId);
    await member.page.getByText('Only the secretariat changes the board’s structure.').waitFor();
    await expect(member.page.getByRole('button', { name: /^Rename/ }).count()).resolves.toBe(0);
    await expect(member.page.getByTestId('structure-add-phase').count()).resolves.toBe(0);

    // A client that writes anyway (the stock provider with the council member's session).
    const syncUrl = `${suite.app.url.replace(/^http/, 'ws')}/sync`;
    const writer = connectClient(syncUrl, boardId, {
      headers: { cookie: `fdr_session=${council.cookie}`, origin: suite.app.url },
    });
    suite.afterEachTest(() => writer.destroy());
    await writer.synced;
    const lane = writer.doc.getMap('domains').get('domain-digital-skills') as {
      set(key: string, value: unknown): void;
      get(key: string): unknown;
    };
    writer.doc.transact(() => lane.set('label.en', 'Taken over'));
    await waitFor(
      () => lane.get('label.en') === 'Digital skills',
      'the server puts the lane back for the writer',
      20_000,
    );
    // And for everyone else: the council member's own page never shows it.
    await openStructure(member.page, boardId);
    await member.page
      .getByTestId('structure-domain-label')
      .filter({ hasText: 'Digital skills' })
      .waitFor();
    await expect(
      member.page.getByTestId('structure-domain-label').filter({ hasText: 'Taken over' }).count(),
    ).resolves.toBe(0);
  });
});
