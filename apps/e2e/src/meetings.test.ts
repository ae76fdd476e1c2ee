import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { card, createBoard } from './harness/board.ts';
import { type Client, screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

const suite = e2eSuite('meetings');

interface ListedCard {
  id: string;
  title: { fr: string; en: string };
}

async function cardsOf(boardId: string): Promise<ListedCard[]> {
  const res = await fetch(`${suite.app.url}/api/boards/${boardId}/checkins`, {
    headers: { cookie: `fdr_session=${suite.app.adminCookie}` },
  });
  return ((await res.json()) as { cards: ListedCard[] }).cards;
}

function byTitle(cards: ListedCard[], en: string): ListedCard {
  const found = cards.find((c) => c.title.en === en);
  if (!found) throw new Error(`no ${en} card on the template board`);
  return found;
}

/** A task team reports it is blocked: the agenda proposes its card. */
async function reportBlocked(boardId: string, cardId: string): Promise<void> {
  const res = await fetch(`${suite.app.url}/api/boards/${boardId}/checkins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `fdr_session=${suite.app.adminCookie}` },
    body: JSON.stringify({
      cardId,
      status: 'blocked',
      summary: { fr: 'En attente du financement.', en: 'Waiting for funding.' },
    }),
  });
  if (res.status !== 201) throw new Error(`check-in refused: ${res.status}`);
}

/** Whether a card's shape is on screen, wholly inside the viewport. */
function cardInView(page: Page, cardId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="fdr-card"][data-card-id="${id}"]`);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return (
      r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight
    );
  }, cardId);
}

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function dotsOf(client: Client, boardId: string, voteId: string): Promise<number> {
  return client.page.evaluate(
    async ({ board, vote }) => {
      const res = await fetch(`/api/boards/${board}/votes`);
      const votes = (await res.json()) as { votes: { id: string; myDots: unknown[] }[] };
      return votes.votes.find((v) => v.id === vote)?.myDots.length ?? -1;
    },
    { board: boardId, vote: voteId },
  );
}

