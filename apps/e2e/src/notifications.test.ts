import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBoard, openBoard, signUpCouncil } from './harness/board.ts';
import { type Client, newClient, screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

const suite = e2eSuite('notifications');

async function client(cookie: string, locale = 'en-CA'): Promise<Client> {
  const created = await newClient(suite.browser, suite.guard, {
    locale,
    session: { url: suite.app.url, cookie },
  });
  await created.page.setViewportSize({ width: 1440, height: 900 });
  // The shared machine can take most of a minute to open a board: waits, not assertions.
  created.context.setDefaultTimeout(90_000);
  suite.clients.push(created);
  return created;
}

async function api<T>(path: string, cookie: string): Promise<T> {
  const res = await fetch(`${suite.app.url}${path}`, {
    headers: { cookie: `fdr_session=${cookie}` },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** The page at desktop then phone size, in its language and the other one. */
async function shoot(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  for (let round = 0; round < 2; round++) {
    const lang = (await page.locator('html').getAttribute('lang'))?.slice(0, 2) ?? `${round}`;
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await ready();
      await page.screenshot({ path: screenshotPath(`${name}-${lang}-${width}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    if (round === 0) await page.getByTestId('lang-switch').click();
  }
}

describe('notifications', () => {
  it('a mention reaches the task-team member’s bell live, and opening it leads to the card’s thread', {
    timeout: 300_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const { cards } = await api<{ cards: { id: string; title: { en: string } }[] }>(
      `/api/boards/${boardId}/checkins`,
      suite.app.adminCookie,
    );
    const security = cards.find((c) => c.title.en === 'Security');
    if (!security) throw new Error('no Security card on the template board');
    const member = await suite.app.signUp({
      name: 'Tala Équipe',
      board: boardId,
      role: 'task-team',
      cards: [security.id],
    });
    const council = await signUpCouncil(suite.app, boardId);
    const { user } = await api<{ user: { id: string } }>('/api/auth/me', member.cookie);

    // The task-team member has the board open.
    const m = await client(member.cookie);
    await openBoard(m.page, suite.app.url, boardId);
    const bell = m.page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('0');
    await expect(bell.getAttribute('aria-label')).resolves.toBe('Notifications');

    // A council member, in another browser, mentions them in a comment on the card.
    const c = await client(council.cookie);
    const text = 'Could you share the threat model before the meeting?';
    const posted = await c.context.request.post(`${suite.app.url}/api/boards/${boardId}/comments`, {
      data: {
        targetKind: 'card',
        targetId: security.id,
        body: `@[Tala Équipe](${user.id}) ${text}`,
      },
    });
    expect(posted.status()).toBe(201);

    // The count rises without a reload, and is said to screen readers.
    await expect.poll(() => bell.getAttribute('data-unread'), { timeout: 30_000 }).toBe('1');
    await expect(bell.getAttribute('aria-label')).resolves.toBe('Notifications, 1 unread');
    await expect(m.page.getByTestId('notification-count').textContent()).resolves.toBe('1');
    await expect(m.page.getByTestId('notification-announce').textContent()).resolves.toBe(
      'One new notification.',
    );

    // The panel: the notification in words, unread; Escape closes it and focus goes back.
    await bell.click();
    const item = m.page.getByTestId('notification-item').first();
    await expect(item.textContent()).resolves.toContain('Tala Équipe');
    await expect(item.textContent()).resolves.toContain(
      'Camille Conseil mentioned you in a comment',
    );
    await expect(item.textContent()).resolves.toContain('Test board');
    await expect(item.getAttribute('data-unread')).resolves.toBe('true');
    await m.page.keyboard.press('Escape');
    await m.page.getByTestId('notification-panel').waitFor({ state: 'detached' });
    await expect(
      m.page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).resolves.toBe('notification-bell');

    // The language switch is a press outside the panel, which closes it: opened again each time.
    await shoot(m.page, 'notifications-panel', async () => {
      if ((await m.page.getByTestId('notification-panel').count()) === 0) await bell.click();
      await m.page.getByTestId('notification-item').first().waitFor();
    });
    // Now in French: the same notification in French words.
    await expect(bell.getAttribute('aria-label')).resolves.toBe('Notifications, 1 non lue');
    await expect(m.page.getByTestId('notification-item').first().textContent()).resolves.toContain(
      'Camille Conseil vous mentionne dans un commentaire',
    );

    // Opening it (keyboard): marked read, the card's thread on the board.
    await m.page.getByTestId('notification-item').first().focus();
    await m.page.keyboard.press('Enter');
    await expect
      .poll(() => new URL(m.page.url()).searchParams.get('card'), { timeout: 30_000 })
      .toBe(security.id);
    // The board was already open: it loads afresh, the bell with it.
    await expect.poll(() => bell.getAttribute('data-unread'), { timeout: 30_000 }).toBe('0');
    // The card's panel opens on its thread, with the comment in it.
    const panel = m.page.getByTestId('card-panel');
    await panel.waitFor();
    await panel.getByText(text).waitFor({ timeout: 30_000 });
    expect(m.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('the mail preferences page, from the user menu', { timeout: 120_000 }, async () => {
    const { page, errors } = await client(suite.app.adminCookie);
    await page.goto(suite.app.url);
    await page.getByTestId('account-mail').click();
    await page.waitForURL(/\/account\/mail$/);
    const form = page.getByTestId('mail-preferences');
    await form.waitFor();
    // The test server has no SMTP settings: the page says so.
    await page.getByTestId('mail-not-configured').waitFor();
    const digest = form.locator('input[data-kind="digest"]');
    await expect(digest.isChecked()).resolves.toBe(true);
    await digest.uncheck();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByTestId('mail-saved').textContent())
      .toBe('Mail preferences saved.');
    await page.reload();
    await expect(
      page.getByTestId('mail-preferences').locator('input[data-kind="digest"]').isChecked(),
    ).resolves.toBe(false);
    await shoot(page, 'mail-preferences', async () => {
      await page.getByTestId('mail-preferences').waitFor();
    });
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
