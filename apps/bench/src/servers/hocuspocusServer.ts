/**
 * Hocuspocus as the harness runs it: the stock `Server`, listening on 127.0.0.1 on a free port,
 * printing one JSON line with that port. Without arguments: its defaults, no extension, documents
 * in memory only.
 *
 *   --flush-delay=<ms>   Hocuspocus's own `flushDelay` option (broadcast batching window; its
 *                        default 0 merges what arrives in one event-loop turn)
 *   --sqlite=<file>      the stock database extension (`@hocuspocus/extension-database`), its
 *                        `fetch` and `store` on Node's built-in SQLite in that file, WAL and
 *                        synchronous=FULL as our server runs it. Everything else stays Hocuspocus's
 *                        default: a document is stored as a whole state, `debounce` 2 s after an
 *                        edit (at most `maxDebounce` 10 s), when its last client leaves, and at
 *                        shutdown.
 *
 * `@hocuspocus/extension-sqlite` would be the packaged way, but it depends on `better-sqlite3`,
 * a native addon built or downloaded at install; `node:sqlite` needs neither.
 */
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { Database } from '@hocuspocus/extension-database';
import { type Extension, Server } from '@hocuspocus/server';

const { values } = parseArgs({
  options: {
    'flush-delay': { type: 'string' },
    sqlite: { type: 'string' },
  },
});

const extensions: Extension[] = [];
if (values.sqlite) {
  const db = new DatabaseSync(values.sqlite);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
  const select = db.prepare('SELECT data FROM documents WHERE name = ?');
  const upsert = db.prepare(
    'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET data = excluded.data',
  );
  extensions.push(
    new Database({
      fetch: async ({ documentName }) => {
        const row = select.get(documentName) as { data: Uint8Array } | undefined;
        return row ? row.data : null;
      },
      store: async ({ documentName, state }) => {
        upsert.run(documentName, state);
      },
    }),
  );
}

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions,
  ...(values['flush-delay'] !== undefined ? { flushDelay: Number(values['flush-delay']) } : {}),
});
await server.listen();
console.log(JSON.stringify({ msg: 'listening', port: server.address.port }));
