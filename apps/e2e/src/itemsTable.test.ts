import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createBoard, signUpCouncil } from './harness/board.ts';
import { type Client, newClient, screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

const suite = e2eSuite('itemsTable');

afterAll(async () => {
  writeFileSync(screenshotPath('itemsTable-page-errors.log'), suite.pageErrors.join('\n'));
});

async function client(cookie: string, locale = 'en-CA'): Promise<Client> {
  const created = await newClient(suite.browser, suite.guard, {
    locale,
    session: { url: suite.app.url, cookie },
  });
  // Generous: the machine running the suite may be busy.
  created.context.setDefaultTimeout(30_000);
  suite.clients.push(created);
  return created;
}

async function openTable(page: Page, boardId: string): Promise<void> {
  await page.goto(`${suite.app.url}/b/${boardId}/table`);
  await page.getByTestId('item-row').first().waitFor();
  await page.locator('[data-testid="sync-state"][data-sync-state="connected"]').waitFor();
}

const focused = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

const announced = (page: Page, text: string) =>
  page.getByTestId('live-region').getByText(text, { exact: true }).waitFor();

describe('roadmap items in the table view', () => {
  it('a council member creates, re-spans and removes an item by keyboard; another sees each change announced', async () => {
    const boardId = await createBoard(suite.app);
    const council = await signUpCouncil(suite.app, boardId);
    const editor = await client(council.cookie);
    const peer = await client(council.cookie);
    await openTable(editor.page, boardId);
    await openTable(peer.page, boardId);
    const page = editor.page;
    await expect(page.getByTestId('item-row').count()).resolves.toBe(29);

    // Create: the lane's add button, then only keys.
    await page.locator('[data-add-item="domain-digital-skills"]').focus();
    await page.keyboard.press('Enter');
    const add = page.getByTestId('item-add-dialog');
    await add.waitFor();
    expect(await focused(page, '[data-testid="item-label-fr"]')).toBe(true);
    await page.keyboard.type('Échange de talents numériques');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Digital talent exchange');
    await page.keyboard.press('Enter');
    await add.waitFor({ state: 'detached' });
    const created = page.locator('tr[data-item-id]', { hasText: 'Digital talent exchange' });
    await created.waitFor();
    await expect(created.textContent()).resolves.toContain('Period 1');
    // Focus is on the new row's Edit button.
    expect(await focused(page, 'tr[data-item-id] [data-action="edit"]')).toBe(true);
    await announced(
      peer.page,
      'Changed by someone else: Item added: “Digital talent exchange” (Digital skills, Period 1).',
    );

    // Re-span: Tab to "Domain and periods…", then the last period two steps later.
    await page.keyboard.press('Tab');
    expect(await focused(page, '[data-action="span"]')).toBe(true);
    await page.keyboard.press('Enter');
    const span = page.getByTestId('item-span-dialog');
    await span.waitFor();
    expect(await focused(page, '[data-testid="item-domain"]')).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page, '[data-testid="item-end"]')).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await span.waitFor({ state: 'detached' });
    await announced(page, 'Saved: Item “Digital talent exchange” now spans Period 1 – Period 3.');
    await announced(
      peer.page,
      'Changed by someone else: Item “Digital talent exchange” now spans Period 1 – Period 3.',
    );
    const peerRow = peer.page.locator('tr[data-item-id]', { hasText: 'Digital talent exchange' });
    await expect(peerRow.locator('td').nth(3).textContent()).resolves.toBe('Period 3');

    // Remove: focus came back to the span button; Tab to Remove, confirm with Enter.
    expect(await focused(page, '[data-action="span"]')).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const remove = page.getByTestId('item-remove-dialog');
    await remove.waitFor();
    expect(await focused(page, '[data-testid="item-remove-confirm"]')).toBe(true);
    await page.keyboard.press('Enter');
    await remove.waitFor({ state: 'detached' });
    await announced(peer.page, 'Changed by someone else: Item removed: “Digital talent exchange”.');
    await peerRow.waitFor({ state: 'detached' });
    await expect(peer.page.getByTestId('item-row').count()).resolves.toBe(29);
  });

  it('exports the items as CSV and imports the file back: unchanged, then an edit written once', async () => {
    const boardId = await createBoard(suite.app);
    const { page } = await client(suite.app.adminCookie);
    await openTable(page, boardId);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-items-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^roadmap-.*-items\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Libellé (français) / Label (French)');
    expect(csv).toContain('Phase 1 — Period 3');

    const importFile = async (text: string) => {
      await page.getByTestId('import-items-open').click();
      const dialog = page.getByTestId('import-items-dialog');
      await dialog.getByTestId('import-file').setInputFiles({
        name: 'items.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text, 'utf8'),
      });
      return dialog;
    };
    const same = await importFile(csv);
    await same
      .getByTestId('import-summary')
      .getByText('0 to create, 0 to update, 29 unchanged, 0 with errors.')
      .waitFor();
    await expect(same.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await same.waitFor({ state: 'detached' });

    // The same file with the handbook cut to two periods and a bad row added.
    const edited = csv
      .split('\r\n')
      .map((line) =>
        line.startsWith('item-service-design-handbook,')
          ? line.replace(
              /Phase 1 — Période 3,Phase 1 — Period 3/,
              'Phase 1 — Période 2,Phase 1 — Period 2',
            )
          : line,
      )
      .concat(',,Nowhere item,Nulle part,,,,,,Pr')
      .join('\r\n');
    const dialog = await importFile(edited);
    await dialog
      .getByTestId('import-summary')
      .getByText('0 to create, 1 to update, 28 unchanged, 1 with errors.')
      .waitFor();
    await expect(dialog.locator('[data-kind="update"]').textContent()).resolves.toContain(
      'periods',
    );
    await expect(dialog.locator('[data-kind="error"]').textContent()).resolves.toContain(
      'Unknown Domain of interest: “Nulle part”.',
    );
    await dialog.getByTestId('import-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('live-region').getByText('1 rows imported.').waitFor();
    const handbook = page.locator('tr[data-item-id="item-service-design-handbook"]');
    await expect(handbook.locator('td').nth(3).textContent()).resolves.toBe('Period 2');
  });

  it('an observer reads the items but has no control over them', async () => {
    const boardId = await createBoard(suite.app);
    const observer = await suite.app.signUp({ board: boardId, role: 'observer' });
    const { page } = await client(observer.cookie, 'fr-CA');
    await openTable(page, boardId);
    await expect(page.getByTestId('item-row').count()).resolves.toBe(29);
    await page.getByText('Manuel de conception des services').first().waitFor();
    // Its only buttons in rows open an item's comments, to read them.
    await expect(
      page.locator('tr[data-item-id] button:not([data-testid="open-comments"])').count(),
    ).resolves.toBe(0);
    await expect(page.locator('[data-add-item]').count()).resolves.toBe(0);
    await expect(page.getByTestId('import-items-open').count()).resolves.toBe(0);
    // Reading and exporting remain.
    await expect(page.getByTestId('export-items-csv').count()).resolves.toBe(1);
  });
});
