import type { Row, SqlExecutor } from '../auth/SqlExecutor.ts';

export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'team-comment',
  'role',
  'checkin-asked',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NewNotification {
  userId: string;
  /** The event, unique per person: the same event notifies a person once. */
  eventKey: string;
  kind: NotificationKind;
  boardId: string | null;
  targetKind: 'card' | 'item' | null;
  targetId: string | null;
  commentId: string | null;
  actorId: string | null;
  /** `excerpt` for comments, `role` for roles, `cardIds` for check-in requests. */
  payload: { excerpt?: string; role?: string; cardIds?: string[] };
  createdAt: number;
}

export interface NotificationRecord extends NewNotification {
  id: string;
  actorName: string | null;
  readAt: number | null;
}

function toRecord(row: Row): NotificationRecord {
  let payload: NewNotification['payload'] = {};
  try {
    const value: unknown = JSON.parse(String(row.payload ?? '{}'));
    if (value && typeof value === 'object' && !Array.isArray(value)) payload = value;
  } catch {
    payload = {};
  }
  const kind = String(row.kind) as NotificationKind;
  const target = row.target_kind === 'card' || row.target_kind === 'item' ? row.target_kind : null;
  const text = (v: unknown) => (v == null ? null : String(v));
  return {
    id: String(row.id),
    userId: String(row.user_id),
    eventKey: String(row.event_key),
    kind,
    boardId: text(row.board_id),
    targetKind: target,
    targetId: text(row.target_id),
    commentId: text(row.comment_id),
    actorId: text(row.actor_id),
    actorName: text(row.actor_name),
    payload,
    createdAt: Number(row.created_at),
    readAt: row.read_at == null ? null : Number(row.read_at),
  };
}

export const NOTIFICATION_LIST_MAX = 200;

/** Each person's notifications, in the account store's database. */
export class NotificationStore {
  private readonly sql: SqlExecutor;

  constructor(sql: SqlExecutor) {
    this.sql = sql;
  }

  /**
   * Adds one notification through the caller's transaction (or on its own). False when this
   * person already has one for this event.
   */
  async add(n: NewNotification, tx: SqlExecutor = this.sql): Promise<boolean> {
    const inserted = await tx.run(
      `INSERT INTO notifications (id, user_id, event_key, kind, board_id, target_kind, target_id,
         comment_id, actor_id, payload, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, event_key) DO NOTHING`,
      [
        globalThis.crypto.randomUUID(),
        n.userId,
        n.eventKey,
        n.kind,
        n.boardId,
        n.targetKind,
        n.targetId,
        n.commentId,
        n.actorId,
        JSON.stringify(n.payload),
        n.createdAt,
      ],
    );
    return inserted > 0;
  }

  /** A person's newest notifications first. */
  async list(userId: string, limit: number): Promise<NotificationRecord[]> {
    const rows = await this.sql.all(
      `SELECT n.*, u.name AS actor_name FROM notifications n LEFT JOIN users u ON u.id = n.actor_id
       WHERE n.user_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ?`,
      [userId, Math.min(Math.max(limit, 1), NOTIFICATION_LIST_MAX)],
    );
    return rows.map(toRecord);
  }

  async unread(userId: string): Promise<number> {
    const [row] = await this.sql.all(
      'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
      [userId],
    );
    return Number(row?.n ?? 0);
  }

  /** Marks one of the person's notifications read; false when it is not theirs (or unknown). */
  async markRead(userId: string, id: string, at = Date.now()): Promise<boolean> {
    const [row] = await this.sql.all(
      'SELECT read_at FROM notifications WHERE id = ? AND user_id = ?',
      [id, userId],
    );
    if (!row) return false;
    if (row.read_at == null) {
      await this.sql.run('UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL', [
        at,
        id,
      ]);
    }
    return true;
  }

  async markAllRead(userId: string, at = Date.now()): Promise<number> {
    return this.sql.run(
      'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL',
      [at, userId],
    );
  }
}
