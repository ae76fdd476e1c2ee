import { describe, expect, it } from 'vitest';
import { createBoard, signUpCouncil } from './harness/board.ts';
import { screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

const suite = e2eSuite('comments');

interface ListedCard {
  id: string;
  title: { fr: string; en: string };
}

async function securityCard(boardId: string): Promise<ListedCard> {
  const res = await fetch(`${suite.app.url}/api/boards/${boardId}/checkins`, {
    headers: { cookie: `fdr_session=${suite.app.adminCookie}` },
  });
  const cards = ((await res.json()) as { cards: ListedCard[] }).cards;
  const found = cards.find((c) => c.title.en === 'Security');
  if (!found) throw new Error('no Security card on the template board');
  return found;
}

/** A named version now: "since the last meeting" counts from it. */
async function takeVersion(boardId: string): Promise<void> {
  const res = await fetch(`${suite.app.url}/api/boards/${boardId}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `fdr_session=${suite.app.adminCookie}` },
    body: JSON.stringify({ name: 'Meeting' }),
  });
  if (res.status !== 201) throw new Error(`version failed: ${res.status}`);
}

describe('conversations on cards', () => {
  it('a council member mentions a task-team member from a link to the thread; the reply, counts and report follow live; an observer reads only', {
    timeout: 300_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const security = await securityCard(boardId);
    await takeVersion(boardId);
    const council = await signUpCouncil(suite.app, boardId);
    const member = await suite.app.signUp({
      name: 'Tala Équipe',
      board: boardId,
      role: 'task-team',
      cards: [security.id],
    });
    const observer = await suite.app.signUp({
      name: 'Olivier Obs',
      board: boardId,
      role: 'observer',
    });

    // A link to the card's thread opens the panel on it (as a notification does).
    const a = await suite.client({ cookie: council.cookie, locale: 'en-CA', timeoutMs: 90_000 });
    await a.page.goto(`${suite.app.url}/b/${boardId}?card=${security.id}`);
    const section = a.page.getByTestId('comments-section');
    await section.waitFor();
    await expect(section.locator('h3').textContent()).resolves.toBe('Comments (0)');
    await section.getByTestId('comments-empty').waitFor();
    await expect
      .poll(() => a.page.evaluate(() => document.activeElement?.tagName), { timeout: 30_000 })
      .toBe('H3');

    // @mention by keyboard: the combobox lists the person, Enter inserts the markup.
    const body = section.getByTestId('comment-composer').getByTestId('comment-body');
    await body.click();
    await a.page.keyboard.type('Can you confirm the date, @Tal');
    await expect(body.getAttribute('aria-expanded')).resolves.toBe('true');
    await section.getByRole('option', { name: 'Tala Équipe' }).waitFor();
    await a.page.keyboard.press('Enter');
    await expect(body.inputValue()).resolves.toMatch(/@\[Tala Équipe\]\([^)]+\) $/);
    await expect(body.getAttribute('aria-expanded')).resolves.toBe('false');
    await a.page.keyboard.type('please?');
    await section.getByTestId('comment-send').click();
    const first = section.getByTestId('comment').first();
    await first.locator('.fdr-mention', { hasText: '@Tala Équipe' }).waitFor();
    await expect(section.locator('h3').textContent()).resolves.toBe('Comments (1)');
    await a.page.screenshot({ path: screenshotPath('comments-panel-en-1440.png') });

    // The task-team member's table view shows the count live and opens the thread in a dialog.
    const b = await suite.client({ cookie: member.cookie, locale: 'fr-CA', timeoutMs: 90_000 });
    await b.page.goto(`${suite.app.url}/b/${boardId}/table`);
    const open = b.page.locator(`tr[data-card-id="${security.id}"] [data-testid="open-comments"]`);
    await expect.poll(() => open.textContent(), { timeout: 30_000 }).toContain('Commentaires (1)');
    await open.focus();
    await b.page.keyboard.press('Enter');
    const dialog = b.page.getByTestId('comments-dialog');
    await dialog.getByTestId('comment').first().waitFor();
    await dialog.getByTestId('comment-reply').click();
    await b.page.keyboard.type('Oui, le 12 mars.');
    await dialog.getByTestId('reply-composer').getByTestId('comment-send').click();
    await dialog.locator('.fdr-thread__replies [data-testid="comment"]').waitFor();
    await b.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus is back on the button that opened the dialog.
    await expect
      .poll(() => b.page.evaluate(() => document.activeElement?.getAttribute('data-action')), {
        timeout: 30_000,
      })
      .toBe('comments');

    // The council member's open thread and card count follow live.
    await section.locator('.fdr-thread__replies [data-testid="comment"]').waitFor();
    await expect
      .poll(() => section.locator('h3').textContent(), { timeout: 30_000 })
      .toBe('Comments (2)');
    await a.page
      .locator(`[data-testid="fdr-card"][data-card-id="${security.id}"] .fdr-card__comments`)
      .filter({ hasText: '2' })
      .waitFor();

    // An observer reads, and cannot write.
    const c = await suite.client({ cookie: observer.cookie, locale: 'en-CA', timeoutMs: 90_000 });
    await c.page.goto(`${suite.app.url}/b/${boardId}?card=${security.id}`);
    const read = c.page.getByTestId('comments-section');
    await read.getByTestId('comments-read-only').waitFor();
    // The thread loads after the panel: wait for its second comment before counting.
    await read.getByTestId('comment').nth(1).waitFor();
    await expect(read.getByTestId('comment').count()).resolves.toBe(2);
    await expect(read.getByTestId('comment-composer').count()).resolves.toBe(0);
    await c.page.setViewportSize({ width: 390, height: 844 });
    await c.page.screenshot({ path: screenshotPath('comments-observer-en-390.png') });

    // "Since the last meeting" lists the discussion with its count and latest excerpt.
    await a.page.goto(`${suite.app.url}/b/${boardId}/since`);
    const discussions = a.page.getByTestId('discussions');
    await discussions.locator(`li[data-card-id="${security.id}"]`).waitFor();
    await expect(discussions.textContent()).resolves.toContain('2 new comments');
    await expect(discussions.textContent()).resolves.toContain('Oui, le 12 mars.');
  });
});

describe('opening the board without a link', () => {
  it('a selection carried from the table does not open the panel', {
    timeout: 180_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const security = await securityCard(boardId);
    const council = await signUpCouncil(suite.app, boardId);
    const a = await suite.client({ cookie: council.cookie, locale: 'en-CA', timeoutMs: 90_000 });
    await a.page.goto(`${suite.app.url}/b/${boardId}/table?card=${security.id}`);
    await a.page.getByTestId('view-canvas').click();
    await a.page.waitForURL(`**/b/${boardId}?card=${security.id}`);
    await a.page.locator('[data-testid="fdr-card"]:visible').first().waitFor();
    await expect(a.page.getByTestId('card-panel').count()).resolves.toBe(0);
  });
});
