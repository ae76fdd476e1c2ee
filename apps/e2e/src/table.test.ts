import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  card,
  createBoard,
  createBoardCreatedAt,
  openBoard,
  showCard,
  showWholeBoard,
  signUpCouncil,
  waitForCardIn,
} from './harness/board.ts';
import { type Client, expectOwnOriginOnly, newClient, screenshotPath } from './harness/browser.ts';
import { decodePng } from './harness/decodePng.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

/** The lane colours of the 2016 template (packages/model, templateRoadmap.ts), in lane order. */
const TEMPLATE_LANE_COLOURS = [
  '#1f4e79',
  '#6a3d9a',
  '#00695c',
  '#b3261e',
  '#a14a00',
  '#2e7d32',
  '#ad1457',
  '#6b6100',
  '#455a64',
  '#0277bd',
];

const suite = e2eSuite('table');

afterAll(async () => {
  writeFileSync(screenshotPath('table-page-errors.log'), suite.pageErrors.join('\n'));
});

async function client(cookie: string, locale = 'en-CA'): Promise<Client> {
  const created = await newClient(suite.browser, suite.guard, {
    locale,
    session: { url: suite.app.url, cookie },
  });
  // Generous: the machine running the suite may be busy; a canvas cold start can take a while.
  created.context.setDefaultTimeout(30_000);
  suite.clients.push(created);
  return created;
}

const SECURITY = 'card-security';
const row = (page: Page, cardId: string) => page.locator(`tr[data-card-id="${cardId}"]`);

async function openTable(page: Page, boardId: string, query = ''): Promise<void> {
  await page.goto(`${suite.app.url}/b/${boardId}/table${query}`);
  await page.getByTestId('table-row').first().waitFor();
  await page.locator('[data-testid="sync-state"][data-sync-state="connected"]').waitFor();
}

/** Presses Tab until the focused element matches `selector` (a keyboard user's way there). */
async function tabTo(page: Page, selector: string, limit = 400): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focused = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

