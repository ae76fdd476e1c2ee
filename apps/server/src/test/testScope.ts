import { afterEach } from 'vitest';
import type * as Y from 'yjs';
import type { TestClient } from './clients.ts';
import { startTestServer, type TestServer } from './testServer.ts';

/** A test file's servers and clients, released after each test (last made, first released). */
export interface TestScope {
  /** Anything else to release after the test. */
  readonly cleanups: (() => unknown)[];
  server(overrides?: Parameters<typeof startTestServer>[0]): Promise<TestServer>;
  client(s: TestServer, board: string, doc?: Y.Doc): TestClient;
}

export function testScope(): TestScope {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });
  return {
    cleanups,
    async server(overrides = {}) {
      const s = await startTestServer(overrides);
      cleanups.push(() => s.dispose());
      return s;
    },
    client(s, board, doc) {
      const c = s.connect(board, doc ? { doc } : {});
      cleanups.push(() => c.destroy());
      return c;
    },
  };
}
