import { call } from '../account/accountApi.ts';

export type TargetKind = 'card' | 'item';

/** What a thread is about: a task-team card or a roadmap item of the board. */
export interface CommentTarget {
  kind: TargetKind;
  id: string;
}

/** A comment as the server shows it (body null once deleted or hidden). */
export interface CommentView {
  id: string;
  boardId: string;
  targetKind: TargetKind;
  targetId: string;
  /** Null: the first comment of a thread. */
  parentId: string | null;
  author: { id: string; name: string };
  body: string | null;
  mentions: { id: string; name: string }[];
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
  hidden: boolean;
}

/** A comment listed for a report, with its card's or item's name when the server gives it. */
export type ReportedComment = CommentView & { targetLabel?: unknown };

/** A member of the board, for mentions (no email). */
export interface BoardPerson {
  id: string;
  name: string;
  role: string;
}

/** Key of a target in the counts: `card:<id>`, `item:<id>`. */
export const targetKey = (target: CommentTarget) => `${target.kind}:${target.id}`;

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

/** A target's comments, oldest first; replies carry their thread's root as `parentId`. */
export async function listComments(boardId: string, target: CommentTarget): Promise<CommentView[]> {
  const query = new URLSearchParams({ targetKind: target.kind, targetId: target.id });
  return (await call<{ comments: CommentView[] }>(`${base(boardId)}/comments?${query}`)).comments;
}

/** Every comment of the board created since `since` (ms). */
export async function commentsSince(boardId: string, since: number): Promise<ReportedComment[]> {
  const query = new URLSearchParams({ since: String(Math.floor(since)) });
  return (await call<{ comments: ReportedComment[] }>(`${base(boardId)}/comments?${query}`))
    .comments;
}

/** Visible comments per target, keyed `card:<id>` / `item:<id>`. */
export async function commentCounts(boardId: string): Promise<Record<string, number>> {
  return (await call<{ counts: Record<string, number> }>(`${base(boardId)}/comment-counts`)).counts;
}

/**
 * Posts a comment. The id is chosen here, once per attempt, so a retry after a lost answer is
 * recorded once (the server answers 200 with the same comment).
 */
export async function postComment(
  boardId: string,
  input: { id: string; target: CommentTarget; parentId: string | null; body: string },
): Promise<CommentView> {
  return (
    await call<{ comment: CommentView }>(`${base(boardId)}/comments`, {
      id: input.id,
      targetKind: input.target.kind,
      targetId: input.target.id,
      ...(input.parentId ? { parentId: input.parentId } : {}),
      body: input.body,
    })
  ).comment;
}

const one = (boardId: string, commentId: string) =>
  `${base(boardId)}/comments/${encodeURIComponent(commentId)}`;

export async function editComment(
  boardId: string,
  commentId: string,
  body: string,
): Promise<CommentView> {
  return (await call<{ comment: CommentView }>(one(boardId, commentId), { body }, 'PATCH')).comment;
}

export async function deleteComment(boardId: string, commentId: string): Promise<CommentView> {
  return (await call<{ comment: CommentView }>(one(boardId, commentId), undefined, 'DELETE'))
    .comment;
}

/** The secretariat hides someone's comment (the server keeps it in the audit log). */
export async function hideComment(boardId: string, commentId: string): Promise<CommentView> {
  return (await call<{ comment: CommentView }>(`${one(boardId, commentId)}/hide`, {})).comment;
}

export async function boardPeople(boardId: string): Promise<BoardPerson[]> {
  return (await call<{ people: BoardPerson[] }>(`${base(boardId)}/people`)).people;
}
