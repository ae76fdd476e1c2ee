import type { Browser } from 'playwright-core';
import { freshContext } from './launchChromium.ts';

/**
 * Opens the home page (the boards catalog) in a fresh profile and waits until the list is shown
 * and the network has been idle for half a second; returns every URL it received. The catalog
 * must never download the board's chunk (tldraw, Yjs): comparing this list with a board's shows
 * what the board route adds.
 */
export async function measureHomePage(
  browser: Browser,
  app: { url: string; cookie: string },
): Promise<string[]> {
  const context = await freshContext(browser, app.url, app.cookie);
  try {
    const page = await context.newPage();
    const responses: string[] = [];
    page.on('response', (response) => responses.push(response.url()));
    await page.goto(`${app.url}/`);
    await page
      .locator('[data-testid="board-list"], [data-testid="empty-state"]')
      .first()
      .waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return responses;
  } finally {
    await context.close();
  }
}
