import type { Row, SqlExecutor } from '../auth/SqlExecutor.ts';

export type TargetKind = 'card' | 'item';

export function isTargetKind(value: unknown): value is TargetKind {
  return value === 'card' || value === 'item';
}

/** A comment as stored. `body` is empty once deleted; kept (and not served) once hidden. */
export interface CommentRecord {
  id: string;
  boardId: string;
  targetKind: TargetKind;
  targetId: string;
  parentId: string | null;
  authorId: string;
  body: string;
  mentionIds: string[];
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
  hiddenAt: number | null;
  hiddenBy: string | null;
}

/** A comment as served. */
export interface CommentView {
  id: string;
  boardId: string;
  targetKind: TargetKind;
  targetId: string;
  parentId: string | null;
  author: { id: string; name: string };
  body: string | null;
  mentions: { id: string; name: string }[];
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
  hidden: boolean;
}

export interface NewComment {
  id: string;
  boardId: string;
  targetKind: TargetKind;
  targetId: string;
  parentId: string | null;
  authorId: string;
  body: string;
  mentionIds: string[];
  createdAt: number;
}

export type CreateOutcome<T> =
  | { kind: 'created'; comment: CommentRecord; effects: T }
  /** The id was already used by this author for the same target: a retry. */
  | { kind: 'retry'; comment: CommentRecord }
  /** The id belongs to another comment. */
  | { kind: 'id-taken' }
  /** The parent is unknown, a reply itself, or on another target or board. */
  | { kind: 'bad-parent' };

