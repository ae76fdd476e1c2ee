import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Roadmap } from '@fdr/model';
import { BenchContext, createSetups, type RunningSetup } from '../setups.ts';

/** Our server serving a web build, with an administrator's session. */
export interface BenchApp {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The session cookie as `fdr_session=<token>`, for REST calls and y-websocket clients. */
  cookie: string;
  /** Where a y-websocket client syncs (the board id is appended). */
  syncUrl: string;
  setup: RunningSetup;
  /** Imports a roadmap as a new board (as an administrator does from the home page). */
  importBoard(roadmap: Roadmap): Promise<string>;
  stop(): Promise<void>;
}

/** Default REST body limit of the server (MAX_BODY_BYTES), which an import must fit in. */
const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The `ours-sqlite` setup of the load harness (our real server, a temporary SQLite folder, an
 * administrator made with the operator CLI and signed in over REST), told to serve `webDist`.
 * Every setting keeps its default, except the REST body limit when the boards to import are
 * larger than it (`largestImportBytes`): it only bounds request bodies.
 */
export async function startBenchApp(webDist: string, largestImportBytes = 0): Promise<BenchApp> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`no web build in ${webDist}: run "pnpm build" first (or pass --web-dist=PATH)`);
  }
  const context = new BenchContext();
  const ours = createSetups(context).find((setup) => setup.id === 'ours-sqlite')!;
  const env: Record<string, string> = { WEB_DIST: webDist };
  if (largestImportBytes + 4096 > DEFAULT_BODY_LIMIT) {
    env.MAX_BODY_BYTES = String(2 * largestImportBytes);
  }
  const setup = await ours.start({ env });
  const endpoint = setup.endpoints[0]!;
  const url = `http://127.0.0.1:${setup.processes[0]!.port}`;
  const cookie = endpoint.cookie ?? '';
  return {
    url,
    cookie,
    syncUrl: endpoint.url,
    setup,
    async importBoard(roadmap) {
      const res = await fetch(`${url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ template: 'imported', roadmap }),
      });
      if (res.status !== 201) {
        throw new Error(`board import failed: ${res.status} ${await res.text()}`);
      }
      return ((await res.json()) as { board: { id: string } }).board.id;
    },
    async stop() {
      await setup.stop();
      await context.cleanup();
    },
  };
}
