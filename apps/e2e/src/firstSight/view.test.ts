import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createBoard, openBoard } from '../harness/board.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';

/*
 * First sight of the template board, as a council member, a task-team member and an observer, in
 * French and English, on a laptop and a phone: what they can read, reach and keep in view.
 */

const suite = e2eSuite('first-sight-view');

/** Screenshots kept as the suite's artifacts (gitignored). */
const ARTIFACTS = fileURLToPath(new URL('../../artifacts/first-sight/', import.meta.url));
/** Also copied here when set, to be looked at. */
const SHOTS = process.env.FDR_SHOTS_DIR;

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path });
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(path, `${SHOTS}/${name}.png`);
  }
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the page shows of the board, measured in the browser. */
interface Sight {
  canvas: Box;
  /** Titles of cards on screen: their text size in CSS pixels (font size × the canvas scale). */
  titlePx: number[];
  cards: Box[];
  /** Headers and labels on screen that cut their text. */
  cut: string[];
  /** Headers and labels on screen over a card on screen. */
  covering: string[];
}

async function look(page: Page): Promise<Sight> {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ x: r.x, y: r.y, w: r.width, h: r.height });
    const canvasEl = document.querySelector('[data-testid="board-canvas"]')!;
    const canvas = box(canvasEl.getBoundingClientRect());
    const onScreen = (b: { x: number; y: number; w: number; h: number }) =>
      b.w > 0 &&
      b.h > 0 &&
      b.x < canvas.x + canvas.w &&
      b.x + b.w > canvas.x &&
      b.y < canvas.y + canvas.h &&
      b.y + b.h > canvas.y;
    const cardEls = [...document.querySelectorAll<HTMLElement>('[data-testid="fdr-card"]')];
    const cards = cardEls.map((el) => box(el.getBoundingClientRect())).filter(onScreen);
    const titlePx: number[] = [];
    for (const el of cardEls) {
      const title = el.querySelector<HTMLElement>('.fdr-card__title');
      const r = el.getBoundingClientRect();
      if (!title || !onScreen(box(r))) continue;
      // The card is scaled by the camera: its drawn width over its layout width.
      const scale = r.width / el.offsetWidth;
      titlePx.push(Number.parseFloat(getComputedStyle(title).fontSize) * scale);
    }
    const cut: string[] = [];
    const covering: string[] = [];
    const texts = document.querySelectorAll<HTMLElement>(
      '.fdr-lane-label span, .fdr-column-header__phase, .fdr-period-header, .fdr-column-header--corner',
    );
    for (const el of texts) {
      const r = box(el.getBoundingClientRect());
      if (!onScreen(r)) continue;
      const name = el.textContent ?? '';
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        cut.push(name);
    }
    for (const el of document.querySelectorAll<HTMLElement>(
      '.fdr-lane-label, .fdr-column-header',
    )) {
      const r = box(el.getBoundingClientRect());
      if (!onScreen(r)) continue;
      const over = cards.some(
        (c) =>
          c.x < r.x + r.w - 1 && c.x + c.w > r.x + 1 && c.y < r.y + r.h - 1 && c.y + c.h > r.y + 1,
      );
      if (over) covering.push(el.textContent ?? '');
    }
    return { canvas, titlePx, cards, cut, covering };
  });
}

/** The selected card's focus ring, in CSS pixels on screen, and its colour. */
async function ring(page: Page): Promise<{ px: number; color: string } | null> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('.fdr-card--selected');
    if (!el) return null;
    const style = getComputedStyle(el);
    if (style.outlineStyle === 'none') return { px: 0, color: style.outlineColor };
    const scale = el.getBoundingClientRect().width / el.offsetWidth;
    return { px: Number.parseFloat(style.outlineWidth) * scale, color: style.outlineColor };
  });
}

async function checkSight(page: Page, where: string): Promise<Sight> {
  const sight = await look(page);
  expect(sight.cards.length, `${where}: cards in view`).toBeGreaterThan(0);
  expect(Math.min(...sight.titlePx), `${where}: smallest title`).toBeGreaterThanOrEqual(12);
  expect(sight.cut, `${where}: cut headers`).toEqual([]);
  expect(sight.covering, `${where}: headers over cards`).toEqual([]);
  return sight;
}

const ROLES = ['council', 'task-team', 'observer'] as const;
const SCREENS = [
  { name: '1440', phone: false, viewport: { width: 1440, height: 900 } },
  { name: '390', phone: true, viewport: { width: 390, height: 844 } },
] as const;
const LANGS = [
  { lang: 'fr', locale: 'fr-CA' },
  { lang: 'en', locale: 'en-CA' },
] as const;

async function firstCardId(boardId: string): Promise<string> {
  const res = await fetch(`${suite.app.url}/api/boards/${boardId}/checkins`, {
    headers: { cookie: `fdr_session=${suite.app.adminCookie}` },
  });
  const { cards } = (await res.json()) as { cards: { id: string }[] };
  return cards[0]!.id;
}

