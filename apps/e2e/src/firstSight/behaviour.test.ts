import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { card, createBoard, waitConnected } from '../harness/board.ts';
import { RESULTS_DIR } from '../harness/browser.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';

/*
 * First sight, behaviour: what a council member, a task-team member and an observer meet when
 * they open a new board from the template, in French and English, on a desktop screen and a
 * phone: no team overdue on day one, a double click that opens a card (and writes nothing), the
 * card panel for every role, overlays that close with Escape one at a time, and people shown
 * under their account's name.
 */

const suite = e2eSuite('first-sight-behaviour');

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SECURITY = 'card-security';
const LANGS = [
  { locale: 'fr-CA', lang: 'fr' },
  { locale: 'en-CA', lang: 'en' },
] as const;

/** Screenshots a person looks at, with the test results unless FDR_SHOTS_DIR says where. */
const SHOTS = process.env.FDR_SHOTS_DIR ?? join(RESULTS_DIR, 'first-sight');
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `behaviour-${name}.png`) });

type Role = 'council' | 'task-team' | 'observer';
const NAMES: Record<Role, string> = {
  council: 'Camille Conseil',
  'task-team': 'Théo Équipe',
  observer: 'Olivia Observatrice',
};

async function person(boardId: string, role: Role) {
  return suite.app.signUp({
    name: NAMES[role],
    board: boardId,
    role,
    ...(role === 'task-team' ? { cards: [SECURITY] } : {}),
  });
}

async function open(
  boardId: string,
  cookie: string,
  options: { locale: string; phone?: boolean },
): Promise<Page> {
  const { page } = await suite.client({
    cookie,
    locale: options.locale,
    ...(options.phone ? { phone: true, viewport: PHONE } : { viewport: DESKTOP }),
    timeoutMs: 20_000,
  });
  await page.goto(`${suite.app.url}/b/${boardId}`);
  // Attached, not visible: on a phone the first card in the page may be outside the view.
  await page.getByTestId('fdr-card').first().waitFor({ state: 'attached' });
  await waitConnected(page);
  return page;
}

/** The centre of a card wholly on screen (the view may not show every card on a phone). */
async function cardOnScreen(
  page: Page,
  preferred = SECURITY,
): Promise<{ id: string; x: number; y: number }> {
  const viewport = page.viewportSize() ?? DESKTOP;
  const ids = [
    preferred,
    ...(await page
      .getByTestId('fdr-card')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-card-id') ?? ''))),
  ];
  for (const id of ids) {
    const box = await card(page, id).boundingBox();
    if (!box) continue;
    // The middle of the card's part on screen (a card spanning a phase is wider than a phone),
    // under the top bars and toolbars, above tldraw's bottom toolbar.
    const left = Math.max(box.x, 40);
    const right = Math.min(box.x + box.width, viewport.width - 40);
    const top = Math.max(box.y, 200);
    const bottom = Math.min(box.y + box.height, viewport.height - 120);
    if (right - left > 24 && bottom - top > 24) {
      return { id, x: (left + right) / 2, y: (top + bottom) / 2 };
    }
  }
  throw new Error('no card on screen');
}

interface Stored {
  annotations: { records: Record<string, { type?: string }> };
  cards: { id: string; domainId: string }[];
}

/** The board as the server stores it (a version of the doc, exported). */
async function stored(boardId: string): Promise<Stored> {
  const headers = {
    'content-type': 'application/json',
    cookie: `fdr_session=${suite.app.adminCookie}`,
  };
  const api = `${suite.app.url}/api/boards/${boardId}/versions`;
  const taken = await fetch(api, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: `Contrôle ${Date.now()}` }),
  });
  expect(taken.status).toBe(201);
  const { version } = (await taken.json()) as { version: { id: string } };
  return (await (await fetch(`${api}/${version.id}/export`, { headers })).json()) as Stored;
}

const activeTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('first sight: behaviour', () => {
  it('a new board has no overdue team and offers no reminder, in French and English, on a desktop and a phone', async () => {
    const boardId = await createBoard(suite.app);
    const council = await person(boardId, 'council');
    for (const { locale, lang } of LANGS) {
      for (const phone of [false, true]) {
        const page = await open(boardId, council.cookie, { locale, phone });
        const cards = page.getByTestId('fdr-card');
        expect(await cards.count()).toBeGreaterThan(30);
        expect(await page.locator('[data-testid="fdr-card"] .fdr-stale').count()).toBe(0);
        const text = (await page.locator('.fdr-canvas').textContent()) ?? '';
        expect(text).not.toContain(lang === 'fr' ? 'En retard' : 'Overdue');
        await shot(page, `new-board-${lang}-${phone ? 'phone' : 'desktop'}`);
      }
    }
    // The secretariat's status page agrees: nobody overdue, no reminder to send.
    for (const { locale, lang } of LANGS) {
      const { page } = await suite.client({
        cookie: suite.app.adminCookie,
        locale,
        viewport: DESKTOP,
      });
      await page.goto(`${suite.app.url}/b/${boardId}/status`);
      await page.getByTestId('status-table').waitFor();
      expect(await page.locator('tr[data-stale="true"]').count()).toBe(0);
      expect(await page.locator('tr[data-stale="false"]').count()).toBeGreaterThan(30);
      expect(await page.getByTestId('reminder-text').count()).toBe(0);
      await page
        .getByText(lang === 'fr' ? 'Aucune équipe n’est en retard.' : 'No team is overdue.')
        .waitFor();
      await shot(page, `status-${lang}`);
    }
  });

  it('a double click on a card opens it and stores no annotation, for every role (checked in the stored doc after a reload)', async () => {
    const boardId = await createBoard(suite.app);
    const before = (await stored(boardId)).annotations.records;
    for (const role of ['council', 'task-team', 'observer'] as const) {
      const account = await person(boardId, role);
      const page = await open(boardId, account.cookie, { locale: 'fr-CA' });
      const target = await cardOnScreen(page);
      await page.mouse.dblclick(target.x, target.y);
      await page.getByTestId('card-panel').waitFor();
      // No text box on the canvas either, not even an empty one waiting to be typed into.
      expect(await page.locator('.tl-shape[data-shape-type="text"]').count()).toBe(0);
      await page.waitForTimeout(400);
      await page.reload();
      await page.getByTestId('fdr-card').filter({ visible: true }).first().waitFor();
      expect(await page.locator('.tl-shape[data-shape-type="text"]').count()).toBe(0);
    }
    const after = (await stored(boardId)).annotations.records;
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Object.values(after).filter((record) => record.type === 'text')).toEqual([]);
  });

  // Eight pages (two roles, two languages, desktop and phone), each opened, read and pictured:
  // more time than one page's test.
  it('a task-team member and an observer open the card panel read-only by double click and by Enter; the task-team member records a check-in from it', async () => {
    const boardId = await createBoard(suite.app);
    for (const { locale, lang } of LANGS) {
      for (const phone of [false, true]) {
        const size = phone ? 'phone' : 'desktop';
        for (const role of ['task-team', 'observer'] as const) {
          const account = await person(boardId, role);
          const page = await open(boardId, account.cookie, { locale, phone });
          const target = await cardOnScreen(page);
          const panel = page.getByTestId('card-panel');

          // Double click.
          await page.mouse.dblclick(target.x, target.y);
          await panel.waitFor();
          expect(await panel.getByTestId('title-fr').isDisabled()).toBe(true);
          expect(await panel.getByTestId('title-en').isDisabled()).toBe(true);
          expect(await panel.getByTestId('panel-save').count()).toBe(0);
          // Only a task-team member on their own card is offered a check-in.
          const mine = role === 'task-team' && target.id === SECURITY;
          expect(await panel.getByTestId('panel-record-checkin').count()).toBe(mine ? 1 : 0);
          await shot(page, `panel-${role}-${lang}-${size}`);
          await page.keyboard.press('Escape');
          await panel.waitFor({ state: 'detached' });

          // Enter on the selected card.
          await page.mouse.click(target.x, target.y);
          await page.keyboard.press('Enter');
          await panel.waitFor();
          expect(await panel.getByTestId('title-fr').isDisabled()).toBe(true);

          if (mine && !phone) {
            await panel.getByTestId('panel-record-checkin').click();
            const form = panel.getByTestId('checkin-form');
            await form
              .getByRole('radio', { name: lang === 'fr' ? 'En bonne voie' : 'On track' })
              .check();
            await form.getByTestId('checkin-submit').click();
            await form.waitFor({ state: 'detached' });
            // The panel's history shows it, as the server recorded it.
            await panel
              .getByTestId('panel-checkins')
              .locator('.fdr-status--on-track, .fdr-chip--on-track')
              .first()
              .waitFor();
            await shot(page, `checkin-recorded-${lang}`);
          }
          await page.keyboard.press('Escape');
          await panel.waitFor({ state: 'detached' });
        }
      }
    }
  }, 150_000);

  it('overlays open one at a time; Escape closes each and focus goes back; Enter in a dialog’s select submits it', async () => {
    const boardId = await createBoard(suite.app);
    const council = await person(boardId, 'council');
    for (const { locale, lang } of LANGS) {
      const page = await open(boardId, council.cookie, { locale });
      const legend = page.getByTestId('legend');
      const exportPanel = page.locator('.fdr-export-menu__panel');
      const panel = page.getByTestId('card-panel');
      const stylePanel = page.locator('.tlui-style-panel');

      // Nothing selected, the select tool in hand: no style panel; a drawing tool brings it.
      expect(await stylePanel.count()).toBe(0);
      await page.getByTestId('tools.note').click();
      await stylePanel.waitFor();
      await page.getByTestId('tools.select').click();
      await stylePanel.waitFor({ state: 'detached' });

      // Legend: Escape closes it, focus back on its button.
      await page.getByTestId('legend-button').click();
      await legend.waitFor();
      await page.keyboard.press('Escape');
      await legend.waitFor({ state: 'detached' });
      expect(await activeTestId(page)).toBe('legend-button');

      // Export menu, then the legend: the menu closes; Escape closes the legend.
      await page.getByTestId('export-menu').click();
      await exportPanel.waitFor();
      await page.getByTestId('legend-button').click();
      await legend.waitFor();
      expect(await exportPanel.count()).toBe(0);
      await shot(page, `one-overlay-${lang}`);
      await page.keyboard.press('Escape');
      await legend.waitFor({ state: 'detached' });

      // A press outside closes the export menu.
      await page.getByTestId('export-menu').click();
      await exportPanel.waitFor();
      await page.locator('.fdr-people__alone').click();
      await exportPanel.waitFor({ state: 'detached' });
      await page.getByTestId('export-menu').click();
      await exportPanel.waitFor();
      await page.keyboard.press('Escape');
      await exportPanel.waitFor({ state: 'detached' });
      expect(await activeTestId(page)).toBe('export-menu');

      // The new-card panel closes the legend, and Escape gives focus back to its button.
      await page.getByTestId('legend-button').click();
      await legend.waitFor();
      await page.getByTestId('new-card').click();
      await panel.waitFor();
      expect(await legend.count()).toBe(0);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await activeTestId(page)).toBe('new-card');

      // A card's panel by Enter; Escape returns to the canvas.
      const target = await cardOnScreen(page);
      await page.mouse.click(target.x, target.y);
      // tldraw's style panel is for annotations: not shown for a card.
      expect(await stylePanel.count()).toBe(0);
      await page.keyboard.press('Enter');
      await panel.waitFor();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(
        await page.evaluate(() => document.activeElement?.closest('.tl-container') !== null),
      ).toBe(true);
      // Alone on the board in the next language too (a page left open would be a peer).
      await page.close();
    }

    // Enter in the move dialog's select moves the card.
    const page = await open(boardId, council.cookie, { locale: 'fr-CA' });
    const target = await cardOnScreen(page);
    await page.mouse.click(target.x, target.y);
    await page.keyboard.press('Shift+M');
    const domain = page.getByTestId('move-domain');
    await domain.selectOption('domain-measurement-reporting');
    await domain.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('move-dialog').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await stored(boardId)).cards.find((c) => c.id === target.id)?.domainId)
      .toBe('domain-measurement-reporting');
  });

  it('people appear under their account’s name: no number, no name field, whole on the cursor', async () => {
    const boardId = await createBoard(suite.app);
    const council = await person(boardId, 'council');
    const observer = await person(boardId, 'observer');
    const a = await open(boardId, council.cookie, { locale: 'fr-CA' });
    const b = await open(boardId, observer.cookie, { locale: 'en-CA' });
    expect(await a.locator('.fdr-people__name').count()).toBe(0);
    expect(await a.getByTestId('me').getAttribute('title')).toBe(NAMES.council);
    const peer = b.getByTestId('follow').filter({ hasText: NAMES.council });
    await peer.waitFor();
    expect(await peer.getAttribute('data-peer-name')).toBe(NAMES.council);
    await a.getByTestId('follow').filter({ hasText: NAMES.observer }).waitFor();
    // A's cursor over the board, as B sees it: the whole name.
    for (let i = 0; i < 5; i++) await a.mouse.move(700 + i * 20, 500);
    const tag = b.locator('.tl-nametag').filter({ hasText: NAMES.council });
    await tag.waitFor();
    const cut = await tag.evaluate((node) => node.scrollWidth > node.clientWidth);
    expect(cut).toBe(false);
    await shot(a, 'people-council-fr');
    await shot(b, 'people-observer-en');
  });
});
