import type {
  Action,
  ActionState,
  AgendaEntry,
  AgendaReason,
  Decision,
  LocalizedText,
  Meeting,
  MeetingState,
  MeetingTarget,
  Person,
  TargetKind,
  Vote,
  VoteTarget,
} from '@fdr/model';
import type { Row, SqlExecutor, SqlValue } from '../auth/SqlExecutor.ts';
import { dayOf } from './meetingTypes.ts';

/** Most rows one list answers (meetings, votes, decisions, actions). */
export const MEETING_LIST_MAX = 1000;

const str = (v: unknown) => String(v ?? '');
const num = (v: unknown) => Number(v);
const maybeNum = (v: unknown) => (v == null ? null : Number(v));
const key = (t: { kind: string; id: string }) => `${t.kind}:${t.id}`;

function targetOf(row: Row): MeetingTarget | null {
  if (row.target_kind == null || row.target_id == null) return null;
  return { kind: str(row.target_kind) as TargetKind, id: str(row.target_id) };
}

function personOf(id: unknown, name: unknown): Person {
  return { id: str(id), name: name == null ? '' : str(name) };
}

export interface NewMeeting {
  id: string;
  boardId: string;
  title: LocalizedText;
  heldOn: string;
  agenda: AgendaInput[];
  createdBy: string;
  now: number;
}

/** An entry to store: `id` is kept when it is already one of the meeting's entries. */
export interface AgendaInput {
  id?: string;
  title: LocalizedText;
  target: MeetingTarget | null;
  minutes: number | null;
  reason: AgendaReason;
}

export interface NewVote {
  id: string;
  boardId: string;
  meetingId: string;
  question: LocalizedText;
  targets: VoteTarget[];
  votesPerVoter: number;
  secret: boolean;
  liveResults: boolean;
  closesAt: number | null;
  openedBy: string;
  now: number;
}

export type DotOutcome = 'added' | 'no-vote' | 'closed' | 'not-an-option' | 'no-votes-left';
export type UndotOutcome = 'removed' | 'no-vote' | 'closed' | 'no-dot';

export interface NewDecision {
  id: string;
  boardId: string;
  meetingId: string;
  text: LocalizedText;
  targets: MeetingTarget[];
  versionId: string;
  versionName: string;
  recordedBy: string;
  now: number;
}

export interface DecisionFilter {
  meetingId?: string;
  target?: MeetingTarget;
  from?: number;
  to?: number;
  q?: string;
}

export interface NewAction {
  id: string;
  boardId: string;
  meetingId: string | null;
  decisionId: string | null;
  title: LocalizedText;
  ownerId: string;
  dueOn: string;
  target: MeetingTarget | null;
  createdBy: string;
  now: number;
}

export interface ActionPatch {
  state?: ActionState;
  title?: LocalizedText;
  dueOn?: string;
  ownerId?: string;
}

/** An open action whose owner is due a reminder (`overdue`: past its date, else soon due). */
export interface DueReminder {
  action: Action;
  ownerEmail: string;
  overdue: boolean;
}

/** The last transaction queued on each SQLite connection, by this module. */
const queues = new WeakMap<SqlExecutor, Promise<unknown>>();

/**
 * Meetings, votes, decisions and actions in the account store's database (SQLite or
 * PostgreSQL). A voter's dots are rows keyed by (vote, voter, slot) with slot in
 * 1..votesPerVoter: no interleaving of requests can store more than their votes.
 */
export class MeetingStore {
  private readonly sql: SqlExecutor;

  constructor(sql: SqlExecutor) {
    this.sql = sql;
  }

