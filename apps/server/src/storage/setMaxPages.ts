import type { DatabaseSync } from 'node:sqlite';

/**
 * Caps a connection's database size at `bytes` (0 lifts the cap): writes past it fail as on a
 * full disk. The cap is per connection, so every connection that writes sets it.
 */
export function setMaxPages(db: DatabaseSync, bytes: number): void {
  const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  const pages = bytes > 0 ? Math.max(1, Math.floor(bytes / pageSize)) : 4294967294;
  db.exec(`PRAGMA max_page_count = ${pages}`);
}
