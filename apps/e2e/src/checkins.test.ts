import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  card,
  createBoard,
  createBoardCreatedAt,
  openBoard,
  showCard,
  signUpCouncil,
} from './harness/board.ts';
import { type Client, expectOwnOriginOnly, newClient, screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

const suite = e2eSuite('checkins');
const metrics: Record<string, number> = {};

afterAll(async () => {
  writeFileSync(screenshotPath('metrics-checkins.json'), `${JSON.stringify(metrics, null, 2)}\n`);
});

async function client(
  options: { locale?: string; cookie?: string; phone?: boolean } = {},
): Promise<Client> {
  const created = await newClient(suite.browser, suite.guard, {
    locale: options.locale ?? 'fr-CA',
    ...(options.cookie ? { session: { url: suite.app.url, cookie: options.cookie } } : {}),
    ...(options.phone ? { phone: true } : {}),
  });
  suite.clients.push(created);
  return created;
}

interface ListedCard {
  id: string;
  title: { fr: string; en: string };
  stale: boolean;
  checkins: { id: string; status: string }[];
}

async function listCards(boardId: string): Promise<ListedCard[]> {
  const res = await fetch(`${suite.app.url}/api/boards/${boardId}/checkins`, {
    headers: { cookie: `fdr_session=${suite.app.adminCookie}` },
  });
  return ((await res.json()) as { cards: ListedCard[] }).cards;
}

async function postAsAdmin(boardId: string, body: unknown): Promise<void> {
  const res = await fetch(`${suite.app.url}/api/boards/${boardId}/checkins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `fdr_session=${suite.app.adminCookie}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`check-in refused: ${res.status}`);
}

const statusChip = (page: Client['page'], cardId: string) =>
  card(page, cardId).locator('.fdr-status');

describe('task-team check-ins', () => {
  it('a task-team member signs in on a phone and posts; a council member’s canvas shows it live', async () => {
    const boardId = await createBoard(suite.app);
    const security = (await listCards(boardId)).find((c) => c.title.en === 'Security');
    if (!security) throw new Error('no Security card on the template board');
    const member = await suite.app.signUp({
      name: 'Tala Équipe',
      board: boardId,
      role: 'task-team',
      cards: [security.id],
    });
    const council = await signUpCouncil(suite.app, boardId);

    // The council member has the board open on the canvas.
    const watcher = await client({ cookie: council.cookie });
    await openBoard(watcher.page, suite.app.url, boardId);
    // At readable size the card shows its status with its date (a smaller zoom shows less).
    await showCard(watcher.page, security.id);
    await expect
      .poll(() => statusChip(watcher.page, security.id).textContent())
      .toBe('Aucun bilan');

    // A new user on a phone: the site's address, the sign-in form, then the check-in.
    const phone = await client({ phone: true });
    await phone.page.goto(suite.app.url);
    await phone.page.getByLabel('Courriel').waitFor();
    const started = Date.now();
    await phone.page.getByLabel('Courriel').fill(member.email);
    await phone.page.getByLabel('Mot de passe').fill(member.password);
    await phone.page.getByRole('button', { name: 'Se connecter' }).click();
    // Only task-team roles: the sign-in lands on "My task teams", the form already open.
    await phone.page.waitForURL(/\/me$/);
    const form = phone.page.getByTestId('checkin-form');
    await form.waitFor();
    metrics.signInToFormMs = Date.now() - started;
    await form.getByLabel('En bonne voie').check();
    await form.getByLabel('Avancement (%, facultatif)').fill('40');
    await form
      .getByLabel('Résumé (français)')
      .fill('Cadre de sécurité validé par trois provinces.');
    // The picture is not part of the flow: its time is taken off the measure.
    const shot = Date.now();
    await phone.page.screenshot({ path: screenshotPath('checkin-form-phone.png'), fullPage: true });
    const shotMs = Date.now() - shot;
    const submitted = Date.now();
    await form.getByRole('button', { name: 'Enregistrer le bilan' }).click();
    const posted = phone.page.getByTestId('team-message');
    await expect.poll(() => posted.textContent()).toMatch(/^Bilan enregistré pour « Équipe/);
    const postedAt = Date.now();
    metrics.submitToConfirmedMs = postedAt - submitted;
    metrics.signInToPostedCheckinMs = postedAt - started - shotMs;

    // Live on the council member's canvas, without a reload.
    await expect
      .poll(() => statusChip(watcher.page, security.id).textContent(), { timeout: 10_000 })
      .toMatch(/^En bonne voie · /);
    metrics.checkinSeenOnCanvasMs = Date.now() - postedAt;
    expect(await card(watcher.page, security.id).locator('.fdr-stale').count()).toBe(0);

    // The member's page shows the new status and the history, newest first.
    const team = phone.page.getByTestId('team-card');
    await expect
      .poll(() => team.getByTestId('team-status').textContent())
      .toContain('En bonne voie');
    await expect
      .poll(() => team.getByTestId('checkin-entry').first().textContent())
      .toContain('Avancement : 40 %');
    await phone.page.screenshot({ path: screenshotPath('my-teams-phone.png'), fullPage: true });
    console.log(
      `check-in flow: sign-in → form ${metrics.signInToFormMs} ms, submit → confirmed ${metrics.submitToConfirmedMs} ms, sign-in → posted ${metrics.signInToPostedCheckinMs} ms, posted → council canvas ${metrics.checkinSeenOnCanvasMs} ms`,
    );
  });

  it('a task-team invitation, once accepted on a phone, lands on the check-in form', async () => {
    const boardId = await createBoard(suite.app);
    const target = (await listCards(boardId))[5]!;
    const invite = await fetch(`${suite.app.url}/api/boards/${boardId}/invites`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `fdr_session=${suite.app.adminCookie}`,
      },
      body: JSON.stringify({ role: 'task-team', cardIds: [target.id] }),
    });
    const { url } = (await invite.json()) as { url: string };
    const { page } = await client({ phone: true, locale: 'en-CA' });
    await page.goto(url);
    await page.getByLabel('Name').fill('Noor Newcomer');
    await page.getByLabel('Email').fill(`noor-${boardId}@example.gc.ca`);
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('Confirm the password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create my account and accept' }).click();
    await page.waitForURL(/\/me$/);
    const team = page.getByTestId('team-card');
    expect(await team.getAttribute('data-card-id')).toBe(target.id);
    await team.getByTestId('checkin-form').waitFor();
    expect(await team.getByTestId('team-status').textContent()).toContain('No check-in');
    // A board created today: its team is not overdue yet (staleness counts from the card's creation).
    expect(await team.getByTestId('overdue').count()).toBe(0);
  });

  it('the card panel on the canvas: a clear error for invalid input, then a check-in and its history', async () => {
    const boardId = await createBoard(suite.app);
    const target = (await listCards(boardId))[3]!;
    const council = await suite.app.signUp({
      name: 'Robin Conseil',
      board: boardId,
      role: 'council',
    });
    const { page } = await client({ cookie: council.cookie, locale: 'en-CA' });
    await openBoard(page, suite.app.url, boardId);
    await showCard(page, target.id);
    await page.getByRole('button', { name: 'Edit the card' }).click();
    const panel = page.getByTestId('panel-checkins');
    await panel.getByRole('button', { name: 'Record a check-in' }).click();
    const form = panel.getByTestId('checkin-form');
    // Focus lands on the first status.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement)?.value))
      .toBe('not-started');
    await form.getByLabel('Progress (%, optional)').fill('150');
    await form.getByRole('button', { name: 'Record the check-in' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('Correct the fields marked.');
    expect(await form.getByText('Choose a status.').count()).toBe(1);
    expect(await form.getByText('Progress is a whole number from 0 to 100.').count()).toBe(1);
    await form.getByLabel('Blocked').check();
    await form.getByLabel('Progress (%, optional)').fill('10');
    await form.getByText('Next milestone, asks and risks (optional)').click();
    await form.getByLabel('Next milestone (English)').fill('Funding decision');
    await form.getByLabel('Target date of the next milestone').fill('2018-03-15');
    await form.getByLabel('Asks (what the team needs) (English)').fill('A sponsor in Ontario');
    await form.getByRole('button', { name: 'Record the check-in' }).click();
    await expect
      .poll(() => panel.getByRole('status').first().textContent())
      .toMatch(/^Check-in recorded/);
    // The history comes back through the live doc.
    const entry = panel.getByTestId('checkin-entry').first();
    await expect.poll(() => entry.textContent()).toContain('Next milestone: Funding decision');
    expect(await entry.textContent()).toContain('Asks: A sponsor in Ontario');
    expect(await entry.textContent()).toContain('by Robin Conseil');
    await expect.poll(() => statusChip(page, target.id).textContent()).toMatch(/^Blocked · /);
  });

  it('the secretariat sees overdue teams with a reminder in both languages, and what changed since the last meeting', async () => {
    // Teams on the board since October 2016: all overdue but the one that checks in below.
    const boardId = await createBoardCreatedAt(suite.app, '2016-10-01T00:00:00Z');
    const cards = await listCards(boardId);
    const [fresh, other] = [cards[0]!, cards[1]!];
    await postAsAdmin(boardId, { cardId: fresh.id, status: 'on-track' });
    const secretariat = await client({ cookie: suite.app.adminCookie });
    await secretariat.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: suite.app.url,
    });
    const { page } = secretariat;
    await page.goto(`${suite.app.url}/b/${boardId}/status`);
    const table = page.getByTestId('status-table');
    await table.waitFor();
    expect(await table.locator(`tr[data-card-id="${fresh.id}"]`).getAttribute('data-stale')).toBe(
      'false',
    );
    expect(await table.locator('tr[data-stale="true"]').count()).toBe(cards.length - 1);
    await page.getByTestId('filter-overdue').check();
    expect(await table.locator('tbody tr').count()).toBe(cards.length - 1);
    const reminder = await page.getByTestId('reminder-text').inputValue();
    expect(reminder).toContain('plus de 60 jours');
    expect(reminder).toContain('more than 60 days');
    expect(reminder).toContain(`- ${other.title.fr} (aucun bilan à ce jour)`);
    expect(reminder).toContain(`- ${other.title.en} (no check-in yet)`);
    expect(reminder).not.toContain(fresh.title.en);
    expect(reminder).toContain(`${suite.app.url}/me`);
    await page.getByTestId('reminder-copy').click();
    await page.getByText('Texte copié dans le presse-papiers.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reminder);

    // A meeting: a named version, then a check-in after it.
    const taken = await fetch(`${suite.app.url}/api/boards/${boardId}/versions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `fdr_session=${suite.app.adminCookie}`,
      },
      body: JSON.stringify({ name: 'Réunion de février 2018', note: '' }),
    });
    expect(taken.status).toBe(201);
    await postAsAdmin(boardId, {
      cardId: other.id,
      status: 'at-risk',
      summary: { fr: 'Budget à confirmer.', en: 'Budget to be confirmed.' },
    });
    await page.goto(`${suite.app.url}/b/${boardId}/since`);
    await expect
      .poll(() => page.getByTestId('since-base').textContent())
      .toMatch(/^Depuis « Réunion de février 2018 »/);
    const checkins = page.getByTestId('since-checkins');
    await expect.poll(() => checkins.locator('li').count()).toBe(1);
    expect(await checkins.textContent()).toContain(other.title.fr);
    expect(await checkins.textContent()).toContain('Budget à confirmer.');
    // The check-in made before the meeting is not news.
    expect(await checkins.textContent()).not.toContain(fresh.title.fr);

    // Since a date before every version: no reference state, the check-ins of that period.
    await page.getByTestId('since-from').selectOption('date');
    await page.getByTestId('since-date').fill('2000-01-01');
    await expect
      .poll(() => page.getByTestId('since-base').textContent())
      .toContain('Aucune version n’existe à cette date ou avant');
    await expect.poll(() => checkins.locator('li').count()).toBe(2);

    // Projector and paper.
    await page.getByTestId('since-large').check();
    expect(await page.locator('.fdr-since--large').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('since-from').isVisible()).toBe(false);
    expect(await checkins.isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('since-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('nothing leaves the origin', () => {
    expectOwnOriginOnly(suite.guard, suite.app.url, { board: true });
  });
});
