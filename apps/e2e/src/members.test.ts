import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBoard } from './harness/board.ts';
import { screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

const suite = e2eSuite('members');

const TEXT = {
  fr: {
    locale: 'fr-CA',
    security: 'Équipe spéciale chargée de la sécurité',
    accepted: /acceptée par Aïcha Invitée \(aicha@e2e\.example\) le .+/,
    pending: 'en attente',
    role: 'Rôle de la personne invitée',
  },
  en: {
    locale: 'en-CA',
    security: 'Security',
    accepted: /accepted by Aïcha Invitée \(aicha@e2e\.example\) on .+/,
    pending: 'pending',
    role: 'Role of the person invited',
  },
} as const;

async function api(path: string, body: unknown, cookie?: string) {
  const res = await fetch(`${suite.app.url}/api${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(cookie ? { cookie: `fdr_session=${cookie}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

/** Selects whose shown text is wider than the room inside them (what the eye sees as cut). */
function truncatedSelects(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d');
    if (!canvas) throw new Error('no canvas');
    return [...document.querySelectorAll('select')].flatMap((select) => {
      const style = getComputedStyle(select);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.textContent ?? '';
      // The text, the padding and the drop-down arrow (about 1.25em) must fit.
      const needed =
        canvas.measureText(text).width +
        Number.parseFloat(style.paddingLeft) +
        Number.parseFloat(style.paddingRight) +
        1.25 * Number.parseFloat(style.fontSize);
      return needed > select.getBoundingClientRect().width ? [text] : [];
    });
  });
}

describe('board members (secretariat)', () => {
  it('groups cards by domain, shows a task team’s cards, who accepted, whole role names: FR and EN, desktop and phone', async () => {
    const boardId = await createBoard(suite.app);
    await suite.app.signUp({
      name: 'Téo Équipe',
      board: boardId,
      role: 'task-team',
      cards: ['card-security', 'card-privacy'],
    });
    const invite = await api(
      `/boards/${boardId}/invites`,
      { role: 'council' },
      suite.app.adminCookie,
    );
    await api('/invites/accept', {
      token: String(invite.url).split('#')[1],
      email: 'aicha@e2e.example',
      name: 'Aïcha Invitée',
      password: 'correct horse battery staple',
    });
    await api(`/boards/${boardId}/invites`, { role: 'observer' }, suite.app.adminCookie);

    for (const lang of ['fr', 'en'] as const) {
      for (const phone of [false, true]) {
        const t = TEXT[lang];
        const { page } = await suite.client({
          cookie: suite.app.adminCookie,
          locale: t.locale,
          ...(phone ? { phone: true } : { viewport: { width: 1440, height: 900 } }),
        });
        const size = phone ? '390x844' : '1440x900';
        await page.goto(`${suite.app.url}/b/${boardId}/members`);
        const row = page.locator('tr', { hasText: 'Téo Équipe' });
        await row.waitFor();
        expect(await row.getByTestId('member-cards').textContent()).toContain(t.security);
        const invites = page.getByTestId('invites');
        expect(await invites.textContent()).toMatch(t.accepted);
        expect(await invites.locator('li', { hasText: t.pending }).count()).toBe(1);
        expect(await truncatedSelects(page)).toEqual([]);
        // The table scrolls in its own box: the page keeps the screen's width.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          phone ? 390 : 1440,
        );
        await page.screenshot({
          path: screenshotPath(`members-${lang}-${size}.png`),
          fullPage: true,
        });

        await page.getByLabel(t.role).selectOption('task-team');
        const picker = page.getByTestId('card-picker');
        await picker.waitFor();
        // One group per domain of the template, each named by its legend.
        const groups = picker.locator('fieldset');
        expect(await groups.count()).toBe(10);
        expect(await groups.locator('legend').first().textContent()).not.toBe('');
        // Each box beside its label: on the same line, the box first.
        const misplaced = await picker.evaluate((root) =>
          [...root.querySelectorAll('label')].flatMap((label) => {
            const box = label.querySelector('input')?.getBoundingClientRect();
            const text = label.querySelector('span')?.getBoundingClientRect();
            if (!box || !text) return [label.textContent ?? ''];
            const middle = box.top + box.height / 2;
            return box.right <= text.left && middle >= text.top && middle <= text.bottom
              ? []
              : [label.textContent ?? ''];
          }),
        );
        expect(misplaced).toEqual([]);
        // By keyboard: the box of the security card, then Space.
        const security = picker.getByLabel(t.security);
        await security.focus();
        await page.keyboard.press('Space');
        expect(await security.isChecked()).toBe(true);
        expect(await truncatedSelects(page)).toEqual([]);
        await page.screenshot({
          path: screenshotPath(`members-invite-picker-${lang}-${size}.png`),
          fullPage: true,
        });
        await page.context().close();
        suite.clients.splice(0);
      }
    }
  });

  it('removing a member asks in the app’s own dialog, by keyboard, focus kept and given back', async () => {
    const boardId = await createBoard(suite.app);
    await suite.app.signUp({ name: 'Rémi Retiré', board: boardId, role: 'observer' });
    const { page } = await suite.client({ cookie: suite.app.adminCookie, locale: 'fr-CA' });
    let browserDialogs = 0;
    page.on('dialog', (dialog) => {
      browserDialogs++;
      void dialog.dismiss();
    });
    await page.goto(`${suite.app.url}/b/${boardId}/members`);
    const button = page.getByRole('button', { name: 'Retirer Rémi Retiré' });
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const dialog = page.getByTestId('remove-dialog');
    await button.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe(
      'Retirer Rémi Retiré du tableau ?',
    );
    expect(await focused()).toBe('Annuler');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('Retirer Rémi Retiré');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Retirer');
    await page.keyboard.press('Enter');
    await page.locator('tr', { hasText: 'Rémi Retiré' }).waitFor({ state: 'detached' });
    expect(browserDialogs).toBe(0);
  });
});
