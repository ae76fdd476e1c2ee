import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Auth } from '../auth/Auth.ts';
import { AuthError } from '../auth/AuthError.ts';
import type { LiveEvents } from '../notifications/LiveEvents.ts';
import type { NotificationStore } from '../notifications/NotificationStore.ts';
import type { Storage } from '../storage/Storage.ts';
import { type AuthEnv, currentUser } from './authRoutes.ts';
import { boardAccess } from './boardAccess.ts';

export interface NotificationRouteDeps {
  auth: Auth;
  storage: Storage;
  logger: Logger;
  notifications: NotificationStore;
  live: LiveEvents;
}

/** Cards one check-in request may name. */
const ASK_MAX_CARDS = 500;

/** The signed-in person's notifications, and the secretariat's request for check-ins. */
export function notificationRoutes(deps: NotificationRouteDeps) {
  const { auth, storage, logger, notifications, live } = deps;
  const app = new Hono<AuthEnv>();

  const tell = async (userId: string) =>
    live.toUser(userId, {
      event: 'notifications',
      data: { unread: await notifications.unread(userId) },
    });

  app.get('/notifications', async (c) => {
    const user = currentUser(c);
    const raw = Number(c.req.query('limit') ?? 50);
    const limit = Number.isSafeInteger(raw) && raw > 0 ? Math.min(raw, 200) : 50;
    const records = await notifications.list(user.id, limit);
    const titles = new Map<string, { fr: string; en: string } | null>();
    for (const boardId of new Set(records.flatMap((r) => (r.boardId ? [r.boardId] : [])))) {
      const entry = await storage.catalogEntry(boardId);
      titles.set(boardId, entry ? { fr: entry.title.fr, en: entry.title.en } : null);
    }
    return c.json({
      unread: await notifications.unread(user.id),
      items: records.map((r) => ({
        id: r.id,
        kind: r.kind,
        boardId: r.boardId,
        boardTitle: r.boardId ? (titles.get(r.boardId) ?? null) : null,
        targetKind: r.targetKind,
        targetId: r.targetId,
        commentId: r.commentId,
        actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
        excerpt: typeof r.payload.excerpt === 'string' ? r.payload.excerpt : null,
        role: typeof r.payload.role === 'string' ? r.payload.role : null,
        createdAt: r.createdAt,
        readAt: r.readAt,
      })),
    });
  });

  app.post('/notifications/read-all', async (c) => {
    const user = currentUser(c);
    if ((await notifications.markAllRead(user.id)) > 0) await tell(user.id);
    return c.json({ unread: 0 });
  });

  app.post('/notifications/:id/read', async (c) => {
    const user = currentUser(c);
    const id = c.req.param('id');
    if (id.length > 100 || !(await notifications.markRead(user.id, id))) {
      throw new AuthError(404, 'no-notification', {
        en: 'No such notification.',
        fr: 'Notification introuvable.',
      });
    }
    await tell(user.id);
    return c.json({ unread: await notifications.unread(user.id) });
  });

  // The secretariat asks the task teams of some cards for a check-in.
  app.post('/boards/:boardId/checkins/ask', async (c) => {
    const user = currentUser(c);
    const boardId = c.req.param('boardId');
    const membership = await boardAccess(auth, storage, user, boardId);
    if (membership.role !== 'secretariat' && !user.isAdmin) {
      throw new AuthError(403, 'forbidden', {
        en: 'Only the secretariat may ask for check-ins.',
        fr: 'Seul le secrétariat peut demander des bilans.',
      });
    }
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      input = null;
    }
    const cardIds = (input as { cardIds?: unknown } | null)?.cardIds;
    if (
      !Array.isArray(cardIds) ||
      cardIds.length === 0 ||
      cardIds.length > ASK_MAX_CARDS ||
      !cardIds.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 100)
    ) {
      throw new AuthError(400, 'invalid-cards', {
        en: `cardIds must list 1 to ${ASK_MAX_CARDS} card ids.`,
        fr: `cardIds doit nommer de 1 à ${ASK_MAX_CARDS} cartes.`,
      });
    }
    const asked = new Set(cardIds as string[]);
    const now = Date.now();
    const eventKey = `checkin-asked:${boardId}:${globalThis.crypto.randomUUID()}`;
    const members = await auth.store.members(boardId);
    const notified = await auth.store.executor.transaction(async (tx) => {
      const done: string[] = [];
      for (const m of members) {
        if (m.role !== 'task-team' || m.userId === user.id) continue;
        const theirs = m.cardIds.filter((id) => asked.has(id));
        if (theirs.length === 0) continue;
        const added = await notifications.add(
          {
            userId: m.userId,
            eventKey,
            kind: 'checkin-asked',
            boardId,
            targetKind: 'card',
            targetId: theirs[0]!,
            commentId: null,
            actorId: user.id,
            payload: { cardIds: theirs },
            createdAt: now,
          },
          tx,
        );
        if (added) done.push(m.userId);
      }
      return done;
    });
    for (const userId of notified) await tell(userId);
    logger.info({ board: boardId, cards: asked.size, people: notified.length }, 'check-ins asked');
    await auth.record(user, 'checkins-asked', boardId, null, { cardIds: [...asked] });
    return c.json({ asked: notified.length });
  });

  return app;
}
