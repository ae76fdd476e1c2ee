import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBoard, openBoard, signUpCouncil } from './harness/board.ts';
import { type Client, newClient, screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

const suite = e2eSuite('timeline');

async function client(cookie: string, locale = 'en-CA'): Promise<Client> {
  const created = await newClient(suite.browser, suite.guard, {
    locale,
    session: { url: suite.app.url, cookie },
  });
  await created.page.setViewportSize({ width: 1440, height: 900 });
  created.context.setDefaultTimeout(90_000);
  suite.clients.push(created);
  return created;
}

const bar = (page: Page, itemId: string) =>
  page.locator(`[data-testid="fdr-item"][data-item-id="${itemId}"]`);

/** The first and last period a bar is drawn over, as its shape says. */
async function spanOf(page: Page, itemId: string) {
  const el = bar(page, itemId);
  return [await el.getAttribute('data-start-period'), await el.getAttribute('data-end-period')];
}

describe('the timeline of roadmap items', () => {
  it('shows the 29 items of the template on the canvas', { timeout: 180_000 }, async () => {
    const boardId = await createBoard(suite.app);
    const council = await signUpCouncil(suite.app, boardId);
    const a = await client(council.cookie);
    await openBoard(a.page, suite.app.url, boardId);
    await expect.poll(() => a.page.getByTestId('fdr-item').count()).toBe(29);
    const labels = await a.page.getByTestId('fdr-item').allTextContents();
    expect(labels.some((text) => text.includes('Service design handbook'))).toBe(true);
  });

  it('a council member stretches an item from Period 1 to Period 3 by its end; the other context sees it', {
    timeout: 240_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const council = await signUpCouncil(suite.app, boardId);
    const a = await client(council.cookie);
    const b = await client(council.cookie, 'fr-CA');
    await Promise.all([
      openBoard(a.page, suite.app.url, boardId),
      openBoard(b.page, suite.app.url, boardId),
    ]);
    // An item of Period 1 only, shown in the opening view.
    const itemId = await a.page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('[data-testid="fdr-item"]')) {
        const r = el.getBoundingClientRect();
        if (
          el.dataset.startPeriod === 'period-1' &&
          el.dataset.endPeriod === 'period-1' &&
          r.width > 0 &&
          r.top > 150 &&
          r.bottom < 800
        )
          return el.dataset.itemId ?? null;
      }
      return null;
    });
    expect(itemId).not.toBeNull();
    const id = itemId!;
    await expect(spanOf(b.page, id)).resolves.toEqual(['period-1', 'period-1']);

    const box = (await bar(a.page, id).boundingBox())!;
    await a.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const period3 = (await a.page.locator('.fdr-period-header').nth(2).boundingBox())!;
    const from = { x: box.x + box.width - 1, y: box.y + box.height / 2 };
    const to = { x: period3.x + period3.width * 0.8, y: from.y };
    await a.page.mouse.move(from.x, from.y);
    await a.page.mouse.down();
    for (let i = 1; i <= 20; i++) {
      await a.page.mouse.move(from.x + ((to.x - from.x) * i) / 20, from.y);
    }
    // Mid-drag, the peer sees a ghost of the bar (presence), not a document change.
    await b.page.locator(`[data-testid="fdr-item-ghost"][data-item-id="${id}"]`).waitFor();
    await expect(spanOf(b.page, id)).resolves.toEqual(['period-1', 'period-1']);
    await a.page.mouse.up();

    await expect
      .poll(() => spanOf(b.page, id), { timeout: 10_000 })
      .toEqual(['period-1', 'period-3']);
    await expect(spanOf(a.page, id)).resolves.toEqual(['period-1', 'period-3']);
    await b.page.screenshot({ path: screenshotPath('timeline-stretched-in-b.png') });
  });

  it('a keyboard-only user creates an item (Tab, Enter, arrows)', {
    timeout: 240_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const council = await signUpCouncil(suite.app, boardId);
    const a = await client(council.cookie);
    const { page } = a;
    await openBoard(page, suite.app.url, boardId);
    const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    for (let i = 0; i < 60 && (await active()) !== 'new-item'; i++)
      await page.keyboard.press('Tab');
    expect(await active()).toBe('new-item');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('item-dialog');
    await dialog.waitFor();
    await page.keyboard.type('Essai au clavier');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keyboard trial');
    await page.keyboard.press('Tab'); // role
    await page.keyboard.press('Tab'); // kind
    await page.keyboard.press('Tab'); // domain
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // first period
    await page.keyboard.press('Tab'); // last period
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // create
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const created = page.getByTestId('fdr-item').filter({ hasText: 'Keyboard trial' });
    await created.waitFor({ state: 'attached' });
    await expect(created.getAttribute('data-end-period')).resolves.toBe('period-3');
    await expect(created.getAttribute('data-start-period')).resolves.toBe('period-1');
    await expect.poll(() => page.getByTestId('fdr-item').count()).toBe(30);
  });
});
