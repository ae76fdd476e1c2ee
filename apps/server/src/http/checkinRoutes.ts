import {
  type BoardMembership,
  canCheckIn,
  docRoots,
  isStale,
  ModelError,
  parseCheckinInput,
  readTolerant,
  recordCheckin,
} from '@fdr/model';
import { type Context, Hono } from 'hono';
import type { Logger } from 'pino';
import type { Auth } from '../auth/Auth.ts';
import { AuthError } from '../auth/AuthError.ts';
import type { Storage } from '../storage/Storage.ts';
import type { BoardRegistry } from '../sync/BoardRegistry.ts';
import { type AuthEnv, currentUser } from './authRoutes.ts';
import { jsonBody } from './jsonBody.ts';

export interface CheckinRouteDeps {
  auth: Auth;
  storage: Storage;
  registry: BoardRegistry;
  logger: Logger;
}

const noBoard = () =>
  new AuthError(404, 'no-board', { en: 'No such board.', fr: 'Tableau introuvable.' });

/**
 * Status check-ins over REST: task teams post without opening the canvas (a phone is enough),
 * and the pages that list check-ins (my task teams, status and staleness, since the last meeting)
 * read them without loading tldraw or Yjs.
 */
export function checkinRoutes(deps: CheckinRouteDeps) {
  const { auth, storage, registry, logger } = deps;
  const app = new Hono<AuthEnv>();

  /** The caller's membership; administrators act as secretariat. Null: no role on the board. */
  const membershipOf = async (c: Context<AuthEnv>, boardId: string) => {
    const user = currentUser(c);
    const membership =
      (await auth.membership(user, boardId)) ??
      (user.isAdmin
        ? ({ boardId, userId: user.id, role: 'secretariat', cardIds: [] } satisfies BoardMembership)
        : null);
    return { user, membership };
  };

  // Every card of the board with its whole check-in history (oldest first, as the model orders
  // it), its latest status and whether it is stale. `?mine=1`: only the cards the caller may
  // check in for (a task-team member's own).
  app.get('/boards/:boardId/checkins', async (c) => {
    const boardId = c.req.param('boardId');
    const { membership } = await membershipOf(c, boardId);
    if (!membership || !(await storage.catalogEntry(boardId))) throw noBoard();
    const mineOnly = c.req.query('mine') === '1';
    const board = await registry.acquire(boardId);
    try {
      // Tolerant: one bad record is left out or repaired, never a 500 for the whole list.
      const { roadmap } = readTolerant(board.doc);
      const now = new Date();
      const staleAfterDays = roadmap.board.settings.staleAfterDays;
      const domains = new Map(roadmap.domains.map((d) => [d.id, d.label]));
      const phases = new Map(roadmap.phases.map((p) => [p.id, p.label]));
      const cards = roadmap.cards
        .filter((card) => !card.archived)
        .map((card) => ({ card, mayCheckIn: canCheckIn(membership, card.id) }))
        .filter(({ mayCheckIn }) => !mineOnly || mayCheckIn)
        .map(({ card, mayCheckIn }) => ({
          id: card.id,
          title: card.title,
          domainId: card.domainId,
          phaseId: card.phaseId,
          domain: domains.get(card.domainId) ?? { fr: '', en: '' },
          phase: phases.get(card.phaseId) ?? { fr: '', en: '' },
          latestStatus: card.latestStatus,
          stale: isStale(card, staleAfterDays, now),
          mayCheckIn,
          checkins: card.checkins,
        }));
      return c.json({
        board: { id: boardId, title: roadmap.board.title, staleAfterDays },
        role: membership.role,
        now: now.toISOString(),
        cards,
      });
    } finally {
      registry.release(boardId);
    }
  });

  app.post('/boards/:boardId/checkins', async (c) => {
    const boardId = c.req.param('boardId');
    const { user, membership } = await membershipOf(c, boardId);
    const input = await jsonBody(c);
    const cardId = typeof input.cardId === 'string' ? input.cardId : '';
    if (!canCheckIn(membership, cardId)) {
      throw new AuthError(403, 'not-your-card', {
        en: 'You may record check-ins only for your own task team’s cards.',
        fr: 'Vous ne pouvez enregistrer de bilan que pour les cartes de votre équipe spéciale.',
      });
    }
    const parsed = parseCheckinInput(input);
    if (!parsed.ok) {
      const [first] = parsed.errors;
      logger.info(
        { board: boardId, fields: parsed.errors.map((e) => e.field) },
        'check-in refused: invalid input',
      );
      return c.json(
        {
          error: first?.messages.en ?? 'invalid check-in',
          errorFr: first?.messages.fr ?? 'bilan invalide',
          code: 'invalid-input',
          ...(first ? { field: first.field } : {}),
          errors: parsed.errors.map((e) => ({
            field: e.field,
            error: e.messages.en,
            errorFr: e.messages.fr,
          })),
        },
        400,
      );
    }
    const checkin = parsed.value;
    const author = user.name || user.email;
    const board = await registry.acquire(boardId);
    try {
      // A retry (the answer was lost on a phone's connection) carries the id of the first try:
      // the check-in is already there, and it is the same one, not a second.
      const existing = checkin.id ? docRoots(board.doc).checkinLog.get(checkin.id) : undefined;
      if (
        existing !== undefined &&
        (existing as { cardId?: unknown }).cardId === cardId &&
        (existing as { author?: unknown }).author === author
      ) {
        return c.json({ id: checkin.id }, 200);
      }
      const id = recordCheckin(board.doc, { ...checkin, author }, 'rest');
      // Answer once the check-in is stored (and so broadcast to every open board).
      await board.whenPersisted();
      await auth.record(user, 'checkin-recorded', boardId, cardId, { id, status: checkin.status });
      return c.json({ id }, 201);
    } catch (error) {
      if (error instanceof ModelError) {
        // What the parser cannot know: an unknown or archived card, an id reused.
        logger.info({ board: boardId, code: error.code }, 'check-in refused by the model');
        return c.json(
          { error: error.messages.en, errorFr: error.messages.fr, code: error.code },
          400,
        );
      }
      throw error;
    } finally {
      registry.release(boardId);
    }
  });

  return app;
}
