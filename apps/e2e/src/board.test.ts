import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  card,
  cellOfCard,
  clickCard,
  createBoard,
  dragCard,
  openBoard,
  showCard,
  showWholeBoard,
  waitConnected,
  waitForCardIn,
} from './harness/board.ts';
import { type Client, expectOwnOriginOnly, newClient, screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

const suite = e2eSuite('board');
const metrics: Record<string, number> = {};
/** Every error any page logged, across tests. */

afterAll(async () => {
  writeFileSync(screenshotPath('metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  writeFileSync(screenshotPath('page-errors.log'), suite.pageErrors.join('\n'));
});

async function client(options: { locale?: string; cookie?: string } = {}): Promise<Client> {
  // Signed in as the administrator (who acts as secretariat on every board), unless told.
  const { cookie = suite.app.adminCookie, ...rest } = options;
  const created = await newClient(suite.browser, suite.guard, {
    ...rest,
    session: { url: suite.app.url, cookie },
  });
  suite.clients.push(created);
  return created;
}

const SECURITY = 'card-security';
const DIGITAL_SKILLS_PHASE_2 = { domainId: 'domain-digital-skills', phaseId: 'phase-2' };

describe('Feuille de route in Chromium, against the real server and the production build', () => {
  it('home: clear empty state, create from the 2016 template, ten domains and the task teams; tldraw not loaded at home', async () => {
    const { page } = await client({ locale: 'en-CA' });
    const started = Date.now();
    await page.goto(suite.app.url);
    await page.getByTestId('empty-state').waitFor();
    metrics.homeReadyMs = Date.now() - started;
    const homeRequests = suite.guard.seen.filter((u) => u.startsWith(suite.app.url));
    // The home page's own bundle was seen: the guard watched this page.
    expect(homeRequests.some((u) => /\/assets\/index-[\w-]+\.js$/.test(u))).toBe(true);
    expect(homeRequests.some((u) => u.includes('/assets/BoardPage-'))).toBe(false);
    await page.screenshot({ path: screenshotPath('home-empty.png') });

    // The default starting point is the 2016 template, with titles filled in.
    const form = page.getByTestId('create-board');
    await expect(form.getByLabel('Title in English').inputValue()).resolves.toBe(
      'Joint Councils roadmap',
    );
    const clicked = Date.now();
    await form.getByRole('button', { name: 'Create the board' }).click();
    await page.waitForURL(/\/b\/[a-z2-9]{16}$/);
    await page.locator('[data-testid="fdr-card"]').filter({ visible: true }).first().waitFor();
    metrics.templateBoardFirstCardMs = Date.now() - clicked;
    metrics.templateBoardFirstRenderSinceNavigationMs = await page.evaluate(
      () => (window as unknown as { __fdrFirstRenderMs?: number }).__fdrFirstRenderMs ?? -1,
    );
    await waitConnected(page);

    expect(await page.locator('[data-domain-id]').count()).toBe(10);
    await expect(page.locator('[data-domain-id]').first().textContent()).resolves.toBe(
      'Digital governance',
    );
    expect(await page.locator('[data-phase-id]').count()).toBe(2);
    expect(await page.locator('.fdr-period-header').allInnerTexts()).toEqual([
      'Period 1',
      'Period 2',
      'Period 3',
    ]);
    expect(await page.getByTestId('fdr-card').count()).toBe(33);
    await showWholeBoard(page);
    expect(await cellOfCard(page, 'card-privacy')).toEqual({
      domainId: 'domain-digital-enablement',
      phaseId: 'phase-2',
    });
    expect(await cellOfCard(page, 'card-governance-model')).toEqual({
      domainId: 'domain-digital-governance',
      phaseId: 'phase-1',
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('template-board.png') });

    // A newcomer opening the board's link: a fresh profile (cold cache), timed from navigation.
    const cold = await client({ locale: 'en-CA' });
    const navigated = Date.now();
    await cold.page.goto(page.url());
    await cold.page.locator('[data-testid="fdr-card"]').filter({ visible: true }).first().waitFor();
    metrics.templateBoardColdLoadFirstCardMs = Date.now() - navigated;
    metrics.templateBoardColdLoadFirstRenderMs = await cold.page.evaluate(
      () => (window as unknown as { __fdrFirstRenderMs?: number }).__fdrFirstRenderMs ?? -1,
    );
    expect(await cold.page.getByTestId('fdr-card').count()).toBe(33);

    const boardUrl = page.url();
    await page.getByRole('link', { name: 'All boards' }).click();
    const list = page.getByTestId('board-list');
    await list.getByRole('link', { name: 'Joint Councils roadmap', exact: true }).waitFor();

    // Rename (both languages), then open the board again by pasting its address.
    await list.getByRole('button', { name: 'Rename “Joint Councils roadmap”' }).click();
    await list.getByLabel('Title in English').fill('Joint Councils roadmap 2016–2018');
    await list.getByRole('button', { name: 'Save' }).click();
    await list
      .getByRole('link', { name: 'Joint Councils roadmap 2016–2018', exact: true })
      .waitFor();
    await page.getByLabel('Board address or id').fill(boardUrl);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByTestId('board-title').getByText('Joint Councils roadmap 2016–2018').waitFor();
  });

  it('a card dragged in A: B sees a ghost during the drag, then the card in its new cell within a second; it is still there after a reload', async () => {
    const boardId = await createBoard(suite.app);
    // Peers see the account's name.
    const alice = await suite.app.signUp({ name: 'Alice', board: boardId, role: 'council' });
    const a = await client({ cookie: alice.cookie });
    const b = await client();
    await Promise.all([
      openBoard(a.page, suite.app.url, boardId),
      openBoard(b.page, suite.app.url, boardId),
    ]);
    // Lanes far apart: the whole board on both screens, as a person does before a long drag.
    await Promise.all([showWholeBoard(a.page), showWholeBoard(b.page)]);
    await b.page.getByTestId('follow').filter({ hasText: 'Alice' }).waitFor();

    let ghostSeen = false;
    await dragCard(a.page, SECURITY, DIGITAL_SKILLS_PHASE_2, async () => {
      await b.page.getByTestId('fdr-ghost').waitFor({ timeout: 3000 });
      ghostSeen = true;
      await b.page.screenshot({ path: screenshotPath('drag-ghost-in-b.png') });
      // No document write while dragging: B still shows the card in its old cell.
      expect(await cellOfCard(b.page, SECURITY)).toEqual({
        domainId: 'domain-digital-enablement',
        phaseId: 'phase-1',
      });
    });
    const dropped = Date.now();
    await waitForCardIn(b.page, SECURITY, DIGITAL_SKILLS_PHASE_2, 1000);
    metrics.dropSeenByPeerMs = Date.now() - dropped;
    expect(ghostSeen).toBe(true);
    await expect(b.page.getByTestId('fdr-ghost').count()).resolves.toBe(0);
    expect(await cellOfCard(a.page, SECURITY)).toEqual(DIGITAL_SKILLS_PHASE_2);

    await b.page.reload();
    await b.page.locator('[data-testid="fdr-card"]').filter({ visible: true }).first().waitFor();
    await showWholeBoard(b.page);
    await waitForCardIn(b.page, SECURITY, DIGITAL_SKILLS_PHASE_2);
    await a.page.screenshot({ path: screenshotPath('after-drag.png') });
  });

  it('reorders inside a cell, and undo takes back only this user’s own move', async () => {
    const boardId = await createBoard(suite.app);
    const a = await client();
    const b = await client();
    await Promise.all([
      openBoard(a.page, suite.app.url, boardId),
      openBoard(b.page, suite.app.url, boardId),
    ]);

    // Reorder: the third team of the governance cell (whole-phase strips, one under the other)
    // dropped on the upper half of the first goes first.
    const governance = { domainId: 'domain-digital-governance', phaseId: 'phase-1' };
    const firstBox = await card(a.page, 'card-governance-model').boundingBox();
    const thirdBox = await card(a.page, 'card-council-alignment').boundingBox();
    const x = thirdBox!.x + thirdBox!.width / 2;
    const fromY = thirdBox!.y + thirdBox!.height / 2;
    const toY = firstBox!.y + firstBox!.height / 4;
    await a.page.mouse.move(x, fromY);
    await a.page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await a.page.mouse.move(x, fromY + ((toY - fromY) * i) / 10);
    }
    await a.page.mouse.up();
    await b.page.waitForFunction(() => {
      const y = (id: string) =>
        document.querySelector(`[data-card-id="${id}"]`)?.getBoundingClientRect().y ?? 0;
      return y('card-council-alignment') < y('card-governance-model');
    });
    expect(await cellOfCard(b.page, 'card-council-alignment')).toEqual(governance);
    // Lanes far apart: the whole board on both screens, as a person does before a long drag.
    await Promise.all([showWholeBoard(a.page), showWholeBoard(b.page)]);

    // A moves Security, B moves Open data; A undoes: only Security goes back.
    await dragCard(a.page, SECURITY, DIGITAL_SKILLS_PHASE_2);
    await waitForCardIn(b.page, SECURITY, DIGITAL_SKILLS_PHASE_2);
    const measurement = { domainId: 'domain-measurement-reporting', phaseId: 'phase-2' };
    await dragCard(b.page, 'card-open-data', measurement);
    await waitForCardIn(a.page, 'card-open-data', measurement);
    await a.page.getByTestId('undo').click();
    const home = { domainId: 'domain-digital-enablement', phaseId: 'phase-1' };
    await waitForCardIn(a.page, SECURITY, home);
    await waitForCardIn(b.page, SECURITY, home);
    expect(await cellOfCard(a.page, 'card-open-data')).toEqual(measurement);
    expect(await cellOfCard(b.page, 'card-open-data')).toEqual(measurement);
    await a.page.getByTestId('redo').click();
    await waitForCardIn(b.page, SECURITY, DIGITAL_SKILLS_PHASE_2);
  });

  it('keyboard: Shift+M moves the selected card, Enter opens the side panel, an edit reaches the peer', async () => {
    const boardId = await createBoard(suite.app);
    const a = await client({ locale: 'en-CA' });
    const b = await client();
    await Promise.all([
      openBoard(a.page, suite.app.url, boardId),
      openBoard(b.page, suite.app.url, boardId),
    ]);
    // Lanes far apart: the whole board on both screens, as a person does before a long drag.
    await Promise.all([showWholeBoard(a.page), showWholeBoard(b.page)]);

    await clickCard(a.page, SECURITY);
    await a.page.keyboard.press('Shift+M');
    const dialog = a.page.getByTestId('move-dialog');
    await dialog.getByLabel('Domain of interest').selectOption('domain-client-engagement');
    await dialog.getByLabel('Roadmap phase').selectOption('phase-2');
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    const engagement = { domainId: 'domain-client-engagement', phaseId: 'phase-2' };
    await waitForCardIn(b.page, SECURITY, engagement);

    await showCard(a.page, SECURITY);
    await a.page.keyboard.press('Enter');
    const panel = a.page.getByTestId('card-panel');
    await panel.waitFor();
    await expect(panel.getByTestId('title-fr').inputValue()).resolves.toBe(
      'Équipe spéciale chargée de la sécurité',
    );
    await panel.getByTestId('title-en').fill('Cyber security');
    await panel.getByTestId('panel-save').click();
    await a.page.screenshot({ path: screenshotPath('after-edit.png') });
    // B reads French: the French title stays, and an English reader sees the new one.
    await showCard(b.page, SECURITY);
    await expect(card(b.page, SECURITY).textContent()).resolves.toContain('sécurité');
    await card(a.page, SECURITY).getByText('Cyber security').waitFor();
    await b.page.getByTestId('lang-switch').click();
    await card(b.page, SECURITY).getByText('Cyber security').waitFor({ timeout: 3000 });
  });

  it('creates a card from the side panel, French and English side by side, then archives it', async () => {
    const boardId = await createBoard(suite.app, 'blank');
    const a = await client({ locale: 'en-CA' });
    const b = await client();
    await a.page.goto(`${suite.app.url}/b/${boardId}`);
    await waitConnected(a.page);
    await b.page.goto(`${suite.app.url}/b/${boardId}`);
    await waitConnected(b.page);
    expect(await a.page.getByTestId('fdr-card').count()).toBe(0);

    await a.page.getByTestId('new-card').click();
    const panel = a.page.getByTestId('card-panel');
    await panel.getByTestId('title-fr').fill('Équipe spéciale des essais');
    await panel.getByTestId('title-en').fill('Trials task team');
    await panel.getByLabel('Domain of interest').selectOption('domain-client-engagement');
    await panel.getByLabel('Roadmap phase').selectOption('phase-1');
    await panel.getByRole('checkbox', { name: /Period 2/ }).check();
    await panel.getByTestId('panel-save').click();

    const created = b.page
      .getByTestId('fdr-card')
      .filter({ hasText: 'Équipe spéciale des essais' });
    await created.waitFor({ state: 'attached', timeout: 3000 });
    const cardId = (await created.getAttribute('data-card-id')) ?? '';
    await showCard(b.page, cardId);
    expect(await cellOfCard(b.page, cardId)).toEqual({
      domainId: 'domain-client-engagement',
      phaseId: 'phase-1',
    });
    await expect(created.locator('.fdr-periods').getAttribute('aria-label')).resolves.toBe(
      'Périodes 2',
    );

    // The new card is selected in A: edit it, archive it; it leaves B's board too.
    await a.page.getByRole('button', { name: 'Edit the card' }).click();
    a.page.once('dialog', (dialog) => void dialog.accept());
    await a.page
      .getByTestId('card-panel')
      .getByRole('button', { name: 'Archive the card' })
      .click();
    await created.waitFor({ state: 'detached', timeout: 3000 });
    expect(await a.page.getByTestId('fdr-card').count()).toBe(0);
  });

  it('annotations drawn in A appear in B (an arrow bound to a card follows it) and stay after a reload', async () => {
    const boardId = await createBoard(suite.app);
    const a = await client();
    const b = await client();
    await Promise.all([
      openBoard(a.page, suite.app.url, boardId),
      openBoard(b.page, suite.app.url, boardId),
    ]);

    await a.page.getByTestId('tools.note').click();
    await a.page.mouse.click(1150, 650);
    // The note opens in edit mode; type once its text editor has the focus.
    await a.page.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').waitFor();
    await expect
      .poll(() => a.page.evaluate(() => document.activeElement?.getAttribute('contenteditable')))
      .toBe('true');
    await a.page.keyboard.type('Point à discuter');
    await a.page.keyboard.press('Escape');
    await a.page.getByTestId('tools.draw').click();
    await a.page.mouse.move(1100, 450);
    await a.page.mouse.down();
    for (let i = 0; i < 20; i++) await a.page.mouse.move(1100 + i * 6, 450 + (i % 5) * 6);
    await a.page.mouse.up();

    const note = b.page.locator('.tl-shape[data-shape-type="note"]');
    await note.getByText('Point à discuter').waitFor({ timeout: 3000 });
    await b.page.locator('.tl-shape[data-shape-type="draw"]').waitFor({ timeout: 3000 });
    await b.page.screenshot({ path: screenshotPath('annotation-in-b.png') });

    // An arrow bound to a card follows the card when it moves; the card and its new lane are far
    // apart, so both screens show the whole board.
    await Promise.all([showWholeBoard(a.page), showWholeBoard(b.page)]);
    const privacy = await card(a.page, 'card-privacy').boundingBox();
    await a.page.getByTestId('tools.arrow').click();
    await a.page.mouse.move(1100, 300);
    await a.page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await a.page.mouse.move(
        1100 + ((privacy!.x + privacy!.width / 2 - 1100) * i) / 10,
        300 + ((privacy!.y + privacy!.height / 2 - 300) * i) / 10,
      );
    }
    await a.page.mouse.up();
    await a.page.keyboard.press('Escape');
    const arrow = b.page.locator('.tl-shape[data-shape-type="arrow"]');
    await arrow.waitFor({ timeout: 3000 });
    await clickCard(a.page, 'card-privacy');
    await a.page.keyboard.press('Shift+M');
    await a.page.getByTestId('move-domain').selectOption('domain-measurement-reporting');
    await a.page.getByTestId('move-dialog').getByRole('button', { name: 'Déplacer' }).click();
    await waitForCardIn(b.page, 'card-privacy', {
      domainId: 'domain-measurement-reporting',
      phaseId: 'phase-2',
    });
    const moved = await card(b.page, 'card-privacy').boundingBox();
    await b.page.waitForFunction(
      (top) => {
        const box = document
          .querySelector('.tl-shape[data-shape-type="arrow"]')
          ?.getBoundingClientRect();
        return box !== undefined && box.y + box.height >= top - 10;
      },
      moved!.y,
      { timeout: 3000 },
    );

    await b.page.reload();
    await b.page.locator('[data-testid="fdr-card"]').filter({ visible: true }).first().waitFor();
    await note.getByText('Point à discuter').waitFor();
    await showWholeBoard(b.page);
    await arrow.waitFor();
    await b.page.locator('.tl-shape[data-shape-type="draw"]').waitFor();
  });

  it('follow: B follows A, and its view moves with A’s camera', async () => {
    const boardId = await createBoard(suite.app);
    // Peers see the account's name.
    const alice = await suite.app.signUp({ name: 'Alice', board: boardId, role: 'council' });
    const a = await client({ cookie: alice.cookie });
    const b = await client();
    await Promise.all([
      openBoard(a.page, suite.app.url, boardId),
      openBoard(b.page, suite.app.url, boardId),
    ]);
    const follow = b.page.getByTestId('follow').filter({ hasText: 'Alice' });
    await follow.click();
    await expect(follow.getAttribute('aria-pressed')).resolves.toBe('true');

    // A zooms to 100 % around a card; B's screen must end up showing the same place.
    await showWholeBoard(a.page);
    await clickCard(a.page, 'card-research');
    await a.page.keyboard.press('Shift+2');
    const zoomA = a.page.getByTestId('minimap.zoom-menu-button');
    await a.page.waitForTimeout(600);
    const zoomText = (await zoomA.textContent()) ?? '';
    await b.page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="minimap.zoom-menu-button"]')?.textContent?.trim() ===
        expected,
      zoomText.trim(),
      { timeout: 5000 },
    );
    const where = async (page: typeof a.page) => card(page, 'card-research').boundingBox();
    await b.page.waitForTimeout(500);
    const [inA, inB] = await Promise.all([where(a.page), where(b.page)]);
    expect(inB).not.toBeNull();
    expect(Math.abs(inA!.x - inB!.x)).toBeLessThan(12);
    expect(Math.abs(inA!.y - inB!.y)).toBeLessThan(12);
    await b.page.screenshot({ path: screenshotPath('follow-b.png') });
  });

  it('offline: B edits without a connection and shows it pending, then both converge when it is back', async () => {
    const boardId = await createBoard(suite.app);
    const a = await client();
    const b = await client();
    await Promise.all([
      openBoard(a.page, suite.app.url, boardId),
      openBoard(b.page, suite.app.url, boardId),
    ]);
    // Lanes far apart: the whole board on both screens, as a person does before a long drag.
    await Promise.all([showWholeBoard(a.page), showWholeBoard(b.page)]);

    await b.context.setOffline(true);
    await b.page.locator('[data-sync-state="offline"]').waitFor();
    await dragCard(b.page, SECURITY, DIGITAL_SKILLS_PHASE_2);
    await b.page.locator('[data-sync-state="offline-pending"]').waitFor();
    await b.page.screenshot({ path: screenshotPath('offline-pending-b.png') });
    // Meanwhile A moves another card; neither sees the other's move yet.
    const measurement = { domainId: 'domain-measurement-reporting', phaseId: 'phase-2' };
    await dragCard(a.page, 'card-open-data', measurement);
    // A's move made its round trip (the server holds all A has): B's, had it left, would be here.
    await a.page.locator('[data-testid="sync-state"][data-sync-state="connected"]').waitFor();
    await b.page.locator('[data-sync-state="offline-pending"]').waitFor();
    expect(await cellOfCard(a.page, SECURITY)).toEqual({
      domainId: 'domain-digital-enablement',
      phaseId: 'phase-1',
    });

    await b.context.setOffline(false);
    await waitConnected(b.page);
    await waitForCardIn(a.page, SECURITY, DIGITAL_SKILLS_PHASE_2);
    await waitForCardIn(b.page, 'card-open-data', measurement);
    expect(await cellOfCard(b.page, SECURITY)).toEqual(DIGITAL_SKILLS_PHASE_2);
    expect(await cellOfCard(a.page, 'card-open-data')).toEqual(measurement);
  });

  it('speaks French everywhere, tldraw’s own interface included, and remembers the choice', async () => {
    const { page } = await client({ locale: 'en-CA' });
    const boardId = await createBoard(suite.app);
    await page.goto(suite.app.url);
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Créer un tableau' }).waitFor();
    await openBoard(page, suite.app.url, boardId);
    await expect(page.getByTestId('sync-state').textContent()).resolves.toContain('Connecté');
    // tldraw's French comes from its own translation file, served by us.
    await page.locator('[data-testid="tools.draw"][aria-label^="Dessiner"]').waitFor();
    expect(suite.guard.seen.some((u) => /\/assets\/fr-[\w-]+\.json$/.test(u))).toBe(true);
    await expect(page.locator('[data-domain-id]').first().textContent()).resolves.toBe(
      'Gouvernance numérique',
    );
    await page.screenshot({ path: screenshotPath('template-board-fr.png') });
    // Remembered: a new visit of the home page speaks French too.
    await page.goto(suite.app.url);
    await page.getByRole('heading', { name: 'Créer un tableau' }).waitFor();
    await expect(page.getByTestId('lang-switch').textContent()).resolves.toBe('English');
  });

  it('made no request to any host but its own origin, and hit no Content-Security-Policy wall', () => {
    expect(suite.guard.seen.length).toBeGreaterThan(50);
    expectOwnOriginOnly(suite.guard, suite.app.url, { board: true });
    expect(suite.pageErrors.filter((e) => /Content.Security.Policy|Refused to/i.test(e))).toEqual(
      [],
    );
  });
});
