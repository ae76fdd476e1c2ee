import type { BoardRole } from '@fdr/model';
import type { SqlExecutor } from '../auth/SqlExecutor.ts';
import { enqueueMail } from '../mail/enqueueMail.ts';
import type { Bilingual } from '../mail/MailKind.ts';
import { mailChoice } from '../notifications/mailChoice.ts';
import type { NotificationKind, NotificationStore } from '../notifications/NotificationStore.ts';
import type { CommentRecord, CommentStore } from './CommentStore.ts';
import { commentExcerpt } from './commentText.ts';

export interface BoardMember {
  id: string;
  name: string;
  email: string;
  role: BoardRole;
  cardIds: readonly string[];
}

export interface CommentContext {
  /** The board's members by id: only they are notified. */
  members: ReadonlyMap<string, BoardMember>;
  /** Cards whose task teams hear of the comment: the card itself, or an item's linked cards. */
  teamCardIds: readonly string[];
  boardTitle: Bilingual;
  targetLabel: Bilingual;
  /** Where the comment opens (`/b/<board>?card=<id>`). */
  link: string;
  mail: { enabled: boolean; defaultLang: 'fr' | 'en' };
  now: number;
}

/**
 * The notifications of a new comment, written through the comment's transaction: each person at
 * most once, by the strongest reason (mention, then reply, then team comment), never the author.
 * Mentions and replies are also mailed when mail is on and the person takes that kind.
 * `mentionsOnly`: after an edit, only the people newly mentioned. Returns who was notified.
 */
export async function notifyComment(
  tx: SqlExecutor,
  stores: { comments: CommentStore; notifications: NotificationStore },
  comment: CommentRecord,
  context: CommentContext,
  options: { mentionsOnly?: boolean } = {},
): Promise<string[]> {
  const { members } = context;
  const reasons = new Map<string, NotificationKind>();
  const give = (userId: string, kind: NotificationKind) => {
    if (userId === comment.authorId || reasons.has(userId) || !members.has(userId)) return;
    reasons.set(userId, kind);
  };
  for (const id of comment.mentionIds) give(id, 'mention');
  if (!options.mentionsOnly) {
    const root = comment.parentId ?? comment.id;
    if (comment.parentId !== null) {
      for (const id of await stores.comments.threadAuthors(tx, root, comment.id)) give(id, 'reply');
    }
    for (const member of members.values()) {
      if (
        member.role === 'task-team' &&
        member.cardIds.some((cardId) => context.teamCardIds.includes(cardId))
      ) {
        give(member.id, 'team-comment');
      }
    }
  }
  const excerpt = commentExcerpt(comment.body);
  const author = members.get(comment.authorId)?.name ?? '';
  const notified: string[] = [];
  for (const [userId, kind] of reasons) {
    const added = await stores.notifications.add(
      {
        userId,
        // One per person and comment, whatever the reason (an edit adds no second one).
        eventKey: `comment:${comment.id}`,
        kind,
        boardId: comment.boardId,
        targetKind: comment.targetKind,
        targetId: comment.targetId,
        commentId: comment.id,
        actorId: comment.authorId,
        payload: { excerpt },
        createdAt: context.now,
      },
      tx,
    );
    if (!added) continue;
    notified.push(userId);
    if (!context.mail.enabled || (kind !== 'mention' && kind !== 'reply')) continue;
    const choice = await mailChoice(tx, userId, kind, context.mail.defaultLang);
    if (!choice.wanted) continue;
    await enqueueMail(
      tx,
      {
        key: `${kind}:${comment.id}:${userId}`,
        kind,
        boardId: comment.boardId,
        userId,
        email: members.get(userId)!.email,
        lang: choice.lang,
        payload: {
          boardId: comment.boardId,
          boardTitle: context.boardTitle,
          authorName: author,
          targetLabel: context.targetLabel,
          excerpt,
          link: context.link,
        },
      },
      context.now,
    );
  }
  return notified;
}
