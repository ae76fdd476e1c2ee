import type { Page } from 'playwright-core';
import type { RunningApp } from './startApp.ts';

export interface Cell {
  domainId: string;
  phaseId: string;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Creates a board through the API, as the home page does; resolves with its id. */
export async function createBoard(
  app: { url: string; adminCookie: string },
  template: 'blank' | 'joint-councils-2016' = 'joint-councils-2016',
): Promise<string> {
  const res = await fetch(`${app.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `fdr_session=${app.adminCookie}` },
    body: JSON.stringify({ title: { fr: 'Tableau de test', en: 'Test board' }, template }),
  });
  if (res.status !== 201) throw new Error(`board creation failed: ${res.status}`);
  return ((await res.json()) as { board: { id: string } }).board.id;
}

/**
 * A template board whose task teams came onto it at `createdAt` (an old board, whose teams are
 * overdue): the template board exported as a version, dated, and imported as a new board.
 */
export async function createBoardCreatedAt(
  app: { url: string; adminCookie: string },
  createdAt: string,
): Promise<string> {
  const source = await createBoard(app);
  const headers = { 'content-type': 'application/json', cookie: `fdr_session=${app.adminCookie}` };
  const api = `${app.url}/api/boards`;
  const taken = await fetch(`${api}/${source}/versions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'Export' }),
  });
  if (taken.status !== 201) throw new Error(`version failed: ${taken.status}`);
  const { version } = (await taken.json()) as { version: { id: string } };
  const exported = await fetch(`${api}/${source}/versions/${version.id}/export`, { headers });
  const roadmap = (await exported.json()) as { cards: { createdAt: string | null }[] };
  for (const card of roadmap.cards) card.createdAt = createdAt;
  const res = await fetch(api, {
    method: 'POST',
    headers,
    body: JSON.stringify({ template: 'imported', roadmap }),
  });
  if (res.status !== 201) throw new Error(`board import failed: ${res.status}`);
  return ((await res.json()) as { board: { id: string } }).board.id;
}

/** Camille Conseil, a council member of the board: an account made with the CLI, signed in. */
export function signUpCouncil(
  app: Pick<RunningApp, 'signUp'>,
  boardId: string,
): ReturnType<RunningApp['signUp']> {
  return app.signUp({ name: 'Camille Conseil', board: boardId, role: 'council' });
}

export async function openBoard(page: Page, appUrl: string, boardId: string): Promise<void> {
  await page.goto(`${appUrl}/b/${boardId}`);
  // The board opens at a readable zoom: some cards are off screen (culled), so wait for one shown.
  await page.locator('[data-testid="fdr-card"]:visible').first().waitFor();
  await waitConnected(page);
}

export async function waitConnected(page: Page): Promise<void> {
  await page.locator('[data-testid="sync-state"][data-sync-state="connected"]').waitFor();
}

export function card(page: Page, cardId: string) {
  return page.locator(`[data-testid="fdr-card"][data-card-id="${cardId}"]`);
}

/** Screen rectangles of the sticky lane and column headers (the grid as the user sees it). */
async function headerRects(page: Page, cell: Cell): Promise<{ lane: Rect; column: Rect }> {
  const lane = await page.locator(`[data-domain-id="${cell.domainId}"]`).boundingBox();
  const column = await page.locator(`[data-phase-id="${cell.phaseId}"]`).boundingBox();
  if (!lane || !column) throw new Error(`no header for ${cell.domainId} / ${cell.phaseId}`);
  return { lane, column };
}

/** The cell a card is drawn in, read from the screen: its centre against the headers. */
export async function cellOfCard(page: Page, cardId: string): Promise<Cell | null> {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="fdr-card"][data-card-id="${id}"]`);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const cx = r.x + r.width / 2;
    const cy = r.y + r.height / 2;
    let domainId: string | null = null;
    let phaseId: string | null = null;
    for (const lane of document.querySelectorAll<HTMLElement>('[data-domain-id]')) {
      const l = lane.getBoundingClientRect();
      if (cy >= l.y && cy < l.y + l.height) domainId = lane.dataset.domainId ?? null;
    }
    for (const column of document.querySelectorAll<HTMLElement>('[data-phase-id]')) {
      const c = column.getBoundingClientRect();
      if (cx >= c.x && cx < c.x + c.width) phaseId = column.dataset.phaseId ?? null;
    }
    return domainId && phaseId ? { domainId, phaseId } : null;
  }, cardId);
}

export async function waitForCardIn(
  page: Page,
  cardId: string,
  cell: Cell,
  timeout = 5000,
): Promise<void> {
  await page.waitForFunction(
    ({ id, target }) => {
      const el = document.querySelector(`[data-testid="fdr-card"][data-card-id="${id}"]`);
      const lane = document.querySelector(`[data-domain-id="${target.domainId}"]`);
      const column = document.querySelector(`[data-phase-id="${target.phaseId}"]`);
      if (!el || !lane || !column) return false;
      const r = el.getBoundingClientRect();
      const l = lane.getBoundingClientRect();
      const c = column.getBoundingClientRect();
      const cx = r.x + r.width / 2;
      const cy = r.y + r.height / 2;
      return cy >= l.y && cy < l.y + l.height && cx >= c.x && cx < c.x + c.width;
    },
    { id: cardId, target: cell },
    { timeout },
  );
}

/**
 * Drags a card by the mouse to a cell, in small steps like a hand would. `beforeRelease` runs
 * with the button still down (to look at the other browser meanwhile).
 */
export async function dragCard(
  page: Page,
  cardId: string,
  to: Cell,
  beforeRelease?: () => Promise<void>,
): Promise<void> {
  const box = await card(page, cardId).boundingBox();
  if (!box) throw new Error(`card ${cardId} is not on screen`);
  const { lane, column } = await headerRects(page, to);
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // Near the left of the cell, mid-height of the lane's first row: an empty slot or the first one.
  const target = {
    x: column.x + Math.min(column.width / 4, box.width / 2 + 8),
    y: lane.y + Math.min(lane.height / 2, box.height / 2 + 8),
  };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 16;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(
      from.x + ((target.x - from.x) * i) / steps,
      from.y + ((target.y - from.y) * i) / steps,
    );
    await page.waitForTimeout(16);
  }
  await beforeRelease?.();
  await page.mouse.up();
}

/**
 * Clicks a card as a user does. tldraw hit-tests shapes itself (the card's DOM ignores the
 * pointer), so Playwright's element click would refuse; a click at its centre is what a hand does.
 */
export async function clickCard(page: Page, cardId: string): Promise<void> {
  const box = await card(page, cardId).boundingBox();
  if (!box) throw new Error(`card ${cardId} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * "Fit the board", as a person does before dragging a card to a lane far away: the board opens at
 * a readable size, so most of a template board is out of view (and culled).
 */
export async function showWholeBoard(page: Page): Promise<void> {
  await page.getByTestId('fit-board').click();
  // The camera moves in a 200 ms animation.
  await page.waitForTimeout(400);
}

/** A card at readable size: the whole board, a click on the card, then "Readable size" around it. */
export async function showCard(page: Page, cardId: string): Promise<void> {
  await showWholeBoard(page);
  await clickCard(page, cardId);
  await page.getByTestId('readable-size').click();
  await page.waitForTimeout(400);
  await card(page, cardId).filter({ visible: true }).waitFor();
  // The button had the focus: a click on the card gives it back to the canvas, card selected.
  await clickCard(page, cardId);
}
