import type { BoardMembership } from '@fdr/model';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import type { User } from '../auth/AccountStore.ts';
import type { Auth } from '../auth/Auth.ts';
import { AuthError } from '../auth/AuthError.ts';
import { boardTargets, type CommentTarget } from '../comments/boardTargets.ts';
import {
  type CommentRecord,
  type CommentStore,
  isTargetKind,
  type TargetKind,
} from '../comments/CommentStore.ts';
import { checkCommentBody } from '../comments/commentText.ts';
import { type BoardMember, notifyComment } from '../comments/notifyComment.ts';
import type { LiveEvents } from '../notifications/LiveEvents.ts';
import type { NotificationStore } from '../notifications/NotificationStore.ts';
import type { Storage } from '../storage/Storage.ts';
import type { BoardRegistry } from '../sync/BoardRegistry.ts';
import { type AuthEnv, currentUser } from './authRoutes.ts';
import { boardAccess } from './boardAccess.ts';

export interface CommentRouteDeps {
  auth: Auth;
  storage: Storage;
  registry: BoardRegistry;
  logger: Logger;
  comments: CommentStore;
  notifications: NotificationStore;
  live: LiveEvents;
  publicUrl: () => string;
  /** COMMENT_MAX_CHARS, COMMENT_MAX_MENTIONS. */
  maxChars: number;
  maxMentions: number;
  /** Mentions and replies are mailed only when mail is configured. */
  mailEnabled?: boolean;
  /** The language of a person who chose none. */
  mailDefaultLang?: 'fr' | 'en';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Card and item ids are the model's; anything longer is not one. */
const ID_MAX = 100;

const refuse = (code: string, en: string, fr: string) => new AuthError(400, code, { en, fr });

async function jsonObject(c: Context): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    value = undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw refuse(
      'invalid-json',
      'The request body must be a JSON object.',
      'Le corps de la requête doit être un objet JSON.',
    );
  }
  return value as Record<string, unknown>;
}

/** Who may write in threads: every role but observers (a thread is a conversation). */
function mayComment(membership: BoardMembership): boolean {
  return membership.role !== 'observer';
}

const mayNotComment = () =>
  new AuthError(403, 'may-not-comment', {
    en: 'Observers read the conversations but do not take part.',
    fr: 'Les observateurs lisent les conversations sans y prendre part.',
  });

const noComment = () =>
  new AuthError(404, 'no-comment', {
    en: 'No such comment.',
    fr: 'Commentaire introuvable.',
  });

const notYours = () =>
  new AuthError(403, 'not-your-comment', {
    en: 'Only its author may change or delete a comment.',
    fr: 'Seul son auteur peut modifier ou supprimer un commentaire.',
  });

/**
 * Conversations on cards and roadmap items: threads, counts, the people one may mention, and
 * moderation. Every write notifies in the same transaction and then tells the open streams.
 */
