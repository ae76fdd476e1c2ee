import { afterEach, describe, expect, it } from 'vitest';
import { createBoard, openBoard, signUpCouncil } from './harness/board.ts';
import { newClient, screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';
import { openRawPeer, type RawPeer } from './harness/rawPeer.ts';

const suite = e2eSuite('presence');
const peers: RawPeer[] = [];
afterEach(() => {
  for (const peer of peers.splice(0)) peer.close();
});

describe('presence from a hostile peer', () => {
  it('an observer whose name is an object does not blank a council member’s board', {
    timeout: 240_000,
  }, async () => {
    const boardId = await createBoard(suite.app);
    const council = await signUpCouncil(suite.app, boardId);
    const observer = await suite.app.signUp({
      name: 'Olivier Observateur',
      board: boardId,
      role: 'observer',
    });
    const client = await newClient(suite.browser, suite.guard, {
      locale: 'en-CA',
      session: { url: suite.app.url, cookie: council.cookie },
    });
    suite.clients.push(client);
    // The shared CI machine can take most of a minute to open a board: waits, not assertions.
    client.context.setDefaultTimeout(90_000);
    const { page } = client;
    await openBoard(page, suite.app.url, boardId);
    const cards = await page.getByTestId('fdr-card').count();
    expect(cards).toBeGreaterThan(20);

    const peer = await openRawPeer(suite.app.url, boardId, observer.cookie);
    peers.push(peer);
    // One message: the bad state first, a good one beside it. Whatever the server does with the
    // bad one (relay, drop, or close this socket), the page must go on showing the board. (The
    // server drops a state that does not fit the model's presence shape; the page's own reading
    // of a bad state is covered by readPeer.test.tsx.)
    peer.setStates([
      {
        clientId: 900_001,
        clock: 1,
        state: { user: { id: 'evil', name: { evil: 1 }, color: '#000000' } },
      },
      {
        clientId: 900_002,
        clock: 1,
        state: {
          user: { id: 'gaby', name: 'Gaby Good', color: '#00695c' },
        },
      },
    ]);
    const outcome = await Promise.race([
      page
        .getByTestId('people')
        // Under the account's name: the server stamps it on the presence it relays.
        .getByText('Olivier Observateur')
        .waitFor({ timeout: 60_000 })
        .then(() => 'shown' as const),
      peer.closed.then(() => 'closed' as const),
    ]);
    if (outcome === 'closed') {
      // The server refused the message: the good state never came, and nothing broke.
      await expect(
        page.getByTestId('people').getByText('Olivier Observateur').count(),
      ).resolves.toBe(0);
    }
    await page.screenshot({ path: screenshotPath('hostile-presence.png') });

    // Still the whole board, its people list without the bad peer, and no error in the page.
    await expect(page.getByTestId('fdr-card').count()).resolves.toBe(cards);
    await expect(page.getByTestId('board-title').textContent()).resolves.toBe('Test board');
    const people = (await page.getByTestId('people').textContent()) ?? '';
    expect(people).not.toContain('[object Object]');
    expect(people).not.toContain('evil');
    expect(client.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    // The page still edits: the board did not stop at the bad peer.
    await page.getByTestId('new-card').waitFor();
  });
});