describe('the table view', () => {
  it('shows the live board as tables under domain and phase headings; others’ changes appear and are announced', async () => {
    const boardId = await createBoard(suite.app);
    const council = await signUpCouncil(suite.app, boardId);
    const table = await client(council.cookie);
    await openTable(table.page, boardId);
    const page = table.page;
    // Real structure: ten domain headings (h2), a phase heading (h3) per cell, table semantics.
    const domains = page.locator('h2.fdr-domain-heading');
    await expect(domains.count()).resolves.toBe(10);
    await expect(domains.first().textContent()).resolves.toBe('Digital governance');
    await expect(page.locator('h3.fdr-phase-heading').count()).resolves.toBe(20);
    const cards = await page.getByTestId('table-row').count();
    expect(cards).toBeGreaterThan(25);
    await expect(row(page, SECURITY).locator('th[scope="row"]').textContent()).resolves.toContain(
      'Security',
    );
    const headers = await page
      .locator('.fdr-phase-group[data-phase-id="phase-1"] table')
      .first()
      .locator('thead th[scope="col"]')
      .allTextContents();
    expect(headers).toEqual([
      'Task team',
      'Role',
      'State',
      'Periods',
      'Latest check-in',
      'Next milestone',
      'Lead jurisdiction',
      'Members',
      'Formed from',
      'Mandate',
      'Deliverables',
      'Comments',
      'Actions',
    ]);
    await page.screenshot({ path: screenshotPath('table-view.png'), fullPage: false });

    // Someone else moves a card on the canvas: the row changes group, and it is announced.
    const other = await client(suite.app.adminCookie);
    await openBoard(other.page, suite.app.url, boardId);
    await showCard(other.page, SECURITY);
    await other.page.keyboard.press('Shift+M');
    const dialog = other.page.getByTestId('move-dialog');
    await dialog.getByLabel('Domain of interest').selectOption('domain-digital-skills');
    await dialog.getByLabel('Roadmap phase').selectOption('phase-2');
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await page
      .locator(
        `section[data-domain-id="domain-digital-skills"] .fdr-phase-group[data-phase-id="phase-2"] tr[data-card-id="${SECURITY}"]`,
      )
      .waitFor();
    const live = page.getByTestId('live-region');
    await expect(live.getAttribute('aria-live')).resolves.toBe('polite');
    await live
      .getByText('Changed by someone else: “Security” moved to Digital skills, Phase 2.')
      .waitFor();
  });

  it('keeps filters and sort in the address, across a reload', async () => {
    const boardId = await createBoard(suite.app);
    const council = await suite.app.signUp({ board: boardId, role: 'council' });
    const { page } = await client(council.cookie);
    await openTable(page, boardId);
    await page.getByTestId('filter-domain').selectOption('domain-digital-enablement');
    await page.getByTestId('filter-role').selectOption('CE');
    await page.getByTestId('sort').selectOption('title');
    await page.getByTestId('filter-q').fill('données');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('données');
    const url = new URL(page.url());
    expect(url.searchParams.get('domain')).toBe('domain-digital-enablement');
    expect(url.searchParams.get('role')).toBe('CE');
    expect(url.searchParams.get('sort')).toBe('title');
    await expect(page.getByTestId('table-row').count()).resolves.toBe(1);
    await page
      .getByTestId('shown-count')
      .getByText(/^Task teams shown: 1 of \d+ · roadmap items shown: 1 of 29$/)
      .waitFor();
    await page.reload();
    await page.getByTestId('table-row').first().waitFor();
    await expect(page.getByTestId('table-row').count()).resolves.toBe(1);
    await expect(page.getByTestId('filter-q').inputValue()).resolves.toBe('données');
    await expect(page.getByTestId('filter-role').inputValue()).resolves.toBe('CE');
    // One table across cells when ungrouped: domain and phase become columns; the roadmap items
    // that pass the filters (here Open data, CE in Digital enablement) are a second table.
    await page.getByTestId('filter-q').fill('');
    await page.getByTestId('group').uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('group')).toBe('none');
    await expect(page.locator('table').count()).resolves.toBe(2);
    await expect(page.locator('thead th').nth(1).textContent()).resolves.toBe('Domain of interest');
    await expect(
      page.locator('thead th[aria-sort="ascending"]').first().textContent(),
    ).resolves.toContain('Task team');
    await page.getByTestId('filter-status').selectOption('blocked');
    await page.getByTestId('no-match').waitFor();
  });

  it('keyboard only (Tab, arrows, Enter, Escape): moves a card to another phase and posts a check-in', async () => {
    const boardId = await createBoard(suite.app);
    const council = await suite.app.signUp({
      name: 'Kim Keyboard',
      board: boardId,
      role: 'council',
    });
    const { page } = await client(council.cookie);
    await openTable(page, boardId);

    // Narrow the table with the search field.
    await tabTo(page, '[data-testid="filter-q"]');
    await page.keyboard.type('Security');
    await expect.poll(() => page.getByTestId('table-row').count()).toBe(1);

    // Move: Tab to the row's button, Enter opens the dialog, arrows pick Phase 2, Enter moves.
    await tabTo(page, `tr[data-card-id="${SECURITY}"] [data-action="move"]`);
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('table-move-dialog');
    await dialog.waitFor();
    await expect.poll(() => focused(page, '[data-testid="table-move-domain"]')).toBe(true);
    // Escape closes the dialog without moving, and focus goes back to the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => focused(page, `tr[data-card-id="${SECURITY}"] [data-action="move"]`))
      .toBe(true);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page, '[data-testid="table-move-phase"]')).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByTestId('table-move-phase').inputValue()).resolves.toBe('phase-2');
    await tabTo(page, '[data-testid="table-move-dialog"] button[type="submit"]', 5);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page
      .locator(`.fdr-phase-group[data-phase-id="phase-2"] tr[data-card-id="${SECURITY}"]`)
      .waitFor();
    // Focus follows the row to its new table.
    await expect
      .poll(() => focused(page, `tr[data-card-id="${SECURITY}"] [data-action="move"]`))
      .toBe(true);
    await page
      .getByTestId('live-region')
      .getByText('Saved: “Security” moved to Digital enablement, Phase 2.')
      .waitFor();

    // Escape also cancels a row edit, and gives focus back to its Edit button.
    await page.keyboard.press('Shift+Tab');
    await expect
      .poll(() => focused(page, `tr[data-card-id="${SECURITY}"] [data-action="edit"]`))
      .toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Not saved');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => focused(page, `tr[data-card-id="${SECURITY}"] [data-action="edit"]`))
      .toBe(true);
    await expect(row(page, SECURITY).locator('th').textContent()).resolves.not.toContain(
      'Not saved',
    );

    // Check-in: Enter opens the form, arrows choose the status, Enter posts it.
    await tabTo(page, `tr[data-card-id="${SECURITY}"] [data-action="checkin"]`, 5);
    await page.keyboard.press('Enter');
    const checkin = page.getByTestId('checkin-dialog');
    await checkin.waitFor();
    await expect.poll(() => focused(page, 'input[type="radio"][value="on-track"]')).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page, 'input[type="radio"][value="at-risk"]')).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('40');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Norme en retard');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Standard late');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await expect
      .poll(() => focused(page, '[data-testid="checkin-dialog"] input[type="number"]'))
      .toBe(true);
    await page.keyboard.press('Enter');
    await checkin.waitFor({ state: 'detached' });
    const status = row(page, SECURITY).locator('.fdr-col--status');
    await status.getByText('At risk').waitFor();
    await status.getByText('40% done').waitFor();
    await status.getByText('Standard late').waitFor();
    expect(await focused(page, `tr[data-card-id="${SECURITY}"] [data-action="checkin"]`)).toBe(
      true,
    );
    await page
      .getByTestId('live-region')
      .getByText(/^Saved: “Security”: check-in none → At risk\.$/)
      .waitFor();
    await page.screenshot({ path: screenshotPath('table-keyboard-checkin.png') });

    // The canvas agrees: the card is in Phase 2 with its new status.
    const canvas = await client(suite.app.adminCookie);
    await openBoard(canvas.page, suite.app.url, boardId);
    await showWholeBoard(canvas.page);
    await waitForCardIn(canvas.page, SECURITY, {
      domainId: 'domain-digital-enablement',
      phaseId: 'phase-2',
    });
    // Its status is written out at readable size.
    await showCard(canvas.page, SECURITY);
    await card(canvas.page, SECURITY)
      .getByText(/At risk/)
      .waitFor();
  });

  it('edits a row in place; the canvas elsewhere shows the edit', async () => {
    const boardId = await createBoard(suite.app);
    const council = await suite.app.signUp({ board: boardId, role: 'council' });
    const { page } = await client(council.cookie);
    await openTable(page, boardId);
    const canvas = await client(suite.app.adminCookie);
    await openBoard(canvas.page, suite.app.url, boardId);
    await showCard(canvas.page, SECURITY);

    const security = row(page, SECURITY);
    await security.locator('[data-action="edit"]').click();
    await security.getByLabel('Task team — English (Security)').fill('Cyber security');
    await security.getByLabel('Lead jurisdiction (Security)').fill('Nouveau-Brunswick');
    await security.getByLabel('Role (Security)').selectOption('Int');
    await security.getByLabel('Task team — English (Security)').press('Enter');
    await row(page, SECURITY).locator('[data-action="edit"]').waitFor();
    await expect(row(page, SECURITY).locator('.fdr-col--lead').textContent()).resolves.toBe(
      'Nouveau-Brunswick',
    );
    await expect(row(page, SECURITY).locator('.fdr-col--role').textContent()).resolves.toContain(
      'Broker / intermediary',
    );
    await card(canvas.page, SECURITY).getByText('Cyber security').waitFor();
    // And undo takes it back, as on the canvas.
    await page.getByTestId('undo').click();
    await card(canvas.page, SECURITY).getByText('Security', { exact: true }).waitFor();
  });

  it('respects roles: observers read; task-team members post check-ins for their own cards only', async () => {
    const boardId = await createBoard(suite.app);
    const observer = await suite.app.signUp({ board: boardId, role: 'observer' });
    const o = await client(observer.cookie);
    await openTable(o.page, boardId);
    await o.page.getByTestId('read-only').waitFor();
    // Observers read: the only buttons in rows open a card's comments, to read them.
    const opens = o.page.locator('tbody button[data-testid="open-comments"]');
    await expect(opens.count()).resolves.toBeGreaterThan(0);
    await expect(o.page.locator('tbody button').count()).resolves.toBe(await opens.count());
    await expect(o.page.getByTestId('import-open').count()).resolves.toBe(0);
    // A table whose rows hold no button is reachable by keyboard through its scrolling box.
    await expect(
      o.page.locator('.fdr-table-scroll:not(:has(tbody button)):not([tabindex="0"])').count(),
    ).resolves.toBe(0);

    const member = await suite.app.signUp({
      name: 'Tina Task',
      board: boardId,
      role: 'task-team',
      cards: [SECURITY],
    });
    const { page } = await client(member.cookie);
    await openTable(page, boardId);
    await page.getByTestId('read-only').waitFor();
    await expect(page.locator('[data-action="edit"], [data-action="move"]').count()).resolves.toBe(
      0,
    );
    await expect(page.locator('[data-action="checkin"]').count()).resolves.toBe(1);
    await row(page, SECURITY).locator('[data-action="checkin"]').click();
    const dialog = page.getByTestId('checkin-dialog');
    await dialog.getByLabel('Blocked').check();
    await dialog
      .getByRole('group', { name: 'Summary' })
      .getByLabel('English')
      .fill('Waiting for legal');
    await dialog.getByTestId('checkin-submit').click();
    await row(page, SECURITY).locator('.fdr-col--status').getByText('Blocked').waitFor();
    // The observer sees it live, and it is told to them.
    await row(o.page, SECURITY)
      .locator('.fdr-col--status')
      .getByText('Waiting for legal')
      .waitFor();
    await o.page
      .getByTestId('live-region')
      .getByText(/Changed by someone else: “Security”: check-in none → Blocked/)
      .waitFor();
  });

  it('switching between the canvas and the table keeps the selected card', async () => {
    const boardId = await createBoard(suite.app);
    const { page } = await client(suite.app.adminCookie);
    await openBoard(page, suite.app.url, boardId);
    await showCard(page, SECURITY);
    await expect.poll(() => new URL(page.url()).searchParams.get('card')).toBe(SECURITY);
    await page.getByTestId('view-table').click();
    await page.waitForURL(/\/table\?card=card-security$/);
    const selected = row(page, SECURITY);
    await expect.poll(() => selected.getAttribute('aria-current')).toBe('true');
    await selected.getByText('Selected card').waitFor();
    await expect.poll(() => focused(page, `tr[data-card-id="${SECURITY}"] th`)).toBe(true);

    // Another card chosen in the table comes back selected on the canvas.
    await row(page, 'card-open-data').locator('[data-action="move"]').focus();
    await expect.poll(() => new URL(page.url()).searchParams.get('card')).toBe('card-open-data');
    await page.getByTestId('view-canvas').click();
    await page.waitForURL(/\/b\/[^/]+\?card=card-open-data$/);
    await page.locator('[data-testid="fdr-card"]').filter({ visible: true }).first().waitFor();
    await page.getByTestId('move-to').click();
    await page
      .getByTestId('move-dialog')
      .getByRole('heading', { name: 'Move “Open data”' })
      .waitFor();
  });
});

