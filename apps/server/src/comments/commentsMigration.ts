/**
 * The account store's migration that adds conversations: comments on cards and roadmap items,
 * and each person's notifications.
 */
export function commentsMigration(dialect: 'sqlite' | 'postgres'): string[] {
  const t = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT';
  return [
    // `parent_id` is null for the first comment of a thread. A deleted comment keeps its row
    // (the thread's replies still hang from it) with an empty body; a hidden one keeps its body
    // here and in the audit log, and is served without it.
    `CREATE TABLE IF NOT EXISTS comments (
      id TEXT PRIMARY KEY, board_id TEXT NOT NULL, target_kind TEXT NOT NULL,
      target_id TEXT NOT NULL, parent_id TEXT, author_id TEXT NOT NULL, body TEXT NOT NULL,
      mentions TEXT NOT NULL DEFAULT '[]', created_at ${t} NOT NULL, edited_at ${t},
      deleted_at ${t}, hidden_at ${t}, hidden_by TEXT)`,
    'CREATE INDEX IF NOT EXISTS comments_by_target ON comments (board_id, target_kind, target_id)',
    'CREATE INDEX IF NOT EXISTS comments_by_time ON comments (board_id, created_at)',
    // `event_key` makes a notification idempotent per person and event.
    `CREATE TABLE IF NOT EXISTS notifications (
      id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      event_key TEXT NOT NULL, kind TEXT NOT NULL, board_id TEXT, target_kind TEXT,
      target_id TEXT, comment_id TEXT, actor_id TEXT, payload TEXT NOT NULL DEFAULT '{}',
      created_at ${t} NOT NULL, read_at ${t}, UNIQUE (user_id, event_key))`,
    'CREATE INDEX IF NOT EXISTS notifications_by_user ON notifications (user_id, created_at)',
  ];
}
