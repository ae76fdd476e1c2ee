/**
 * The account store's migration that adds outgoing mail (same numbering as its others): the
 * durable outbox, each person's mail preferences, and the per-board reminder schedule.
 */
export function mailMigration(dialect: 'sqlite' | 'postgres'): string[] {
  const t = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT';
  const id = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
  return [
    // One row per message and recipient. `idem_key` is the idempotency key (event + recipient):
    // a second enqueue of the same event for the same person is a no-op. `payload` is the
    // message's data (JSON); it is rendered in both languages when sent, not when enqueued.
    // A sender claims a row by setting `claimed_by`/`claimed_until` (a lease), so a sender that
    // dies mid-send gives the row back when the lease ends.
    `CREATE TABLE IF NOT EXISTS mail_outbox (
      id ${id}, idem_key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, board_id TEXT,
      user_id TEXT, email TEXT NOT NULL, lang TEXT NOT NULL, payload TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,
      next_at ${t} NOT NULL, claimed_by TEXT, claimed_until ${t}, last_error TEXT,
      created_at ${t} NOT NULL, sent_at ${t})`,
    'CREATE INDEX IF NOT EXISTS mail_outbox_due ON mail_outbox (state, next_at)',
    'CREATE INDEX IF NOT EXISTS mail_outbox_by_board ON mail_outbox (board_id, created_at)',
    // Absent row: every kind on, language from MAIL_DEFAULT_LANG.
    `CREATE TABLE IF NOT EXISTS mail_preferences (
      user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, lang TEXT,
      off_kinds TEXT NOT NULL DEFAULT '[]', updated_at ${t} NOT NULL)`,
    // Check-in reminders by mail, set by the secretariat per board.
    `CREATE TABLE IF NOT EXISTS reminder_schedules (
      board_id TEXT PRIMARY KEY, every_days INTEGER NOT NULL, next_at ${t} NOT NULL,
      updated_by TEXT, updated_at ${t} NOT NULL)`,
  ];
}
