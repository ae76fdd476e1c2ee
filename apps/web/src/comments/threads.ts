import type { CommentView } from './commentsApi.ts';

export interface Thread {
  root: CommentView;
  replies: CommentView[];
}

/**
 * A target's comments (oldest first) as threads: each root with its replies, oldest first. A
 * reply whose root is missing (it should not be) is shown as a thread of its own, never dropped.
 */
export function threadsOf(comments: readonly CommentView[]): Thread[] {
  const sorted = [...comments].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt - b.createdAt,
  );
  const byRoot = new Map<string, Thread>();
  const threads: Thread[] = [];
  for (const comment of sorted) {
    if (comment.parentId === null) {
      const thread = { root: comment, replies: [] };
      byRoot.set(comment.id, thread);
      threads.push(thread);
    }
  }
  for (const comment of sorted) {
    if (comment.parentId === null) continue;
    const thread = byRoot.get(comment.parentId);
    if (thread) thread.replies.push(comment);
    else threads.push({ root: comment, replies: [] });
  }
  threads.sort((a, b) => a.root.createdAt - b.root.createdAt);
  return threads;
}

/** Comments still showing their text (the count the server gives for a target). */
export function visibleCount(comments: readonly CommentView[]): number {
  return comments.filter((c) => !c.deleted && !c.hidden).length;
}