function ids(raw: unknown): string[] {
  try {
    const value: unknown = JSON.parse(String(raw ?? '[]'));
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

const nullableNumber = (v: unknown) => (v == null ? null : Number(v));

function toRecord(row: Row): CommentRecord {
  return {
    id: String(row.id),
    boardId: String(row.board_id),
    targetKind: row.target_kind === 'item' ? 'item' : 'card',
    targetId: String(row.target_id),
    parentId: row.parent_id == null ? null : String(row.parent_id),
    authorId: String(row.author_id),
    body: String(row.body),
    mentionIds: ids(row.mentions),
    createdAt: Number(row.created_at),
    editedAt: nullableNumber(row.edited_at),
    deletedAt: nullableNumber(row.deleted_at),
    hiddenAt: nullableNumber(row.hidden_at),
    hiddenBy: row.hidden_by == null ? null : String(row.hidden_by),
  };
}

/** Most rows one list answers (a thread, or the comments since a date). */
export const COMMENT_LIST_MAX = 1000;

/**
 * Comments on cards and roadmap items, in the account store's database (SQLite or PostgreSQL).
 * Writes that cause notifications take an `effects` callback run in the same transaction.
 */
export class CommentStore {
  private readonly sql: SqlExecutor;

  constructor(sql: SqlExecutor) {
    this.sql = sql;
  }

  async byId(
    boardId: string,
    id: string,
    tx: SqlExecutor = this.sql,
  ): Promise<CommentRecord | null> {
    const [row] = await tx.all('SELECT * FROM comments WHERE id = ? AND board_id = ?', [
      id,
      boardId,
    ]);
    return row ? toRecord(row) : null;
  }

  /** A target's comments, oldest first (replies carry their thread's root). */
  async forTarget(
    boardId: string,
    targetKind: TargetKind,
    targetId: string,
  ): Promise<CommentRecord[]> {
    const rows = await this.sql.all(
      `SELECT * FROM comments WHERE board_id = ? AND target_kind = ? AND target_id = ?
       ORDER BY created_at, id LIMIT ?`,
      [boardId, targetKind, targetId, COMMENT_LIST_MAX],
    );
    return rows.map(toRecord);
  }

  /** A board's comments created at or after `since`, oldest first (the newest when too many). */
  async since(boardId: string, since: number): Promise<CommentRecord[]> {
    const rows = await this.sql.all(
      `SELECT * FROM comments WHERE board_id = ? AND created_at >= ?
       ORDER BY created_at DESC, id DESC LIMIT ?`,
      [boardId, since, COMMENT_LIST_MAX],
    );
    return rows.map(toRecord).reverse();
  }

  /** Visible comments (neither deleted nor hidden) per target, keyed `card:<id>` / `item:<id>`. */
  async counts(boardId: string): Promise<Record<string, number>> {
    const rows = await this.sql.all(
      `SELECT target_kind, target_id, CAST(COUNT(*) AS INTEGER) AS n FROM comments
       WHERE board_id = ? AND deleted_at IS NULL AND hidden_at IS NULL
       GROUP BY target_kind, target_id`,
      [boardId],
    );
    const counts: Record<string, number> = {};
    for (const row of rows)
      counts[`${String(row.target_kind)}:${String(row.target_id)}`] = Number(row.n);
    return counts;
  }

  /**
   * Adds a comment and runs `effects` (notifications, mail) in the same transaction. A second
   * call with the same id by the same author on the same target is a retry: nothing is written.
   */
  async create<T>(
    input: NewComment,
    effects: (tx: SqlExecutor, comment: CommentRecord) => Promise<T>,
  ): Promise<CreateOutcome<T>> {
    return this.sql.transaction(async (tx): Promise<CreateOutcome<T>> => {
      const existing = await tx.all('SELECT * FROM comments WHERE id = ?', [input.id]);
      if (existing[0]) return this.sameOrTaken(toRecord(existing[0]), input);
      if (input.parentId !== null) {
        const parent = await this.byId(input.boardId, input.parentId, tx);
        if (
          !parent ||
          parent.parentId !== null ||
          parent.targetKind !== input.targetKind ||
          parent.targetId !== input.targetId
        ) {
          return { kind: 'bad-parent' };
        }
      }
      const inserted = await tx.run(
        `INSERT INTO comments (id, board_id, target_kind, target_id, parent_id, author_id, body, mentions, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [
          input.id,
          input.boardId,
          input.targetKind,
          input.targetId,
          input.parentId,
          input.authorId,
          input.body,
          JSON.stringify(input.mentionIds),
          input.createdAt,
        ],
      );
      if (inserted === 0) {
        // Another transaction inserted the same id in between (PostgreSQL): read what won.
        const [row] = await tx.all('SELECT * FROM comments WHERE id = ?', [input.id]);
        return row ? this.sameOrTaken(toRecord(row), input) : { kind: 'id-taken' };
      }
      const comment: CommentRecord = {
        ...input,
        editedAt: null,
        deletedAt: null,
        hiddenAt: null,
        hiddenBy: null,
      };
      return { kind: 'created', comment, effects: await effects(tx, comment) };
    });
  }

  private sameOrTaken(found: CommentRecord, input: NewComment): CreateOutcome<never> {
    const same =
      found.boardId === input.boardId &&
      found.authorId === input.authorId &&
      found.targetKind === input.targetKind &&
      found.targetId === input.targetId;
    return same ? { kind: 'retry', comment: found } : { kind: 'id-taken' };
  }

  /**
   * A new body by its author, with `effects` in the same transaction. Null when the comment is
   * not there, not the author's, deleted or hidden (the caller says which from `byId`).
   */
  async edit<T>(
    boardId: string,
    id: string,
    authorId: string,
    change: { body: string; mentionIds: string[]; at: number },
    effects: (tx: SqlExecutor, comment: CommentRecord) => Promise<T>,
  ): Promise<{ comment: CommentRecord; effects: T } | null> {
    return this.sql.transaction(async (tx) => {
      const changed = await tx.run(
        `UPDATE comments SET body = ?, mentions = ?, edited_at = ?
         WHERE id = ? AND board_id = ? AND author_id = ? AND deleted_at IS NULL AND hidden_at IS NULL`,
        [change.body, JSON.stringify(change.mentionIds), change.at, id, boardId, authorId],
      );
      if (changed === 0) return null;
      const comment = await this.byId(boardId, id, tx);
      if (!comment) return null;
      return { comment, effects: await effects(tx, comment) };
    });
  }

  /** Soft delete by the author: the row stays (replies hang from it), its body is emptied. */
  async remove(
    boardId: string,
    id: string,
    authorId: string,
    at: number,
  ): Promise<CommentRecord | null> {
    const changed = await this.sql.run(
      `UPDATE comments SET body = '', mentions = '[]', deleted_at = ?
       WHERE id = ? AND board_id = ? AND author_id = ? AND deleted_at IS NULL`,
      [at, id, boardId, authorId],
    );
    return changed === 0 ? null : this.byId(boardId, id);
  }

  /**
   * Hides a comment (moderation): its body stays stored but is no longer served. Returns the
   * body as it was, for the audit log; null when there was nothing to hide.
   */
  async hide(
    boardId: string,
    id: string,
    by: string,
    at: number,
  ): Promise<{ comment: CommentRecord; hiddenBody: string } | null> {
    return this.sql.transaction(async (tx) => {
      const before = await this.byId(boardId, id, tx);
      if (!before || before.hiddenAt !== null) return null;
      await tx.run('UPDATE comments SET hidden_at = ?, hidden_by = ? WHERE id = ?', [at, by, id]);
      const comment = await this.byId(boardId, id, tx);
      return comment ? { comment, hiddenBody: before.body } : null;
    });
  }

  /** Authors of a thread's comments (root and replies), but one comment. */
  async threadAuthors(tx: SqlExecutor, rootId: string, exceptId: string): Promise<string[]> {
    const rows = await tx.all(
      `SELECT DISTINCT author_id FROM comments
       WHERE (id = ? OR parent_id = ?) AND id <> ? AND deleted_at IS NULL`,
      [rootId, rootId, exceptId],
    );
    return rows.map((r) => String(r.author_id));
  }

  /** Names of people by id (for authors and mentions), in one query. */
  async names(userIds: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(userIds)];
    const names = new Map<string, string>();
    // Bounded chunks: SQLite allows a limited number of parameters per statement.
    for (let i = 0; i < wanted.length; i += 500) {
      const chunk = wanted.slice(i, i + 500);
      const rows = await this.sql.all(
        `SELECT id, name FROM users WHERE id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      for (const row of rows) names.set(String(row.id), String(row.name));
    }
    return names;
  }

  /** Comments as served: names resolved, nothing of a deleted or hidden one's text. */
  async views(records: CommentRecord[]): Promise<CommentView[]> {
    const names = await this.names(records.flatMap((r) => [r.authorId, ...r.mentionIds]));
    return records.map((r) => viewOf(r, names));
  }
}

export function viewOf(r: CommentRecord, names: Map<string, string>): CommentView {
  const gone = r.deletedAt !== null || r.hiddenAt !== null;
  return {
    id: r.id,
    boardId: r.boardId,
    targetKind: r.targetKind,
    targetId: r.targetId,
    parentId: r.parentId,
    author: { id: r.authorId, name: names.get(r.authorId) ?? '' },
    body: gone ? null : r.body,
    mentions: gone
      ? []
      : r.mentionIds.flatMap((id) => {
          const name = names.get(id);
          return name === undefined ? [] : [{ id, name }];
        }),
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    deleted: r.deletedAt !== null,
    hidden: r.hiddenAt !== null,
  };
}
