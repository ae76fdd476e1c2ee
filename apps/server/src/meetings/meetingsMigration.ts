/**
 * The account store's migration that adds meetings: agendas, dot votes, decisions and actions.
 * They live in server tables, not in the board's document, so a ballot stays secret and a count
 * cannot be forged by a member who writes to the document.
 */
export function meetingsMigration(dialect: 'sqlite' | 'postgres'): string[] {
  const t = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT';
  return [
    `CREATE TABLE IF NOT EXISTS meetings (
      id TEXT PRIMARY KEY, board_id TEXT NOT NULL, title_fr TEXT NOT NULL, title_en TEXT NOT NULL,
      held_on TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'planned', presenter_id TEXT,
      current_entry_id TEXT, timer_ends_at ${t}, created_by TEXT, created_at ${t} NOT NULL,
      updated_at ${t} NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS meetings_by_board ON meetings (board_id, held_on)',
    `CREATE TABLE IF NOT EXISTS meeting_agenda (
      id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      position INTEGER NOT NULL, title_fr TEXT NOT NULL, title_en TEXT NOT NULL,
      target_kind TEXT, target_id TEXT, minutes INTEGER, reason TEXT)`,
    'CREATE INDEX IF NOT EXISTS meeting_agenda_by_meeting ON meeting_agenda (meeting_id, position)',
    `CREATE TABLE IF NOT EXISTS votes (
      id TEXT PRIMARY KEY, board_id TEXT NOT NULL,
      meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      question_fr TEXT NOT NULL, question_en TEXT NOT NULL, secret INTEGER NOT NULL,
      live_results INTEGER NOT NULL, votes_per_voter INTEGER NOT NULL, closes_at ${t},
      opened_at ${t} NOT NULL, opened_by TEXT, closed_at ${t}, closed_by TEXT)`,
    'CREATE INDEX IF NOT EXISTS votes_by_board ON votes (board_id, opened_at)',
    `CREATE TABLE IF NOT EXISTS vote_options (
      vote_id TEXT NOT NULL REFERENCES votes(id) ON DELETE CASCADE, position INTEGER NOT NULL,
      target_kind TEXT NOT NULL, target_id TEXT NOT NULL,
      PRIMARY KEY (vote_id, target_kind, target_id))`,
    // One row per dot; `slot` is 1..votes_per_voter, so the key itself caps a voter's dots,
    // whatever the interleaving of their requests.
    `CREATE TABLE IF NOT EXISTS vote_dots (
      vote_id TEXT NOT NULL REFERENCES votes(id) ON DELETE CASCADE, voter_id TEXT NOT NULL,
      slot INTEGER NOT NULL, target_kind TEXT NOT NULL, target_id TEXT NOT NULL,
      cast_at ${t} NOT NULL, PRIMARY KEY (vote_id, voter_id, slot))`,
    `CREATE TABLE IF NOT EXISTS decisions (
      id TEXT PRIMARY KEY, board_id TEXT NOT NULL,
      meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      text_fr TEXT NOT NULL, text_en TEXT NOT NULL, version_id TEXT NOT NULL,
      version_name TEXT NOT NULL, recorded_by TEXT NOT NULL, recorded_at ${t} NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS decisions_by_board ON decisions (board_id, recorded_at)',
    `CREATE TABLE IF NOT EXISTS decision_targets (
      decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
      position INTEGER NOT NULL, target_kind TEXT NOT NULL, target_id TEXT NOT NULL,
      PRIMARY KEY (decision_id, target_kind, target_id))`,
    // `reminded_soon_on` / `reminded_overdue_on`: the due date a reminder was sent for, so a
    // moved due date is reminded again and an unchanged one never twice.
    `CREATE TABLE IF NOT EXISTS meeting_actions (
      id TEXT PRIMARY KEY, board_id TEXT NOT NULL, meeting_id TEXT, decision_id TEXT,
      title_fr TEXT NOT NULL, title_en TEXT NOT NULL, owner_id TEXT NOT NULL, due_on TEXT NOT NULL,
      target_kind TEXT, target_id TEXT, state TEXT NOT NULL DEFAULT 'open', created_by TEXT,
      created_at ${t} NOT NULL, updated_at ${t} NOT NULL, reminded_soon_on TEXT,
      reminded_overdue_on TEXT)`,
    'CREATE INDEX IF NOT EXISTS meeting_actions_by_board ON meeting_actions (board_id, due_on)',
    'CREATE INDEX IF NOT EXISTS meeting_actions_by_owner ON meeting_actions (owner_id, due_on)',
  ];
}
