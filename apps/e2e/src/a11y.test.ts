import { writeFileSync } from 'node:fs';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, openBoard } from './harness/board.ts';
import {
  type Client,
  expectOwnOriginOnly,
  newClient,
  OriginGuard,
  screenshotPath,
} from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';
import { startApp } from './harness/startApp.ts';

/*
 * Accessibility, checked in the browser: axe-core (from npm, evaluated in the page; no CDN) on
 * every page with the WCAG 2.0/2.1 A and AA rules, zero serious or critical violations allowed;
 * a visible focus on every control reached by Tab; the pages reflow at 320 CSS pixels; status is
 * written, never told by colour alone. Results: test-results/axe-report.json and axe-summary.md.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Violations found in pages another issue owns, reported to its owner rather than fixed here:
 * the test tolerates exactly these (and fails on anything else). Remove an entry once fixed.
 * (None at the moment: the versions page's action names now begin with their visible text.)
 */
const KNOWN: Record<string, string[]> = {};

interface PageReport {
  page: string;
  url: string;
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: number;
    targets: string[];
  }[];
  passes: number;
  incomplete: { id: string; nodes: number; targets: string[]; why: string[] }[];
}

const suite = e2eSuite('a11y');
const reports: PageReport[] = [];

afterAll(async () => {
  writeFileSync(screenshotPath('axe-report.json'), `${JSON.stringify(reports, null, 2)}\n`);
  const impacts = ['critical', 'serious', 'moderate', 'minor'] as const;
  const lines = [
    `axe-core ${axe.version}, tags ${TAGS.join(', ')}`,
    '',
    `| Page | ${impacts.join(' | ')} | passed rules | needs review |`,
    `| --- | ${impacts.map(() => '---').join(' | ')} | --- | --- |`,
    ...reports.map(
      (r) =>
        `| ${r.page} | ${impacts
          .map((impact) => r.violations.filter((v) => v.impact === impact).length)
          .join(' | ')} | ${r.passes} | ${r.incomplete.map((i) => i.id).join(', ') || '—'} |`,
    ),
    '',
    ...reports.flatMap((r) =>
      r.violations.map((v) => `- ${r.page}: ${v.impact} ${v.id} (${v.nodes}) ${v.help}`),
    ),
  ];
  writeFileSync(screenshotPath('axe-summary.md'), `${lines.join('\n')}\n`);
});

async function client(
  cookie: string | null,
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<Client> {
  const created = await newClient(suite.browser, suite.guard, {
    locale: options.locale ?? 'fr-CA',
    ...(cookie ? { session: { url: suite.app.url, cookie } } : {}),
  });
  if (options.viewport) await created.page.setViewportSize(options.viewport);
  // Generous: the machine running the suite may be busy; a canvas cold start can take a while.
  created.context.setDefaultTimeout(30_000);
  suite.clients.push(created);
  return created;
}

/**
 * Runs axe in the page. The script is evaluated through the DevTools protocol: a `<script>` tag
 * (page.addScriptTag) would be refused by the app's own Content-Security-Policy, rightly.
 */
async function check(page: Page, name: string, options: { assert?: boolean } = {}) {
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: { run: (context: Document, options: unknown) => Promise<axe.AxeResults> };
        }
      ).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    TAGS,
  );
  const report: PageReport = {
    page: name,
    url: page.url().replace(suite.app.url, ''),
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    })),
    passes: results.passes.length,
    incomplete: results.incomplete.map((i) => ({
      id: i.id,
      nodes: i.nodes.length,
      targets: i.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      why: [...new Set(i.nodes.flatMap((n) => n.any.map((c) => c.message)).slice(0, 5))],
    })),
  };
  reports.push(report);
  if (options.assert !== false) {
    const blocking = report.violations.filter(
      (v) => v.impact && BLOCKING.has(v.impact) && !KNOWN[name]?.includes(v.id),
    );
    expect(blocking, `${name}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
  }
  return report;
}

/** Tabs through the page; every focused control must show a focus indicator we can see. */
async function expectVisibleFocus(page: Page, name: string, presses = 30): Promise<number> {
  const seen = new Set<string>();
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      const rect = el.getBoundingClientRect();
      return {
        what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}:${(el.textContent ?? '').trim().slice(0, 30)}`,
        visible: outline || shadow,
        onScreen: rect.width > 0 && rect.height > 0,
      };
    });
    if (!focus) continue;
    seen.add(focus.what);
    expect(focus.visible, `${name}: no visible focus on ${focus.what}`).toBe(true);
    expect(focus.onScreen, `${name}: focus on an element off screen: ${focus.what}`).toBe(true);
  }
  return seen.size;
}

