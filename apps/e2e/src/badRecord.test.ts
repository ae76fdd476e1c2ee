import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBoard } from './harness/board.ts';
import { newClient, screenshotPath } from './harness/browser.ts';
import { e2eSuite } from './harness/e2eSuite.ts';

// Yjs as the server has it (this package does not depend on it directly).
const fromServer = createRequire(new URL('../../server/package.json', import.meta.url));
interface YMap {
  keys(): IterableIterator<string>;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}
interface YDoc {
  getMap(name: string): YMap;
}
const Y = (await import(pathToFileURL(fromServer.resolve('yjs')).href)) as {
  Doc: new () => YDoc;
  applyUpdate(doc: YDoc, update: Uint8Array): void;
  encodeStateAsUpdate(doc: YDoc): Uint8Array;
};

const suite = e2eSuite('bad-record');

/**
 * A version holding a lane whose colour is not `#rrggbb`, as a server without the document guard
 * stored them: a named version is taken, then its stored state is rewritten in the SQLite file.
 */
async function versionWithBadColour(boardId: string): Promise<{ id: string; laneId: string }> {
  const res = await fetch(`${suite.app.url}/api/boards/${boardId}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `fdr_session=${suite.app.adminCookie}` },
    body: JSON.stringify({ name: 'Avant la correction' }),
  });
  expect(res.status).toBe(201);
  const { id } = ((await res.json()) as { version: { id: string } }).version;
  const db = new DatabaseSync(join(suite.app.dataDir, 'boards.sqlite'));
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    const row = db.prepare('SELECT state FROM board_versions WHERE id = ?').get(id) as {
      state: Uint8Array;
    };
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row.state);
    const domains = doc.getMap('domains');
    const laneId = [...domains.keys()].sort()[0]!;
    (domains.get(laneId) as YMap).set('colour', 'not-a-colour');
    const state = Y.encodeStateAsUpdate(doc);
    db.prepare('UPDATE board_versions SET state = ?, bytes = ? WHERE id = ?').run(
      state,
      state.byteLength,
      id,
    );
    return { id, laneId };
  } finally {
    db.close();
  }
}

describe('a bad record in storage', () => {
  it('the version and compare pages draw the rest of the board and say a record could not be read', async () => {
    const boardId = await createBoard(suite.app);
    const version = await versionWithBadColour(boardId);
    const reader = await newClient(suite.browser, suite.guard, {
      locale: 'fr-CA',
      session: { url: suite.app.url, cookie: suite.app.adminCookie },
    });
    suite.clients.push(reader);
    const page = reader.page;

    await page.goto(`${suite.app.url}/b/${boardId}/versions/${version.id}`);
    await page.locator('[data-testid="fdr-card"]').filter({ visible: true }).first().waitFor();
    expect(await page.locator('[data-testid="fdr-card"]').count()).toBeGreaterThan(20);
    await page.locator(`[data-domain-id="${version.laneId}"]`).first().waitFor();
    const notice = page.getByTestId('read-problems');
    await notice.getByText('1 enregistrement n’a pas pu être lu').waitFor();
    await notice.locator('summary').click();
    expect(await notice.textContent()).toContain('#rrggbb');
    await page.screenshot({ path: screenshotPath('bad-record-version.png') });

    // In English, on the comparison with the board as it is now.
    await page.goto(`${suite.app.url}/b/${boardId}/versions/${version.id}/compare/now`);
    await page.getByTestId('compare-list').waitFor();
    await page.locator('[data-testid="fdr-card"]').filter({ visible: true }).first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('read-problems').getByText('1 record could not be read').waitFor();
    await page.screenshot({ path: screenshotPath('bad-record-compare.png') });
    expect(reader.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