  /**
   * One transaction. On SQLite (one connection, `BEGIN IMMEDIATE`) two calls started in the
   * same turn would nest; they are queued instead. PostgreSQL gives each its own connection.
   */
  private transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    if (this.sql.dialect === 'postgres') return this.sql.transaction(fn);
    const previous = queues.get(this.sql) ?? Promise.resolve();
    const next = previous.then(() => this.sql.transaction(fn));
    queues.set(
      this.sql,
      next.catch(() => undefined),
    );
    return next;
  }

  // Meetings

  private async agendaOf(
    tx: SqlExecutor,
    meetingIds: string[],
  ): Promise<Map<string, AgendaEntry[]>> {
    const byMeeting = new Map<string, AgendaEntry[]>();
    if (meetingIds.length === 0) return byMeeting;
    const rows = await tx.all(
      `SELECT * FROM meeting_agenda WHERE meeting_id IN (${meetingIds.map(() => '?').join(', ')})
       ORDER BY meeting_id, position`,
      meetingIds,
    );
    for (const row of rows) {
      const list = byMeeting.get(str(row.meeting_id)) ?? [];
      list.push({
        id: str(row.id),
        title: { fr: str(row.title_fr), en: str(row.title_en) },
        target: targetOf(row),
        minutes: maybeNum(row.minutes),
        reason: row.reason == null ? null : (str(row.reason) as AgendaReason),
      });
      byMeeting.set(str(row.meeting_id), list);
    }
    return byMeeting;
  }

  private async meetingsFrom(tx: SqlExecutor, rows: Row[]): Promise<Meeting[]> {
    const agendas = await this.agendaOf(
      tx,
      rows.map((r) => str(r.id)),
    );
    return rows.map((row) => ({
      id: str(row.id),
      boardId: str(row.board_id),
      title: { fr: str(row.title_fr), en: str(row.title_en) },
      heldOn: str(row.held_on),
      state: str(row.state) as MeetingState,
      agenda: agendas.get(str(row.id)) ?? [],
      presenter: row.presenter_id == null ? null : personOf(row.presenter_id, row.presenter_name),
      currentEntryId: row.current_entry_id == null ? null : str(row.current_entry_id),
      timerEndsAt: maybeNum(row.timer_ends_at),
      createdAt: num(row.created_at),
      updatedAt: num(row.updated_at),
    }));
  }

  private static readonly MEETING_SELECT = `SELECT m.*, u.name AS presenter_name FROM meetings m
    LEFT JOIN users u ON u.id = m.presenter_id`;

  async meetings(boardId: string): Promise<Meeting[]> {
    const rows = await this.sql.all(
      `${MeetingStore.MEETING_SELECT} WHERE m.board_id = ?
       ORDER BY m.held_on DESC, m.created_at DESC, m.id LIMIT ?`,
      [boardId, MEETING_LIST_MAX],
    );
    return this.meetingsFrom(this.sql, rows);
  }

  async meeting(boardId: string, id: string, tx: SqlExecutor = this.sql): Promise<Meeting | null> {
    const rows = await tx.all(`${MeetingStore.MEETING_SELECT} WHERE m.id = ? AND m.board_id = ?`, [
      id,
      boardId,
    ]);
    return (await this.meetingsFrom(tx, rows))[0] ?? null;
  }

  private async writeAgenda(tx: SqlExecutor, meetingId: string, agenda: AgendaInput[]) {
    const known = new Set(
      (await tx.all('SELECT id FROM meeting_agenda WHERE meeting_id = ?', [meetingId])).map((r) =>
        str(r.id),
      ),
    );
    await tx.run('DELETE FROM meeting_agenda WHERE meeting_id = ?', [meetingId]);
    const used = new Set<string>();
    for (const [position, entry] of agenda.entries()) {
      // A known id keeps it (the presenter's current entry stays); anything else is new.
      const id =
        entry.id !== undefined && known.has(entry.id) && !used.has(entry.id)
          ? entry.id
          : globalThis.crypto.randomUUID();
      used.add(id);
      await tx.run(
        `INSERT INTO meeting_agenda (id, meeting_id, position, title_fr, title_en, target_kind, target_id, minutes, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          meetingId,
          position,
          entry.title.fr,
          entry.title.en,
          entry.target?.kind ?? null,
          entry.target?.id ?? null,
          entry.minutes,
          entry.reason,
        ],
      );
    }
    return used;
  }

  async createMeeting(input: NewMeeting): Promise<Meeting> {
    return this.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO meetings (id, board_id, title_fr, title_en, held_on, state, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'planned', ?, ?, ?)`,
        [
          input.id,
          input.boardId,
          input.title.fr,
          input.title.en,
          input.heldOn,
          input.createdBy,
          input.now,
          input.now,
        ],
      );
      await this.writeAgenda(tx, input.id, input.agenda);
      const meeting = await this.meeting(input.boardId, input.id, tx);
      if (!meeting) throw new Error('meeting not stored');
      return meeting;
    });
  }

  async updateMeeting(
    boardId: string,
    id: string,
    patch: { title?: LocalizedText; heldOn?: string; agenda?: AgendaInput[] },
    now: number,
  ): Promise<Meeting | null> {
    return this.transaction(async (tx) => {
      const found = await this.meeting(boardId, id, tx);
      if (!found) return null;
      const title = patch.title ?? found.title;
      await tx.run(
        'UPDATE meetings SET title_fr = ?, title_en = ?, held_on = ?, updated_at = ? WHERE id = ?',
        [title.fr, title.en, patch.heldOn ?? found.heldOn, now, id],
      );
      if (patch.agenda) {
        const ids = await this.writeAgenda(tx, id, patch.agenda);
        // The entry on screen went away: the presenter shows none.
        if (found.currentEntryId !== null && !ids.has(found.currentEntryId)) {
          await tx.run(
            'UPDATE meetings SET current_entry_id = NULL, timer_ends_at = NULL WHERE id = ?',
            [id],
          );
        }
      }
      return this.meeting(boardId, id, tx);
    });
  }

  /**
   * The presenter's step. Returns the meeting and the state it had before, or null when the
   * meeting is not there or the entry is not in its agenda ('no-entry').
   */
  async present(
    boardId: string,
    id: string,
    step:
      | { end: true }
      | { end: false; presenterId: string; entryId: string | null; timerEndsAt: number | null },
    now: number,
  ): Promise<{ meeting: Meeting; before: MeetingState } | null | 'no-entry'> {
    return this.transaction(async (tx) => {
      const found = await this.meeting(boardId, id, tx);
      if (!found) return null;
      if (step.end) {
        await tx.run(
          `UPDATE meetings SET state = 'ended', current_entry_id = NULL, timer_ends_at = NULL,
           updated_at = ? WHERE id = ?`,
          [now, id],
        );
      } else {
        if (step.entryId !== null && !found.agenda.some((e) => e.id === step.entryId))
          return 'no-entry';
        await tx.run(
          `UPDATE meetings SET state = 'live', presenter_id = ?, current_entry_id = ?,
           timer_ends_at = ?, updated_at = ? WHERE id = ?`,
          [step.presenterId, step.entryId, step.timerEndsAt, now, id],
        );
      }
      const meeting = await this.meeting(boardId, id, tx);
      return meeting ? { meeting, before: found.state } : null;
    });
  }

  // Votes

  /** A board's votes (or one meeting's, or one vote), as `viewerId` may see them at `now`. */
  async votes(
    boardId: string,
    viewerId: string,
    now: number,
    only: { meetingId?: string; voteId?: string } = {},
    tx: SqlExecutor = this.sql,
  ): Promise<Vote[]> {
    const where = ['v.board_id = ?'];
    const params: SqlValue[] = [boardId];
    if (only.meetingId !== undefined) {
      where.push('v.meeting_id = ?');
      params.push(only.meetingId);
    }
    if (only.voteId !== undefined) {
      where.push('v.id = ?');
      params.push(only.voteId);
    }
    const rows = await tx.all(
      `SELECT v.* FROM votes v WHERE ${where.join(' AND ')} ORDER BY v.opened_at DESC, v.id LIMIT ?`,
      [...params, MEETING_LIST_MAX],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => str(r.id));
    const marks = ids.map(() => '?').join(', ');
    const options = await tx.all(
      `SELECT * FROM vote_options WHERE vote_id IN (${marks}) ORDER BY vote_id, position`,
      ids,
    );
    const dots = await tx.all(
      `SELECT d.vote_id, d.voter_id, d.slot, d.target_kind, d.target_id, u.name AS voter_name
       FROM vote_dots d LEFT JOIN users u ON u.id = d.voter_id
       WHERE d.vote_id IN (${marks}) ORDER BY d.vote_id, d.cast_at, d.voter_id, d.slot`,
      ids,
    );
    return rows.map((row) => {
      const id = str(row.id);
      const closesAt = maybeNum(row.closes_at);
      const storedClose = maybeNum(row.closed_at);
      // Past its closing time a vote is closed at once, before the sweep writes it.
      const closedAt = storedClose ?? (closesAt !== null && closesAt <= now ? closesAt : null);
      const state = closedAt === null ? 'open' : 'closed';
      const secret = num(row.secret) === 1;
      const liveResults = num(row.live_results) === 1;
      const visible = state === 'closed' || liveResults;
      const own = dots.filter((d) => str(d.vote_id) === id);
      const counts = new Map<string, number>();
      for (const d of own) {
        const k = `${str(d.target_kind)}:${str(d.target_id)}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      const voteTarget = (r: Row): VoteTarget => ({
        kind: str(r.target_kind) === 'item' ? 'item' : 'card',
        id: str(r.target_id),
      });
      return {
        id,
        meetingId: str(row.meeting_id),
        question: { fr: str(row.question_fr), en: str(row.question_en) },
        secret,
        votesPerVoter: num(row.votes_per_voter),
        liveResults,
        state,
        closesAt,
        openedAt: num(row.opened_at),
        closedAt,
        options: options
          .filter((o) => str(o.vote_id) === id)
          .map((o) => {
            const target = voteTarget(o);
            return { target, count: visible ? (counts.get(key(target)) ?? 0) : null };
          }),
        myDots: own.filter((d) => str(d.voter_id) === viewerId).map(voteTarget),
        voters: new Set(own.map((d) => str(d.voter_id))).size,
        // Who put which dot: never for a secret vote, not even to the secretariat.
        ballots:
          !secret && visible
            ? own.map((d) => ({ voter: personOf(d.voter_id, d.voter_name), target: voteTarget(d) }))
            : null,
      } satisfies Vote;
    });
  }

  async vote(boardId: string, voteId: string, viewerId: string, now: number): Promise<Vote | null> {
    return (await this.votes(boardId, viewerId, now, { voteId }))[0] ?? null;
  }

  async openVote(input: NewVote): Promise<void> {
    await this.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO votes (id, board_id, meeting_id, question_fr, question_en, secret, live_results, votes_per_voter, closes_at, opened_at, opened_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          input.id,
          input.boardId,
          input.meetingId,
          input.question.fr,
          input.question.en,
          input.secret ? 1 : 0,
          input.liveResults ? 1 : 0,
          input.votesPerVoter,
          input.closesAt,
          input.now,
          input.openedBy,
        ],
      );
      for (const [position, target] of input.targets.entries()) {
        await tx.run(
          'INSERT INTO vote_options (vote_id, position, target_kind, target_id) VALUES (?, ?, ?, ?)',
          [input.id, position, target.kind, target.id],
        );
      }
    });
  }

  /** Closes a vote by hand: 'closed', 'already' (closed before, by hand or time) or null. */
  async closeVote(
    boardId: string,
    voteId: string,
    by: string,
    now: number,
  ): Promise<'closed' | 'already' | null> {
    const changed = await this.sql.run(
      `UPDATE votes SET closed_at = ?, closed_by = ? WHERE id = ? AND board_id = ?
       AND closed_at IS NULL AND (closes_at IS NULL OR closes_at > ?)`,
      [now, by, voteId, boardId, now],
    );
    if (changed > 0) return 'closed';
    const [row] = await this.sql.all('SELECT id FROM votes WHERE id = ? AND board_id = ?', [
      voteId,
      boardId,
    ]);
    return row ? 'already' : null;
  }

  /** Votes past their closing time, closed now; each is returned by one instance only. */
  async closeDue(now: number): Promise<{ id: string; boardId: string; meetingId: string }[]> {
    const rows = await this.sql.all(
      `UPDATE votes SET closed_at = closes_at WHERE closed_at IS NULL AND closes_at IS NOT NULL
       AND closes_at <= ? RETURNING id, board_id, meeting_id`,
      [now],
    );
    return rows.map((r) => ({
      id: str(r.id),
      boardId: str(r.board_id),
      meetingId: str(r.meeting_id),
    }));
  }

  /**
   * One more dot for `voterId`: in the lowest free slot. A concurrent request that took the
   * same slot makes the insert a no-op and the next free slot is tried; past the last slot
   * the dot is refused. The vote's row is read under a share lock (PostgreSQL) so a close
   * waits for the dots under way, and a dot never lands after a close.
   */
  async addDot(
    boardId: string,
    voteId: string,
    voterId: string,
    target: VoteTarget,
    now: number,
  ): Promise<DotOutcome> {
    return this.transaction(async (tx): Promise<DotOutcome> => {
      const lock = tx.dialect === 'postgres' ? ' FOR SHARE' : '';
      const [vote] = await tx.all(
        `SELECT votes_per_voter, closes_at, closed_at FROM votes WHERE id = ? AND board_id = ?${lock}`,
        [voteId, boardId],
      );
      if (!vote) return 'no-vote';
      const closesAt = maybeNum(vote.closes_at);
      if (vote.closed_at != null || (closesAt !== null && closesAt <= now)) return 'closed';
      const [option] = await tx.all(
        'SELECT 1 AS one FROM vote_options WHERE vote_id = ? AND target_kind = ? AND target_id = ?',
        [voteId, target.kind, target.id],
      );
      if (!option) return 'not-an-option';
      const max = num(vote.votes_per_voter);
      // Each failed insert means another request took that slot: at most `max` rounds.
      for (let round = 0; round < max; round++) {
        const taken = new Set(
          (
            await tx.all('SELECT slot FROM vote_dots WHERE vote_id = ? AND voter_id = ?', [
              voteId,
              voterId,
            ])
          ).map((r) => num(r.slot)),
        );
        let slot = 1;
        while (taken.has(slot)) slot++;
        if (slot > max) return 'no-votes-left';
        const inserted = await tx.run(
          `INSERT INTO vote_dots (vote_id, voter_id, slot, target_kind, target_id, cast_at)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (vote_id, voter_id, slot) DO NOTHING`,
          [voteId, voterId, slot, target.kind, target.id, now],
        );
        if (inserted > 0) return 'added';
      }
      return 'no-votes-left';
    });
  }

  /** Takes back one of the voter's dots on a target (the latest). */
  async removeDot(
    boardId: string,
    voteId: string,
    voterId: string,
    target: VoteTarget,
    now: number,
  ): Promise<UndotOutcome> {
    return this.transaction(async (tx): Promise<UndotOutcome> => {
      const lock = tx.dialect === 'postgres' ? ' FOR SHARE' : '';
      const [vote] = await tx.all(
        `SELECT closes_at, closed_at FROM votes WHERE id = ? AND board_id = ?${lock}`,
        [voteId, boardId],
      );
      if (!vote) return 'no-vote';
      const closesAt = maybeNum(vote.closes_at);
      if (vote.closed_at != null || (closesAt !== null && closesAt <= now)) return 'closed';
      const [dot] = await tx.all(
        `SELECT slot FROM vote_dots WHERE vote_id = ? AND voter_id = ? AND target_kind = ?
         AND target_id = ? ORDER BY slot DESC LIMIT 1`,
        [voteId, voterId, target.kind, target.id],
      );
      if (!dot) return 'no-dot';
      const removed = await tx.run(
        'DELETE FROM vote_dots WHERE vote_id = ? AND voter_id = ? AND slot = ?',
        [voteId, voterId, num(dot.slot)],
      );
      return removed > 0 ? 'removed' : 'no-dot';
    });
  }

  // Decisions

  async recordDecision(input: NewDecision): Promise<void> {
    await this.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO decisions (id, board_id, meeting_id, text_fr, text_en, version_id, version_name, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          input.id,
          input.boardId,
          input.meetingId,
          input.text.fr,
          input.text.en,
          input.versionId,
          input.versionName,
          input.recordedBy,
          input.now,
        ],
      );
      for (const [position, target] of input.targets.entries()) {
        await tx.run(
          'INSERT INTO decision_targets (decision_id, position, target_kind, target_id) VALUES (?, ?, ?, ?)',
          [input.id, position, target.kind, target.id],
        );
      }
    });
  }

  /** A board's decisions, newest first, filtered. */
  async decisions(boardId: string, filter: DecisionFilter = {}): Promise<Decision[]> {
    const where = ['d.board_id = ?'];
    const params: SqlValue[] = [boardId];
    if (filter.meetingId !== undefined) {
      where.push('d.meeting_id = ?');
      params.push(filter.meetingId);
    }
    if (filter.target !== undefined) {
      where.push(
        'EXISTS (SELECT 1 FROM decision_targets t WHERE t.decision_id = d.id AND t.target_kind = ? AND t.target_id = ?)',
      );
      params.push(filter.target.kind, filter.target.id);
    }
    if (filter.from !== undefined) {
      where.push('d.recorded_at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('d.recorded_at <= ?');
      params.push(filter.to);
    }
    if (filter.q !== undefined && filter.q !== '') {
      // Words in either language, case-insensitive; LIKE's own characters are literal.
      const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push("(LOWER(d.text_fr) LIKE ? ESCAPE '\\' OR LOWER(d.text_en) LIKE ? ESCAPE '\\')");
      params.push(like, like);
    }
    const rows = await this.sql.all(
      `SELECT d.*, m.title_fr AS meeting_fr, m.title_en AS meeting_en, m.held_on,
       u.name AS recorder_name FROM decisions d JOIN meetings m ON m.id = d.meeting_id
       LEFT JOIN users u ON u.id = d.recorded_by WHERE ${where.join(' AND ')}
       ORDER BY d.recorded_at DESC, d.id DESC LIMIT ?`,
      [...params, MEETING_LIST_MAX],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => str(r.id));
    const targets = await this.sql.all(
      `SELECT * FROM decision_targets WHERE decision_id IN (${ids.map(() => '?').join(', ')})
       ORDER BY decision_id, position`,
      ids,
    );
    return rows.map((row) => ({
      id: str(row.id),
      meetingId: str(row.meeting_id),
      meetingTitle: { fr: str(row.meeting_fr), en: str(row.meeting_en) },
      heldOn: str(row.held_on),
      text: { fr: str(row.text_fr), en: str(row.text_en) },
      targets: targets
        .filter((t) => str(t.decision_id) === str(row.id))
        .map((t) => targetOf(t) as MeetingTarget),
      versionId: str(row.version_id),
      versionName: str(row.version_name),
      recordedBy: personOf(row.recorded_by, row.recorder_name),
      recordedAt: num(row.recorded_at),
    }));
  }

  async decisionExists(boardId: string, id: string): Promise<boolean> {
    const [row] = await this.sql.all('SELECT id FROM decisions WHERE id = ? AND board_id = ?', [
      id,
      boardId,
    ]);
    return row !== undefined;
  }

  // Actions

  private actionsFrom(rows: Row[], now: number): Action[] {
    const today = dayOf(now);
    return rows.map((row) => {
      const state = str(row.state) as ActionState;
      const action: Action = {
        id: str(row.id),
        boardId: str(row.board_id),
        meetingId: row.meeting_id == null ? null : str(row.meeting_id),
        decisionId: row.decision_id == null ? null : str(row.decision_id),
        title: { fr: str(row.title_fr), en: str(row.title_en) },
        owner: personOf(row.owner_id, row.owner_name),
        dueOn: str(row.due_on),
        target: targetOf(row),
        state,
        overdue: state === 'open' && str(row.due_on) < today,
        createdAt: num(row.created_at),
        updatedAt: num(row.updated_at),
      };
      return action;
    });
  }

  private static readonly ACTION_SELECT = `SELECT a.*, u.name AS owner_name, u.email AS owner_email
    FROM meeting_actions a LEFT JOIN users u ON u.id = a.owner_id`;
  /** Open first, then by due date. */
  private static readonly ACTION_ORDER = `ORDER BY CASE WHEN a.state = 'open' THEN 0 ELSE 1 END,
    a.due_on, a.created_at, a.id`;

  async actions(boardId: string, now: number, meetingId?: string): Promise<Action[]> {
    const rows = await this.sql.all(
      `${MeetingStore.ACTION_SELECT} WHERE a.board_id = ?${meetingId === undefined ? '' : ' AND a.meeting_id = ?'}
       ${MeetingStore.ACTION_ORDER} LIMIT ?`,
      meetingId === undefined
        ? [boardId, MEETING_LIST_MAX]
        : [boardId, meetingId, MEETING_LIST_MAX],
    );
    return this.actionsFrom(rows, now);
  }

  async action(
    boardId: string,
    id: string,
    now: number,
    tx: SqlExecutor = this.sql,
  ): Promise<Action | null> {
    const rows = await tx.all(`${MeetingStore.ACTION_SELECT} WHERE a.id = ? AND a.board_id = ?`, [
      id,
      boardId,
    ]);
    return this.actionsFrom(rows, now)[0] ?? null;
  }

  /** One person's actions on the given boards. */
  async actionsOf(ownerId: string, boardIds: string[], now: number): Promise<Action[]> {
    if (boardIds.length === 0) return [];
    const rows = await this.sql.all(
      `${MeetingStore.ACTION_SELECT} WHERE a.owner_id = ?
       AND a.board_id IN (${boardIds.map(() => '?').join(', ')}) ${MeetingStore.ACTION_ORDER} LIMIT ?`,
      [ownerId, ...boardIds, MEETING_LIST_MAX],
    );
    return this.actionsFrom(rows, now);
  }

  /** Adds an action and runs `effects` (its mail) in the same transaction. */
  async createAction<T>(
    input: NewAction,
    effects: (tx: SqlExecutor, action: Action, ownerEmail: string) => Promise<T>,
  ): Promise<{ action: Action; effects: T }> {
    return this.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO meeting_actions (id, board_id, meeting_id, decision_id, title_fr, title_en, owner_id, due_on, target_kind, target_id, state, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
        [
          input.id,
          input.boardId,
          input.meetingId,
          input.decisionId,
          input.title.fr,
          input.title.en,
          input.ownerId,
          input.dueOn,
          input.target?.kind ?? null,
          input.target?.id ?? null,
          input.createdBy,
          input.now,
          input.now,
        ],
      );
      const rows = await tx.all(`${MeetingStore.ACTION_SELECT} WHERE a.id = ?`, [input.id]);
      const [action] = this.actionsFrom(rows, input.now);
      if (!action) throw new Error('action not stored');
      return { action, effects: await effects(tx, action, str(rows[0]?.owner_email)) };
    });
  }

  async updateAction<T>(
    boardId: string,
    id: string,
    patch: ActionPatch,
    now: number,
    effects: (tx: SqlExecutor, before: Action, after: Action, ownerEmail: string) => Promise<T>,
  ): Promise<{ before: Action; action: Action; effects: T } | null> {
    return this.transaction(async (tx) => {
      const before = await this.action(boardId, id, now, tx);
      if (!before) return null;
      const title = patch.title ?? before.title;
      await tx.run(
        `UPDATE meeting_actions SET state = ?, title_fr = ?, title_en = ?, due_on = ?, owner_id = ?,
         updated_at = ? WHERE id = ?`,
        [
          patch.state ?? before.state,
          title.fr,
          title.en,
          patch.dueOn ?? before.dueOn,
          patch.ownerId ?? before.owner.id,
          now,
          id,
        ],
      );
      const rows = await tx.all(`${MeetingStore.ACTION_SELECT} WHERE a.id = ?`, [id]);
      const [action] = this.actionsFrom(rows, now);
      if (!action) return null;
      return {
        before,
        action,
        effects: await effects(tx, before, action, str(rows[0]?.owner_email)),
      };
    });
  }

  /**
   * Open actions whose owner is due a reminder: due within `days` (not yet reminded for that
   * date) or overdue (not yet reminded as overdue for that date).
   */
  async dueReminders(now: number, days: number): Promise<DueReminder[]> {
    const today = dayOf(now);
    const horizon = dayOf(now + days * 86_400_000);
    const rows = await this.sql.all(
      `${MeetingStore.ACTION_SELECT} WHERE a.state = 'open' AND (
         (a.due_on < ? AND (a.reminded_overdue_on IS NULL OR a.reminded_overdue_on <> a.due_on))
         OR (a.due_on >= ? AND a.due_on <= ?
             AND (a.reminded_soon_on IS NULL OR a.reminded_soon_on <> a.due_on)))
       ORDER BY a.due_on, a.id LIMIT ?`,
      [today, today, horizon, MEETING_LIST_MAX],
    );
    const actions = this.actionsFrom(rows, now);
    return actions.map((action, i) => ({
      action,
      ownerEmail: str(rows[i]?.owner_email),
      overdue: action.overdue,
    }));
  }

  /** Marks a reminder as sent for the action's due date, with `effects` (the mail) in its transaction. */
  async markReminded<T>(
    id: string,
    dueOn: string,
    overdue: boolean,
    effects: (tx: SqlExecutor) => Promise<T>,
  ): Promise<T | null> {
    return this.transaction(async (tx) => {
      const column = overdue ? 'reminded_overdue_on' : 'reminded_soon_on';
      const changed = await tx.run(
        `UPDATE meeting_actions SET ${column} = ? WHERE id = ? AND due_on = ? AND state = 'open'
         AND (${column} IS NULL OR ${column} <> ?)`,
        [dueOn, id, dueOn, dueOn],
      );
      // Another instance reminded it first: nothing more.
      if (changed === 0) return null;
      return effects(tx);
    });
  }
}

export { key as targetKey };