describe('a council meeting, end to end', () => {
  it('agenda from the board, the presenter walks it, a dot vote, a decision with its version, an action closed from /me, and the pack records it all', {
    timeout: 600_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const cards = await cardsOf(boardId);
    const security = byTitle(cards, 'Security');
    const others = cards.filter((c) => c.id !== security.id);
    const [second, third] = others;
    if (!second || !third) throw new Error('the template board has too few cards');
    await reportBlocked(boardId, security.id);

    const secretariat = await suite.app.signUp({
      name: 'Sophie Secrétariat',
      board: boardId,
      role: 'secretariat',
    });
    const camille = await suite.app.signUp({
      name: 'Camille Conseil',
      board: boardId,
      role: 'council',
    });
    const bruno = await suite.app.signUp({
      name: 'Bruno Conseil',
      board: boardId,
      role: 'council',
    });

    const s = await suite.client({
      cookie: secretariat.cookie,
      locale: 'fr-CA',
      timeoutMs: 90_000,
    });
    const a = await suite.client({ cookie: camille.cookie, locale: 'en-CA', timeoutMs: 90_000 });
    const b = await suite.client({ cookie: bruno.cookie, locale: 'fr-CA', timeoutMs: 90_000 });

    // 1. The secretariat plans the meeting, its agenda proposed from the board.
    await s.page.goto(`${suite.app.url}/b/${boardId}/meetings`);
    const form = s.page.getByTestId('meeting-create-form');
    await form.getByTestId('meeting-title-fr').fill('Réunion du printemps');
    await form.getByTestId('meeting-title-en').fill('Spring meeting');
    await form.getByTestId('meeting-date').fill(isoDay(0));
    await form.getByTestId('meeting-create').click();
    await s.page.getByTestId('meeting-link').filter({ hasText: 'Réunion du printemps' }).click();
    await s.page.waitForURL(`**/b/${boardId}/meetings/*`);
    const meetingId = decodeURIComponent(s.page.url().split('/').pop() ?? '');

    await s.page.getByTestId('agenda-propose').click();
    const blocked = s.page.locator(
      `[data-testid="agenda-proposal"][data-target="card:${security.id}"]`,
    );
    await blocked.waitFor();
    await expect(blocked.getAttribute('data-reason')).resolves.toBe('blocked');
    await blocked.getByTestId('agenda-proposal-add').click();
    // A second entry written by hand, pointing at another card.
    const add = s.page.getByTestId('agenda-add-form');
    await add.getByTestId('agenda-add-title-fr').fill('Priorités de la phase 2');
    await add.getByTestId('agenda-add-title-en').fill('Phase 2 priorities');
    await add.getByTestId('agenda-add-target').selectOption(`card:${second.id}`);
    await add.getByTestId('agenda-add').click();
    const entries = s.page.getByTestId('agenda-entry');
    await expect.poll(() => entries.count()).toBe(2);
    await entries.nth(0).getByTestId('agenda-entry-minutes').fill('5');
    await s.page.getByTestId('agenda-save').click();
    await expect.poll(() => s.page.getByTestId('agenda-save').isDisabled()).toBe(true);
    await s.page.screenshot({ path: screenshotPath('meeting-agenda-fr-1440.png'), fullPage: true });

    // 2. The members open the board; the secretariat presents: they follow to each entry.
    await a.page.goto(`${suite.app.url}/b/${boardId}`);
    await b.page.goto(`${suite.app.url}/b/${boardId}`);
    await a.page.locator('[data-testid="fdr-card"]:visible').first().waitFor();
    await b.page.locator('[data-testid="fdr-card"]:visible').first().waitFor();
    await s.page.getByTestId('meeting-present').click();
    await s.page.waitForURL(`**/b/${boardId}`);
    for (const member of [a, b]) {
      const bar = member.page.getByTestId('meeting-bar');
      await bar.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => bar.getByTestId('meeting-current-entry').textContent(), { timeout: 30_000 })
        .toContain(member === a ? security.title.en : security.title.fr);
      await expect.poll(() => cardInView(member.page, security.id), { timeout: 30_000 }).toBe(true);
    }
    await s.page.getByTestId('presenter-next').click();
    await expect
      .poll(() => a.page.getByTestId('meeting-current-entry').textContent(), { timeout: 30_000 })
      .toContain('Phase 2 priorities');
    await expect
      .poll(() => b.page.getByTestId('meeting-current-entry').textContent(), { timeout: 30_000 })
      .toContain('Priorités de la phase 2');
    await expect.poll(() => cardInView(a.page, second.id), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => cardInView(b.page, second.id), { timeout: 30_000 }).toBe(true);
    // Back to the first entry, whose timer everyone sees.
    await s.page.getByTestId('presenter-prev').click();
    await s.page.getByTestId('presenter-timer').click();
    await expect
      .poll(() => a.page.getByTestId('meeting-timer').textContent(), { timeout: 30_000 })
      .toMatch(/^\s*0?(4:[0-5]\d|5:00)\s*$/);
    await expect
      .poll(() => b.page.getByTestId('meeting-timer').textContent(), { timeout: 30_000 })
      .toMatch(/0?(4:[0-5]\d|5:00)/);
    await a.page.screenshot({ path: screenshotPath('meeting-follow-en-1440.png') });
    await b.page.screenshot({ path: screenshotPath('meeting-follow-fr-1440.png') });

    // 3. A dot vote: three votes each, on three cards, results hidden until closed.
    await s.page.goto(`${suite.app.url}/b/${boardId}/meetings/${meetingId}`);
    const voteForm = s.page.getByTestId('vote-open-form');
    await voteForm.getByTestId('vote-question-fr').fill('Quelles priorités pour la phase 2?');
    await voteForm.getByTestId('vote-question-en').fill('Which priorities for phase 2?');
    for (const c of [security, second, third]) {
      await voteForm.locator(`[data-testid="vote-option-choice"][value="card:${c.id}"]`).check();
    }
    await voteForm.getByTestId('vote-per-voter').fill('3');
    await voteForm.getByTestId('vote-open').click();
    const panel = s.page.getByTestId('vote-panel').first();
    await panel.waitFor();
    const voteId = (await panel.getAttribute('data-vote-id')) ?? '';
    expect(voteId).not.toBe('');

    // Camille votes from the canvas: two dots on Security, one on the second card.
    await a.page.goto(`${suite.app.url}/b/${boardId}?card=${security.id}`);
    const aVote = a.page.getByTestId('card-vote');
    await aVote.waitFor({ timeout: 30_000 });
    await aVote.getByTestId('vote-add').click();
    await expect.poll(() => aVote.getByTestId('vote-left').textContent()).toContain('2 of 3');
    await aVote.getByTestId('vote-add').click();
    await expect.poll(() => aVote.getByTestId('vote-left').textContent()).toContain('1 of 3');
    await a.page.goto(`${suite.app.url}/b/${boardId}?card=${second.id}`);
    const aVote2 = a.page.getByTestId('card-vote');
    await aVote2.getByTestId('vote-add').click();
    await expect.poll(() => aVote2.getByTestId('vote-left').textContent()).toContain('0 of 3');
    // No fourth vote, whatever the page sends: the server refuses it.
    const refused = await a.page.evaluate(
      async ({ board, vote, target }) => {
        const res = await fetch(`/api/boards/${board}/votes/${vote}/dots`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ target: { kind: 'card', id: target } }),
        });
        return { status: res.status, body: (await res.json()) as { code?: string } };
      },
      { board: boardId, vote: voteId, target: third.id },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('no-votes-left');
    await expect.poll(() => dotsOf(a, boardId, voteId)).toBe(3);

    // Bruno votes from the table, by keyboard.
    await b.page.goto(`${suite.app.url}/b/${boardId}/table`);
    const bPanel = b.page.getByTestId('vote-panel');
    await bPanel.waitFor({ timeout: 30_000 });
    for (const c of [security, second, third]) {
      const row = bPanel.locator(`[data-testid="vote-row"][data-target="card:${c.id}"]`);
      await row.getByTestId('vote-add').focus();
      await b.page.keyboard.press('Enter');
    }
    await expect.poll(() => bPanel.getByTestId('vote-left').textContent()).toContain('0');
    await expect.poll(() => dotsOf(b, boardId, voteId)).toBe(3);
    // The results stay hidden while the vote is open.
    await expect(bPanel.getByTestId('vote-count').count()).resolves.toBe(0);
    // A fourth from a raw client outside the browser, with Bruno's session.
    const raw = await fetch(`${suite.app.url}/api/boards/${boardId}/votes/${voteId}/dots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `fdr_session=${bruno.cookie}` },
      body: JSON.stringify({ target: { kind: 'card', id: security.id } }),
    });
    expect(raw.status).toBe(409);
    await b.page.screenshot({ path: screenshotPath('meeting-vote-table-fr-1440.png') });

    // The secretariat closes it: counts appear on the cards.
    await s.page.getByTestId('vote-close').click();
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 30_000 }).toBe('closed');
    const counted = s.page.locator(
      `[data-testid="vote-row"][data-target="card:${security.id}"] [data-testid="vote-count"]`,
    );
    await expect.poll(() => counted.textContent(), { timeout: 30_000 }).toContain('3');
    await a.page.goto(`${suite.app.url}/b/${boardId}?card=${security.id}`);
    await expect
      .poll(() => card(a.page, security.id).getByTestId('card-votes').textContent(), {
        timeout: 30_000,
      })
      .toContain('3');
    await a.page.screenshot({ path: screenshotPath('meeting-votes-canvas-en-1440.png') });

    // 4. A decision, with the board's version taken at that moment.
    const decisionForm = s.page.getByTestId('decision-form');
    await decisionForm
      .getByTestId('decision-text-fr')
      .fill('La sécurité passe en tête de la phase 2.');
    await decisionForm.getByTestId('decision-text-en').fill('Security goes first in phase 2.');
    await decisionForm
      .locator(`[data-testid="decision-target"][value="card:${security.id}"]`)
      .check();
    await decisionForm.getByTestId('decision-record').click();
    const decision = s.page.getByTestId('decision').first();
    await decision.waitFor({ timeout: 30_000 });
    const versionHref =
      (await decision.getByTestId('decision-version-link').getAttribute('href')) ?? '';
    expect(versionHref).toMatch(new RegExp(`/b/${boardId}/versions/[^/]+$`));
    const versions = (await (
      await fetch(`${suite.app.url}/api/boards/${boardId}/versions`, {
        headers: { cookie: `fdr_session=${secretariat.cookie}` },
      })
    ).json()) as { versions: { id: string; kind: string; name: string }[] };
    const taken = versions.versions.find((v) => versionHref.endsWith(`/${v.id}`));
    expect(taken?.kind).toBe('named');
    expect(taken?.name).toContain('Decision');

    // 5. An action for Camille, who closes it from "My task teams".
    const actionForm = s.page.getByTestId('action-form');
    await actionForm.getByTestId('action-title-fr').fill('Chiffrer le plan de sécurité');
    await actionForm.getByTestId('action-title-en').fill('Cost the security plan');
    await actionForm.getByTestId('action-owner').selectOption({ label: 'Camille Conseil' });
    await actionForm.getByTestId('action-due').fill(isoDay(14));
    await actionForm.getByTestId('action-target').selectOption(`card:${security.id}`);
    await actionForm.getByTestId('action-create').click();
    await s.page.getByTestId('action').first().waitFor({ timeout: 30_000 });
    await s.page.screenshot({ path: screenshotPath('meeting-record-fr-1440.png'), fullPage: true });

    // The card's panel tells its decision history.
    const history = a.page.getByTestId('card-decisions');
    await expect
      .poll(() => history.textContent(), { timeout: 30_000 })
      .toContain('Security goes first in phase 2.');

    await a.page.goto(`${suite.app.url}/me`);
    const mine = a.page.locator('[data-testid="my-action"]', { hasText: 'Cost the security plan' });
    await mine.waitFor({ timeout: 30_000 });
    await expect(mine.getAttribute('data-state')).resolves.toBe('open');
    await mine.getByTestId('my-action-done').click();
    await expect.poll(() => mine.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    await a.page.setViewportSize({ width: 390, height: 844 });
    await a.page.screenshot({ path: screenshotPath('meeting-my-actions-en-390.png') });
    // The secretariat's page shows it done, live.
    await expect
      .poll(() => s.page.getByTestId('action').first().getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('done');

    // 6. The meeting pack records it all, in both languages, read in French and in English.
    await a.page.setViewportSize({ width: 1440, height: 900 });
    for (const [client, lang] of [
      [s, 'fr'],
      [a, 'en'],
    ] as const) {
      await client.page.goto(`${suite.app.url}/b/${boardId}/pack`);
      const pack = client.page.getByTestId('pack-meeting');
      await pack.waitFor({ timeout: 30_000 });
      await pack.getByTestId('pack-decisions').waitFor({ timeout: 30_000 });
      const text = (await pack.textContent()) ?? '';
      for (const expected of [
        'Réunion du printemps',
        'Spring meeting',
        'Priorités de la phase 2',
        'Phase 2 priorities',
        'Quelles priorités pour la phase 2?',
        'Which priorities for phase 2?',
        'La sécurité passe en tête de la phase 2.',
        'Security goes first in phase 2.',
        'Chiffrer le plan de sécurité',
        'Cost the security plan',
        'Camille Conseil',
      ]) {
        expect(text, expected).toContain(expected);
      }
      const votes = (await client.page.getByTestId('pack-votes').textContent()) ?? '';
      expect(votes).toContain(security.title.fr);
      expect(votes).toContain(security.title.en);
      await client.page.screenshot({
        path: screenshotPath(`meeting-pack-${lang}-1440.png`),
        fullPage: true,
      });
    }

    // 7. The audit log names who opened and closed the vote and recorded the decision.
    const audit = await fetch(`${suite.app.url}/api/boards/${boardId}/audit`, {
      headers: { cookie: `fdr_session=${secretariat.cookie}` },
    });
    const logged = (
      (await audit.json()) as { entries: { action: string; actorEmail: string | null }[] }
    ).entries;
    for (const action of ['vote-opened', 'vote-closed', 'decision-recorded']) {
      const entry = logged.find((e) => e.action === action);
      expect(entry?.actorEmail, action).toBe(secretariat.email);
    }
  });
});