/** Reflow (1.4.10): nothing but a data table's own scrolling box is wider than the viewport. */
async function expectReflow(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!.width;
  const { width, widest } = await page.evaluate((vw) => {
    // The outermost elements that reach past the viewport, named so a failure says where to look.
    const past = [...document.body.querySelectorAll<HTMLElement>('*')].filter(
      (el) => el.getBoundingClientRect().right > vw + 1 && !el.closest('.fdr-table-scroll'),
    );
    const outermost = past.filter((el) => !past.some((o) => o !== el && el.contains(o)));
    return {
      width: document.documentElement.scrollWidth,
      widest: outermost
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
        .join(', '),
    };
  }, viewport);
  expect(width, `${name} scrolls sideways at ${viewport}px: ${widest}`).toBeLessThanOrEqual(
    viewport + 1,
  );
}

/**
 * Text spacing (1.4.12): with the criterion's spacing forced on every element, no text may be cut
 * off by a box that hides its overflow.
 */
async function expectTextSpacing(page: Page, name: string): Promise<void> {
  await page.addStyleTag({
    content:
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
  });
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        const style = getComputedStyle(el);
        const hides = (v: string) => v === 'hidden' || v === 'clip';
        if (!hides(style.overflowX) && !hides(style.overflowY)) return false;
        if (el.closest('.fdr-sr-only, svg')) return false;
        if ((el.textContent ?? '').trim() === '') return false;
        return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
  expect(clipped, `${name}: text cut off with text spacing`).toEqual([]);
}