describe('exports and imports', () => {
  it('CSV (French and English columns, formulas guarded) and JSON (the model’s format)', async () => {
    const boardId = await createBoard(suite.app);
    const { page } = await client(suite.app.adminCookie);
    await openTable(page, boardId);
    const security = row(page, SECURITY);
    await security.locator('[data-action="edit"]').click();
    await security.getByLabel('Task team — English (Security)').fill('=HYPERLINK("http://x")');
    await security.getByLabel('Task team — English (Security)').press('Enter');
    await row(page, SECURITY).locator('[data-action="edit"]').waitFor();

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^roadmap-.*-cards\.csv$/);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const header = csv.split('\r\n')[0]!;
    expect(header).toContain('Titre (français) / Title (French)');
    expect(header).toContain('Titre (anglais) / Title (English)');
    expect(header).toContain('Dernier bilan (français) / Latest status (French)');
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(csv).toContain('Équipe spéciale chargée de la sécurité');

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-json').click(),
    ]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as {
      format: string;
      cards: { id: string }[];
    };
    expect(json.format).toBe('fdr.roadmap');
    expect(json.cards.some((c) => c.id === SECURITY)).toBe(true);
  });

  it('imports cards from CSV: a preview with an error per bad row, nothing written before confirming', async () => {
    const boardId = await createBoard(suite.app);
    const { page } = await client(suite.app.adminCookie);
    await openTable(page, boardId);
    const before = await page.getByTestId('table-row').count();
    const csv = [
      'id,Title (English),Titre (français),Domain of interest (English),Phase (English),Role (code)',
      `${SECURITY},Security and trust,Équipe spéciale chargée de la sécurité,Digital enablement,Phase 1,CE`,
      ',Imported team,Équipe importée,Digital skills,Phase 2,In',
      ',Broken team,,Nowhere,Phase 1,In',
      ',,,Digital skills,Phase 1,Boss',
    ].join('\r\n');
    await page.getByTestId('import-open').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-file').setInputFiles({
      name: 'cards.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await dialog
      .getByTestId('import-summary')
      .getByText('1 to create, 1 to update, 0 unchanged, 2 with errors.')
      .waitFor();
    const rows = dialog.getByTestId('import-row');
    await expect(rows.nth(2).textContent()).resolves.toContain(
      'Unknown Domain of interest: “Nowhere”.',
    );
    await expect(rows.nth(3).textContent()).resolves.toContain(
      'Missing title: give a title in French or English.',
    );
    await expect(rows.nth(3).textContent()).resolves.toContain('Unknown Role: “Boss”.');
    await page.screenshot({ path: screenshotPath('table-import-preview.png') });
    // Nothing was written yet.
    await expect(page.getByTestId('table-row').count()).resolves.toBe(before);
    await expect(row(page, SECURITY).locator('th').textContent()).resolves.not.toContain('trust');

    await dialog.getByTestId('import-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('live-region').getByText('2 rows imported.').waitFor();
    await expect(page.getByTestId('table-row').count()).resolves.toBe(before + 1);
    await row(page, SECURITY).getByText('Security and trust').waitFor();
    await page
      .locator(
        'section[data-domain-id="domain-digital-skills"] .fdr-phase-group[data-phase-id="phase-2"]',
      )
      .getByText('Imported team')
      .waitFor();
    // One transaction: one undo takes the whole import back.
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('table-row').count()).toBe(before);
    await row(page, SECURITY).getByText('Security', { exact: true }).waitFor();
  });

  it('PNG and SVG of the canvas, whole board or selection, composed from the grid, the cards and the annotations', async () => {
    const boardId = await createBoard(suite.app);
    const { page } = await client(suite.app.adminCookie);
    await openBoard(page, suite.app.url, boardId);
    // A sticky note, to see annotations in the picture.
    await page.getByTestId('tools.note').click();
    await page.mouse.click(1150, 650);
    await page.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('contenteditable')))
      .toBe('true');
    await page.keyboard.type('Note for the export');
    await page.keyboard.press('Escape');
    await page.getByTestId('tools.select').click();

    await page.getByTestId('export-menu').click();
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-svg').click(),
    ]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Digital governance');
    expect(svg).toContain('Phase 2');
    expect(svg).toContain('data-card-id="card-security"');
    expect(svg).toContain('Note for the export');
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    writeFileSync(screenshotPath('board-export.svg'), svg);

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-png').click(),
    ]);
    const png = readFileSync((await pngDownload.path())!);
    writeFileSync(screenshotPath('board-export.png'), png);
    const picture = decodePng(png);
    // Twice the board's width (1692 page units) at least.
    expect(picture.width).toBeGreaterThanOrEqual(3384);
    // What it shows, not only that it is a PNG: a blank picture has the right signature too.
    const counts = new Map<string, number>();
    let drawn = 0;
    const px = picture.pixels;
    for (let i = 0; i < px.length; i += 4) {
      const [r, g, b, a] = [px[i]!, px[i + 1]!, px[i + 2]!, px[i + 3]!];
      if (a === 0 || (r > 245 && g > 245 && b > 245)) continue;
      drawn++;
      if (a !== 255) continue;
      const hex = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      counts.set(hex, (counts.get(hex) ?? 0) + 1);
    }
    expect(drawn).toBeGreaterThan((picture.width * picture.height) / 10);
    // Every lane's colour band of the 2016 template (its label column) is in the picture.
    for (const colour of TEMPLATE_LANE_COLOURS) {
      expect(counts.get(colour) ?? 0, `lane colour ${colour}`).toBeGreaterThan(1000);
    }

    // Only the selection: one card.
    // A click on the board closes the menu (one overlay at a time); it opens again.
    await showCard(page, SECURITY);
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-scope-selection').check();
    const [selection] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-svg').click(),
    ]);
    expect(selection.suggestedFilename()).toMatch(/-selection\.svg$/);
    const selected = readFileSync((await selection.path())!, 'utf8');
    expect(selected).toContain('data-card-id="card-security"');
    expect(selected).not.toContain('data-card-id="card-open-data"');
    expect(selected).not.toContain('Note for the export');
  });
});

