import {
  type BoardMembership,
  canCheckIn,
  docRoots,
  isStale,
  ModelError,
  recordCheckin,
  toJSON,
} from '@fdr/model';
import { type Context, Hono } from 'hono';
import type { Auth } from '../auth/Auth.ts';
import { AuthError } from '../auth/AuthError.ts';
import type { Storage } from '../storage/Storage.ts';
import type { BoardRegistry } from '../sync/BoardRegistry.ts';
import { type AuthEnv, currentUser } from './authRoutes.ts';

export interface CheckinRouteDeps {
  auth: Auth;
  storage: Storage;
  registry: BoardRegistry;
}

const noBoard = () =>
  new AuthError(404, 'no-board', { en: 'No such board.', fr: 'Tableau introuvable.' });

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    value = undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AuthError(400, 'invalid-json', {
      en: 'The request body must be a JSON object.',
      fr: 'Le corps de la requête doit être un objet JSON.',
    });
  }
  return value as Record<string, unknown>;
}

/**
 * Status check-ins over REST: task teams post without opening the canvas (a phone is enough),
 * and the pages that list check-ins (my task teams, status and staleness, since the last meeting)
 * read them without loading tldraw or Yjs.
 */
export function checkinRoutes(deps: CheckinRouteDeps) {
  const { auth, storage, registry } = deps;
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
      const roadmap = toJSON(board.doc);
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
          stale: isStale(card.latestStatus, staleAfterDays, now),
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
    const author = user.name || user.email;
    const board = await registry.acquire(boardId);
    try {
      // A retry (the answer was lost on a phone's connection) carries the id of the first try:
      // the check-in is already there, and it is the same one, not a second.
      const requestedId = typeof input.id === 'string' ? input.id : null;
      const existing = requestedId ? docRoots(board.doc).checkinLog.get(requestedId) : undefined;
      if (
        existing !== undefined &&
        (existing as { cardId?: unknown }).cardId === cardId &&
        (existing as { author?: unknown }).author === author
      ) {
        return c.json({ id: requestedId }, 200);
      }
      const id = recordCheckin(
        board.doc,
        {
          ...(requestedId ? { id: requestedId } : {}),
          cardId,
          // The model validates every field and names the first bad one.
          status: input.status as never,
          progress: (input.progress ?? null) as never,
          summary: (input.summary ?? undefined) as never,
          nextMilestone: (input.nextMilestone ?? null) as never,
          asks: (input.asks ?? undefined) as never,
          risks: (input.risks ?? undefined) as never,
          author,
        },
        'rest',
      );
      // Answer once the check-in is stored (and so broadcast to every open board).
      await board.whenPersisted();
      await auth.record(user, 'checkin-recorded', boardId, cardId, { id, status: input.status });
      return c.json({ id }, 201);
    } catch (error) {
      if (error instanceof ModelError) {
        // The model names the field as `input.progress`; the caller sent `progress`.
        const field = (text: string) => text.replace(/^input\./, '');
        return c.json(
          {
            error: field(error.messages.en),
            errorFr: field(error.messages.fr),
            code: error.code,
            ...(error.details.path ? { field: field(error.details.path) } : {}),
          },
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
