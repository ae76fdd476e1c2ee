import type { SqlExecutor } from '../auth/SqlExecutor.ts';

export const DAY_MS = 86_400_000;
export const REMINDER_DAYS_MAX = 90;

/** A board's check-in reminder: every so many days, or off (null). */
export interface ReminderSchedule {
  everyDays: number | null;
  /** When the next reminders go (null when off). */
  nextAt: number | null;
}

export async function getReminderSchedule(
  sql: SqlExecutor,
  boardId: string,
): Promise<ReminderSchedule> {
  const [row] = await sql.all(
    'SELECT every_days, next_at FROM reminder_schedules WHERE board_id = ?',
    [boardId],
  );
  return row
    ? { everyDays: Number(row.every_days), nextAt: Number(row.next_at) }
    : { everyDays: null, nextAt: null };
}

/** Sets (or with null removes) a board's schedule; the first reminders go `everyDays` from now. */
export async function setReminderSchedule(
  sql: SqlExecutor,
  boardId: string,
  everyDays: number | null,
  userId: string | null,
  now = Date.now(),
): Promise<ReminderSchedule> {
  if (everyDays === null) {
    await sql.run('DELETE FROM reminder_schedules WHERE board_id = ?', [boardId]);
    return { everyDays: null, nextAt: null };
  }
  const nextAt = now + everyDays * DAY_MS;
  await sql.run(
    `INSERT INTO reminder_schedules (board_id, every_days, next_at, updated_by, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET every_days = excluded.every_days,
     next_at = excluded.next_at, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [boardId, everyDays, nextAt, userId, now],
  );
  return { everyDays, nextAt };
}

/** Schedules whose reminders are due. */
export async function dueReminderSchedules(
  sql: SqlExecutor,
  now: number,
): Promise<{ boardId: string; everyDays: number; nextAt: number }[]> {
  const rows = await sql.all(
    'SELECT board_id, every_days, next_at FROM reminder_schedules WHERE next_at <= ? ORDER BY next_at',
    [now],
  );
  return rows.map((r) => ({
    boardId: String(r.board_id),
    everyDays: Number(r.every_days),
    nextAt: Number(r.next_at),
  }));
}