describe('the meeting pack', () => {
  it('prints the board picture, the status table, the overdue teams and the changes since the last version, in the UI language', async () => {
    // Teams on the board since October 2016: overdue.
    const boardId = await createBoardCreatedAt(suite.app, '2016-10-01T00:00:00Z');
    const take = await fetch(`${suite.app.url}/api/boards/${boardId}/versions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `fdr_session=${suite.app.adminCookie}`,
      },
      body: JSON.stringify({ name: 'Réunion de printemps' }),
    });
    expect(take.status).toBe(201);
    const checkin = await fetch(`${suite.app.url}/api/boards/${boardId}/checkins`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `fdr_session=${suite.app.adminCookie}`,
      },
      body: JSON.stringify({ cardId: SECURITY, status: 'on-track', progress: 60 }),
    });
    expect(checkin.status).toBe(201);

    const { page } = await client(suite.app.adminCookie, 'fr-CA');
    await page.goto(`${suite.app.url}/b/${boardId}/pack`);
    await page.getByRole('heading', { level: 1, name: /^Dossier de réunion — / }).waitFor();
    await page.getByRole('heading', { name: 'Le tableau' }).waitFor();
    await page.locator('.fdr-pack__svg svg[role="img"]').waitFor();
    await page.getByTestId('pack-status-table').getByText('En bonne voie').waitFor();
    await page.getByRole('heading', { name: 'Équipes spéciales en retard' }).waitFor();
    await expect(page.getByTestId('pack-stale').locator('li').count()).resolves.toBeGreaterThan(20);
    await page
      .getByRole('heading', { name: /^Changements depuis la version « Réunion de printemps » du / })
      .waitFor();
    await page
      .getByTestId('pack-changes')
      .getByText(/« Équipe spéciale chargée de la sécurité » : bilan aucun → En bonne voie\./)
      .waitFor();
    await page.screenshot({ path: screenshotPath('meeting-pack-fr.png'), fullPage: true });

    // On paper: no controls, the document only.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.fdr-topbar').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('pack-print').isVisible()).resolves.toBe(false);
    // The picture is printed as tiles cut for the page, in place of the screen's picture.
    await expect(page.getByTestId('pack-tile').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('.fdr-pack__svg').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: screenshotPath('meeting-pack-print.png'), fullPage: true });
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
    writeFileSync(screenshotPath('meeting-pack-fr.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });

    // The UI language decides the document's language.
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: /^Meeting pack — / }).waitFor();
    await page
      .getByTestId('pack-changes')
      .getByText(/“Security”: check-in none → On track\./)
      .waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
  });

  it('made no request to any host but its own origin, and hit no Content-Security-Policy wall', () => {
    expectOwnOriginOnly(suite.guard, suite.app.url, { board: true });
    expect(suite.pageErrors.filter((e) => /Content.Security.Policy|Refused to/i.test(e))).toEqual(
      [],
    );
  });
});
