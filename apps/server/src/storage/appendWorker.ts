/**
 * The storage worker of `SqliteAppender`: its own connection to the board file, on its own thread,
 * so that the commit and its fsync never block the event loop that applies and sends. Every append
 * that arrived while it was busy goes into one transaction (group commit across boards: one fsync
 * for all of them), and each is answered only once that transaction is committed.
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import type { AppendReply, AppendRequest, AppendWorkerOptions } from './appendProtocol.ts';
import { setMaxPages } from './setMaxPages.ts';

const options = workerData as AppendWorkerOptions;
const db = new DatabaseSync(options.file);
db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs)}`);
db.exec(`PRAGMA synchronous = ${options.synchronous}`);
if (options.maxBytes) setMaxPages(db, options.maxBytes);
const insert = db.prepare(
  'INSERT INTO board_updates (board_id, data, created_at) VALUES (?, ?, ?)',
);

let queue: AppendRequest[] = [];
let scheduled = false;

parentPort!.on('message', (request: AppendRequest) => {
  queue.push(request);
  if (scheduled) return;
  scheduled = true;
  // After the messages already waiting have been queued: they share the transaction.
  setImmediate(commit);
});

function commit(): void {
  scheduled = false;
  const batch = queue;
  queue = [];
  const replies: AppendReply[] = [];
  let appends: AppendRequest[] = [];
  const flush = () => {
    if (appends.length > 0) replies.push(...write(appends));
    appends = [];
  };
  for (const request of batch) {
    if (request.kind === 'append') {
      appends.push(request);
      continue;
    }
    // Settings and drains apply in order: what was asked before them is written first.
    flush();
    if (request.kind === 'max-bytes') setMaxPages(db, request.bytes);
    replies.push({ id: request.id, seq: 0 });
  }
  flush();
  parentPort!.postMessage(replies);
}

function write(appends: AppendRequest[]): AppendReply[] {
  const now = Date.now();
  try {
    db.exec('BEGIN IMMEDIATE');
    const replies: AppendReply[] = [];
    for (const request of appends) {
      if (request.kind !== 'append') continue;
      let seq = 0;
      for (const update of request.updates) {
        seq = Number(insert.run(request.boardId, update, now).lastInsertRowid);
      }
      replies.push({ id: request.id, seq });
    }
    db.exec('COMMIT');
    return replies;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    // Nothing of the group is stored: every board keeps its updates and retries.
    const message = error instanceof Error ? error.message : String(error);
    return appends.map((request) => ({ id: request.id, error: message }));
  }
}