export function commentRoutes(deps: CommentRouteDeps) {
  const { auth, storage, registry, logger, comments, notifications, live } = deps;
  const app = new Hono<AuthEnv>();
  // A body is refused before it is parsed: the longest comment, escaped, and the other fields.
  const limit = bodyLimit({
    maxSize: deps.maxChars * 6 + 4096,
    onError: (c) =>
      c.json(
        {
          error: 'The comment is too long.',
          errorFr: 'Le commentaire est trop long.',
          code: 'too-long',
        },
        413,
      ),
  });

  const access = (c: Context<AuthEnv>) => {
    const user = currentUser(c);
    const boardId = c.req.param('boardId') ?? '';
    return boardAccess(auth, storage, user, boardId).then((membership) => ({
      user,
      boardId,
      membership,
    }));
  };

  const writer = async (c: Context<AuthEnv>) => {
    const found = await access(c).catch((error: unknown) => {
      // A person with no role on the board may not write there (as elsewhere: 403).
      if (error instanceof AuthError && error.code === 'no-board' && !c.get('user')?.isAdmin) {
        throw new AuthError(403, 'forbidden', {
          en: 'You have no role on this board.',
          fr: "Vous n'avez aucun rôle sur ce tableau.",
        });
      }
      throw error;
    });
    if (!mayComment(found.membership)) throw mayNotComment();
    return found;
  };

  const checkBody = (raw: unknown, boardId: string, user: User) => {
    if (typeof raw !== 'string') {
      throw refuse('invalid-body', 'body must be a string.', 'body doit être une chaîne.');
    }
    const checked = checkCommentBody(raw, deps.maxChars, deps.maxMentions);
    if (!checked.ok) {
      logger.info({ board: boardId, user: user.id, code: checked.code }, 'comment refused');
      throw refuse(checked.code, checked.en, checked.fr);
    }
    return checked;
  };

  const membersOf = async (boardId: string): Promise<Map<string, BoardMember>> => {
    const members = await auth.store.members(boardId);
    return new Map(
      members.map((m) => [
        m.userId,
        { id: m.userId, name: m.name, email: m.email, role: m.role, cardIds: m.cardIds },
      ]),
    );
  };

  const linkTo = (boardId: string, kind: TargetKind, targetId: string) =>
    `${deps.publicUrl()}/b/${encodeURIComponent(boardId)}?${kind}=${encodeURIComponent(targetId)}`;

  /** After a commit: the board's readers refetch, the notified people see their count. */
  const announce = async (comment: CommentRecord, notified: string[]) => {
    live.toBoard(comment.boardId, {
      event: 'comments',
      data: {
        boardId: comment.boardId,
        targetKind: comment.targetKind,
        targetId: comment.targetId,
      },
    });
    for (const userId of notified) {
      live.toUser(userId, {
        event: 'notifications',
        data: { unread: await notifications.unread(userId) },
      });
    }
  };

  const contextFor = async (
    boardId: string,
    kind: TargetKind,
    target: CommentTarget,
    boardTitle: CommentTarget['label'],
    targetId: string,
  ) => ({
    members: await membersOf(boardId),
    teamCardIds: target.teamCardIds,
    boardTitle,
    targetLabel: target.label,
    link: linkTo(boardId, kind, targetId),
    mail: { enabled: deps.mailEnabled ?? false, defaultLang: deps.mailDefaultLang ?? 'en' },
    now: Date.now(),
  });

  app.get('/boards/:boardId/comments', async (c) => {
    const { boardId } = await access(c);
    const since = c.req.query('since');
    if (since !== undefined) {
      const at = Number(since);
      if (!Number.isSafeInteger(at) || at < 0) {
        throw refuse(
          'invalid-since',
          'since must be a time in milliseconds.',
          'since doit être une date en millisecondes.',
        );
      }
      const records = await comments.since(boardId, at);
      const targets = records.length > 0 ? await boardTargets(registry, boardId) : null;
      const views = await comments.views(records);
      return c.json({
        comments: views.map((view) => {
          const label = targets?.target(view.targetKind, view.targetId)?.label;
          return label ? { ...view, targetLabel: label } : view;
        }),
      });
    }
    const targetKind = c.req.query('targetKind');
    const targetId = c.req.query('targetId') ?? '';
    if (!isTargetKind(targetKind) || targetId === '' || targetId.length > ID_MAX) {
      throw refuse(
        'invalid-target',
        'Give targetKind (card or item) and targetId, or since.',
        'Indiquez targetKind (card ou item) et targetId, ou since.',
      );
    }
    return c.json({
      comments: await comments.views(await comments.forTarget(boardId, targetKind, targetId)),
    });
  });

  app.get('/boards/:boardId/comment-counts', async (c) => {
    const { boardId } = await access(c);
    return c.json({ counts: await comments.counts(boardId) });
  });

  app.get('/boards/:boardId/people', async (c) => {
    const { boardId } = await access(c);
    const members = await auth.store.members(boardId);
    return c.json({
      people: members
        .map((m) => ({ id: m.userId, name: m.name, role: m.role }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    });
  });

  app.post('/boards/:boardId/comments', limit, async (c) => {
    const { user, boardId } = await writer(c);
    const input = await jsonObject(c);
    const id = input.id === undefined ? globalThis.crypto.randomUUID() : input.id;
    if (typeof id !== 'string' || !UUID.test(id)) {
      throw refuse('invalid-id', 'id must be a UUID.', 'id doit être un UUID.');
    }
    const { targetKind, targetId } = input;
    if (!isTargetKind(targetKind) || typeof targetId !== 'string' || targetId.length > ID_MAX) {
      throw refuse(
        'invalid-target',
        'targetKind must be card or item, with a targetId.',
        'targetKind doit être card ou item, avec un targetId.',
      );
    }
    const parentId = input.parentId ?? null;
    if (parentId !== null && (typeof parentId !== 'string' || parentId.length > ID_MAX)) {
      throw refuse(
        'invalid-parent',
        'parentId must be a comment id.',
        'parentId doit être un identifiant de commentaire.',
      );
    }
    const body = checkBody(input.body, boardId, user);
    const targets = await boardTargets(registry, boardId);
    const target = targets.target(targetKind, targetId);
    if (!target) {
      logger.info({ board: boardId, targetKind }, 'comment refused: unknown target');
      throw refuse(
        'unknown-target',
        `No such ${targetKind} on this board.`,
        targetKind === 'card'
          ? 'Carte introuvable sur ce tableau.'
          : 'Élément introuvable sur ce tableau.',
      );
    }
    const context = await contextFor(boardId, targetKind, target, targets.boardTitle, targetId);
    const outcome = await comments.create(
      {
        id,
        boardId,
        targetKind,
        targetId,
        parentId,
        authorId: user.id,
        body: body.body,
        // Only the board's members are mentions; other ids stay plain text.
        mentionIds: body.mentionIds.filter((m) => context.members.has(m)),
        createdAt: context.now,
      },
      (tx, comment) => notifyComment(tx, { comments, notifications }, comment, context),
    );
    if (outcome.kind === 'bad-parent') {
      throw refuse(
        'invalid-parent',
        'A reply goes to the first comment of a thread on the same card or item.',
        'Une réponse s’adresse au premier commentaire d’un fil, sur la même carte ou le même élément.',
      );
    }
    if (outcome.kind === 'id-taken') {
      throw new AuthError(409, 'id-taken', {
        en: 'This id is already used by another comment.',
        fr: 'Cet identifiant est déjà celui d’un autre commentaire.',
      });
    }
    const [view] = await comments.views([outcome.comment]);
    if (outcome.kind === 'retry') return c.json({ comment: view }, 200);
    await announce(outcome.comment, outcome.effects);
    return c.json({ comment: view }, 201);
  });

  /** The caller's own comment, still there; else the reason. */
  const ownComment = async (boardId: string, commentId: string, user: User) => {
    const found = await comments.byId(boardId, commentId);
    if (!found) throw noComment();
    if (found.authorId !== user.id) throw notYours();
    return found;
  };

  app.patch('/boards/:boardId/comments/:commentId', limit, async (c) => {
    const { user, boardId } = await writer(c);
    const commentId = c.req.param('commentId');
    const input = await jsonObject(c);
    const body = checkBody(input.body, boardId, user);
    const found = await ownComment(boardId, commentId, user);
    if (found.deletedAt !== null || found.hiddenAt !== null) {
      throw new AuthError(409, 'comment-gone', {
        en: 'This comment was deleted or hidden; it can no longer be changed.',
        fr: 'Ce commentaire a été supprimé ou masqué ; il ne peut plus être modifié.',
      });
    }
    const targets = await boardTargets(registry, boardId);
    const target = targets.target(found.targetKind, found.targetId) ?? {
      label: { fr: '', en: '' },
      teamCardIds: [],
    };
    const context = await contextFor(
      boardId,
      found.targetKind,
      target,
      targets.boardTitle,
      found.targetId,
    );
    const edited = await comments.edit(
      boardId,
      commentId,
      user.id,
      {
        body: body.body,
        mentionIds: body.mentionIds.filter((m) => context.members.has(m)),
        at: context.now,
      },
      // People newly mentioned hear of it; the others were told when it was written.
      (tx, comment) =>
        notifyComment(tx, { comments, notifications }, comment, context, { mentionsOnly: true }),
    );
    if (!edited) throw noComment();
    await announce(edited.comment, edited.effects);
    const [view] = await comments.views([edited.comment]);
    return c.json({ comment: view });
  });

  app.delete('/boards/:boardId/comments/:commentId', async (c) => {
    const { user, boardId } = await writer(c);
    const commentId = c.req.param('commentId');
    const found = await ownComment(boardId, commentId, user);
    const removed = (await comments.remove(boardId, commentId, user.id, Date.now())) ?? found;
    if (removed !== found) await announce(removed, []);
    const [view] = await comments.views([removed]);
    return c.json({ comment: view });
  });

  app.post('/boards/:boardId/comments/:commentId/hide', async (c) => {
    const { user, boardId, membership } = await access(c);
    if (membership.role !== 'secretariat' && !user.isAdmin) {
      throw new AuthError(403, 'forbidden', {
        en: 'Only the secretariat may hide a comment.',
        fr: 'Seul le secrétariat peut masquer un commentaire.',
      });
    }
    const commentId = c.req.param('commentId');
    const found = await comments.byId(boardId, commentId);
    if (!found) throw noComment();
    const hidden = await comments.hide(boardId, commentId, user.id, Date.now());
    if (hidden) {
      await auth.store.audit({
        actorId: user.id,
        actorEmail: user.email,
        action: 'comment-hidden',
        boardId,
        target: commentId,
        details: {
          authorId: hidden.comment.authorId,
          targetKind: hidden.comment.targetKind,
          targetId: hidden.comment.targetId,
          body: hidden.hiddenBody,
        },
      });
      logger.info({ board: boardId, comment: commentId, by: user.id }, 'comment hidden');
      await announce(hidden.comment, []);
    }
    const [view] = await comments.views([hidden?.comment ?? found]);
    return c.json({ comment: view });
  });

  return app;
}