describe('accessibility (WCAG 2.1 AA)', () => {
  let boardId: string;
  let council: { cookie: string };
  let taskTeam: { cookie: string };

  beforeAll(async () => {
    boardId = await createBoard(suite.app);
    council = await suite.app.signUp({ name: 'Camille Conseil', board: boardId, role: 'council' });
    taskTeam = await suite.app.signUp({
      name: 'Tina Task',
      board: boardId,
      role: 'task-team',
      cards: ['card-security'],
    });
    // A check-in and a version, so the status and changes sections have content.
    const post = (path: string, body: unknown) =>
      fetch(`${suite.app.url}/api/boards/${boardId}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `fdr_session=${suite.app.adminCookie}`,
        },
        body: JSON.stringify(body),
      });
    expect((await post('/versions', { name: 'Réunion de printemps' })).status).toBe(201);
    expect(
      (await post('/checkins', { cardId: 'card-security', status: 'at-risk', progress: 30 }))
        .status,
    ).toBe(201);
  });

  it('sign-in page, in French and English: no serious or critical violation; visible focus; reflows at 320 px', async () => {
    for (const locale of ['fr-CA', 'en-CA']) {
      const { page } = await client(null, { locale });
      await page.goto(`${suite.app.url}/signin`);
      await page.locator('input[type="email"]').waitFor();
      await check(page, `sign-in (${locale})`);
      await expectVisibleFocus(page, 'sign-in', 6);
      await page.setViewportSize({ width: 320, height: 640 });
      await expectReflow(page, 'sign-in');
    }
  });

  it('first setup page (a fresh instance) and invitation page', async () => {
    const fresh = await startApp({}, { provisionAdmin: false });
    try {
      const line = fresh.output.find((l) => l.includes('one-time setup link'));
      const url = (JSON.parse(line ?? '{}') as { url?: string }).url!;
      const freshGuard = new OriginGuard(fresh.url);
      const created = await newClient(suite.browser, freshGuard, { locale: 'fr-CA' });
      suite.clients.push(created);
      await created.page.goto(url);
      await created.page.locator('input[type="password"]').first().waitFor();
      await check(created.page, 'setup');
      await expectVisibleFocus(created.page, 'setup', 8);
      expectOwnOriginOnly(freshGuard, fresh.url, { board: false });
    } finally {
      await fresh.stop();
    }

    const invite = await fetch(`${suite.app.url}/api/boards/${boardId}/invites`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `fdr_session=${suite.app.adminCookie}`,
      },
      body: JSON.stringify({ role: 'observer', cardIds: [] }),
    });
    const { url } = (await invite.json()) as { url: string };
    const { page } = await client(null);
    await page.goto(url);
    await page.locator('input[type="password"]').first().waitFor();
    await check(page, 'invite');
    await expectVisibleFocus(page, 'invite', 8);
  });

  it('home page (signed in) and board members page', async () => {
    const { page } = await client(suite.app.adminCookie);
    await page.goto(suite.app.url);
    await page.getByTestId('create-board').waitFor();
    await check(page, 'home');
    await expectVisibleFocus(page, 'home', 20);
    await page.goto(`${suite.app.url}/b/${boardId}/members`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('table').first().waitFor();
    await check(page, 'members');
    await expectVisibleFocus(page, 'members', 20);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(suite.app.url);
    await page.getByTestId('create-board').waitFor();
    await expectReflow(page, 'home');
  });

  it('table view (French and English), with its dialogs open; every status written out', async () => {
    for (const locale of ['fr-CA', 'en-CA']) {
      const { page } = await client(council.cookie, { locale });
      await page.goto(`${suite.app.url}/b/${boardId}/table`);
      await page.getByTestId('table-row').first().waitFor();
      await page.locator('[data-testid="sync-state"][data-sync-state="connected"]').waitFor();
      await check(page, `table (${locale})`);
      if (locale === 'fr-CA') {
        await expectVisibleFocus(page, 'table', 60);
        // Status never by colour alone: every chip and marker has its words.
        const chips = await page.locator('.fdr-status, .fdr-stale, .fdr-sync').allTextContents();
        expect(chips.length).toBeGreaterThan(30);
        for (const text of chips) expect(text.trim()).not.toBe('');
        // Dialogs: check-in, move, import preview; a row being edited.
        await page.locator('tr[data-card-id="card-security"] [data-action="checkin"]').click();
        await page.getByTestId('checkin-dialog').waitFor();
        await check(page, 'table: check-in dialog');
        await page.keyboard.press('Escape');
        await page.locator('tr[data-card-id="card-security"] [data-action="move"]').click();
        await page.getByTestId('table-move-dialog').waitFor();
        await check(page, 'table: move dialog');
        await page.keyboard.press('Escape');
        await page.locator('tr[data-card-id="card-security"] [data-action="edit"]').click();
        await check(page, 'table: row being edited');
        await page.keyboard.press('Escape');
        await page.getByTestId('import-open').click();
        await page.getByTestId('import-file').setInputFiles({
          name: 'cards.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('id,Title (English),role\ncard-security,Security,Boss\n,New,In\n'),
        });
        await page.getByTestId('import-summary').waitFor();
        await check(page, 'table: import preview');
        await page.keyboard.press('Escape');
        await page.setViewportSize({ width: 320, height: 640 });
        await expectReflow(page, 'table');
      }
    }
  });

  it('table view of a task-team member and of an observer', async () => {
    const { page } = await client(taskTeam.cookie);
    await page.goto(`${suite.app.url}/b/${boardId}/table`);
    await page.getByTestId('table-row').first().waitFor();
    await check(page, 'table (task-team member)');
    const observer = await suite.app.signUp({ board: boardId, role: 'observer' });
    const o = await client(observer.cookie);
    await o.page.goto(`${suite.app.url}/b/${boardId}/table`);
    await o.page.getByTestId('table-row').first().waitFor();
    await check(o.page, 'table (observer)');
    await expectVisibleFocus(o.page, 'table (observer)', 25);
  });

  it('meeting pack, on screen and as printed', async () => {
    const { page } = await client(suite.app.adminCookie);
    await page.goto(`${suite.app.url}/b/${boardId}/pack`);
    await page.getByTestId('pack-changes').waitFor();
    await check(page, 'meeting pack');
    await expectVisibleFocus(page, 'meeting pack', 10);
    await page.emulateMedia({ media: 'print' });
    await check(page, 'meeting pack (print)');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 320, height: 640 });
    await expectReflow(page, 'meeting pack');
  });

  it('board structure: the secretariat’s editor and its dialog, a council member’s read-only view', async () => {
    for (const locale of ['fr-CA', 'en-CA']) {
      const { page } = await client(suite.app.adminCookie, { locale });
      await page.goto(`${suite.app.url}/b/${boardId}/structure`);
      await page.getByTestId('structure-add-phase').waitFor();
      await check(page, `structure (secretariat, ${locale})`);
      await expectVisibleFocus(page, 'structure (secretariat)', 20);
      await page.getByTestId('structure-add-domain').click();
      await page.getByTestId('structure-dialog').waitFor();
      await check(page, `structure: add a domain (${locale})`);
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 320, height: 640 });
      await expectReflow(page, 'structure');
    }
    const { page } = await client(council.cookie, { locale: 'en-CA' });
    await page.goto(`${suite.app.url}/b/${boardId}/structure`);
    await page.getByTestId('structure-domains').waitFor();
    await check(page, 'structure (council member, read-only)');
  });

  it('check-in pages (My task teams, team status, since the last meeting) and versions page', async () => {
    const { page } = await client(taskTeam.cookie);
    await page.goto(`${suite.app.url}/me`);
    await page.getByTestId('checkin-form').first().waitFor();
    await check(page, 'check-in: my task teams');
    await expectVisibleFocus(page, 'my task teams', 15);

    const secretariat = await client(suite.app.adminCookie);
    await secretariat.page.goto(`${suite.app.url}/b/${boardId}/status`);
    await secretariat.page.getByTestId('status-table').waitFor();
    await check(secretariat.page, 'check-in: team status');
    await secretariat.page.goto(`${suite.app.url}/b/${boardId}/since`);
    await secretariat.page.getByTestId('since-base').waitFor();
    await check(secretariat.page, 'check-in: since the last meeting');
    await secretariat.page.goto(`${suite.app.url}/b/${boardId}/versions`);
    await secretariat.page.locator('tr[data-kind="named"]').waitFor();
    await check(secretariat.page, 'versions');
    await expectVisibleFocus(secretariat.page, 'versions', 15);
  });

  it('the canvas page, tldraw’s own interface included', async () => {
    const { page } = await client(suite.app.adminCookie);
    await openBoard(page, suite.app.url, boardId);
    await check(page, 'canvas');
    await page.getByTestId('export-menu').click();
    await check(page, 'canvas: export menu open');
  });

  it('text spacing (1.4.12): nothing cut off on the sign-in, table and meeting pack pages', async () => {
    const anonymous = await client(null);
    await anonymous.page.goto(`${suite.app.url}/signin`);
    await anonymous.page.locator('input[type="email"]').waitFor();
    await expectTextSpacing(anonymous.page, 'sign-in');
    const { page } = await client(council.cookie, { locale: 'en-CA' });
    await page.goto(`${suite.app.url}/b/${boardId}/table`);
    await page.getByTestId('table-row').first().waitFor();
    await expectTextSpacing(page, 'table');
    await page.goto(`${suite.app.url}/b/${boardId}/pack`);
    await page.getByTestId('pack-changes').waitFor();
    await expectTextSpacing(page, 'meeting pack');
  });

  it('made no request to any host but its own origin', () => {
    expectOwnOriginOnly(suite.guard, suite.app.url, { board: true });
  });
});