describe('first sight: the view', () => {
  for (const { lang, locale } of LANGS) {
    for (const screen of SCREENS) {
      it(`${lang} ${screen.name}: readable, whole, reachable, for every role`, {
        timeout: 600_000,
      }, async () => {
        const boardId = await createBoard(suite.app);
        const cardId = await firstCardId(boardId);
        for (const role of ROLES) {
          const account = await suite.app.signUp({
            name: `Personne ${role}`,
            board: boardId,
            role,
            ...(role === 'task-team' ? { cards: [cardId] } : {}),
          });
          const client = await suite.client({
            cookie: account.cookie,
            locale,
            phone: screen.phone,
            viewport: screen.viewport,
          });
          const page = client.page;
          const where = `${lang} ${screen.name} ${role}`;
          await openBoard(page, suite.app.url, boardId);
          await page.waitForTimeout(300);
          await shoot(page, `${lang}-${screen.name}-${role}-open`);

          // Readable titles, whole headers, none over a card.
          await checkSight(page, `${where} opening`);

          // The top bar: one line with the title, at 1440 and folded on a phone.
          const bar = await page.evaluate(() => {
            const header = document.querySelector<HTMLElement>('[data-testid="topbar"]')!;
            const title = document.querySelector<HTMLElement>('[data-testid="board-title"]')!;
            const menu = document.querySelector<HTMLElement>('[data-testid="topbar-menu"]')!;
            return {
              height: header.getBoundingClientRect().height,
              overflows: header.scrollWidth > header.clientWidth + 1,
              titleWidth: title.getBoundingClientRect().width,
              titleText: title.textContent,
              menuShown: menu.getBoundingClientRect().width > 0,
              viewsInBar:
                (document.querySelector('[data-testid="view-switch"]')?.getBoundingClientRect()
                  .width ?? 0) > 0,
              toolbar: document.querySelector('.fdr-toolbar')!.getBoundingClientRect().height,
            };
          });
          expect(bar.titleWidth, `${where}: title`).toBeGreaterThan(40);
          expect(bar.overflows, `${where}: top bar overflows`).toBe(false);
          expect(bar.menuShown, `${where}: menu`).toBe(true);
          // The views stay in the bar on a laptop and fold into the menu on a phone.
          expect(bar.viewsInBar, `${where}: views in the bar`).toBe(!screen.phone);
          expect(bar.height, `${where}: top bar height`).toBeLessThan(56);
          // A phone keeps at least two thirds of its height for the board.
          expect(bar.height + bar.toolbar, `${where}: bars`).toBeLessThan(
            screen.viewport.height / 3,
          );

          // The skip link is the first Tab stop and puts focus on the board.
          await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
          await page.keyboard.press('Tab');
          await expect(
            page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
          ).resolves.toBe('skip-to-board');
          await page.keyboard.press('Enter');
          await expect(
            page.evaluate(() =>
              Boolean(document.activeElement?.closest('[data-testid="board-canvas"]')),
            ),
          ).resolves.toBe(true);

          // A card selected from the keyboard shows a ring of at least 2 CSS px at every zoom step.
          await page.keyboard.press('Tab');
          await page.locator('.fdr-card--selected').waitFor();
          for (const step of ['fit-board', 'readable-size', 'fit-board']) {
            await page.getByTestId(step).click();
            await page.waitForTimeout(400);
            const seen = await ring(page);
            expect(seen, `${where} ${step}: ring`).not.toBeNull();
            expect(seen!.px, `${where} ${step}: ring width`).toBeGreaterThanOrEqual(2);
            expect(seen!.color).toBe('rgb(11, 87, 208)');
            if (role === 'council') await shoot(page, `${lang}-${screen.name}-ring-${step}`);
            // The whole board on a laptop: whole headers, none over a card, readable or no titles.
            if (step === 'fit-board' && !screen.phone) await checkSight(page, `${where} ${step}`);
          }
          // The screen reader hears the card's kind in the UI language, not a message key.
          const live = await page.evaluate(() =>
            [...document.querySelectorAll('[aria-live]')].map((el) => el.textContent).join(' '),
          );
          expect(live).not.toContain('tool.fdr-card');

          // Five wheel notches, down then zooming out: the board stays in view.
          await page.getByTestId('readable-size').click();
          await page.waitForTimeout(300);
          const canvas = (await look(page)).canvas;
          await page.mouse.move(canvas.x + canvas.w / 2, canvas.y + canvas.h / 2);
          for (let i = 0; i < 5; i++) {
            await page.mouse.wheel(0, 400);
            await page.waitForTimeout(60);
          }
          await page.waitForTimeout(300);
          expect((await look(page)).cards.length, `${where}: after wheel`).toBeGreaterThan(0);
          await page.keyboard.down('Control');
          for (let i = 0; i < 5; i++) {
            await page.mouse.wheel(0, 400);
            await page.waitForTimeout(60);
          }
          await page.keyboard.up('Control');
          await page.waitForTimeout(300);
          const zoomedOut = await look(page);
          expect(zoomedOut.cards.length, `${where}: after zoom`).toBeGreaterThan(0);
          // Zoomed out, a card shows less rather than unreadable text.
          if (zoomedOut.titlePx.length > 0) {
            expect(Math.min(...zoomedOut.titlePx)).toBeGreaterThanOrEqual(12);
          }
          await shoot(page, `${lang}-${screen.name}-${role}-wheeled`);
          expect(client.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
        }
      });
    }
  }
});
