import { VERSION_NAME_MAX, VERSION_NOTE_MAX } from '@fdr/model';
import { Hono } from 'hono';
import type { Auth } from '../auth/Auth.ts';
import { AuthError } from '../auth/AuthError.ts';
import type { Versions } from '../versions/Versions.ts';
import { type AuthEnv, currentUser } from './authRoutes.ts';

const notFound = () =>
  new AuthError(404, 'no-version', {
    en: 'No such version of this board.',
    fr: 'Cette version du tableau est introuvable.',
  });

/**
 * Versions of a board: every member may list, open, compare and export them; only the
 * secretariat (and administrators) take and restore them.
 */
export function versionRoutes(deps: { auth: Auth; versions: Versions }) {
  const { auth, versions } = deps;
  const app = new Hono<AuthEnv>();

  const requireMember = async (
    userBoard: { boardId: string },
    c: Parameters<typeof currentUser>[0],
  ) => {
    const user = currentUser(c);
    const role = await auth.roleOn(user, userBoard.boardId);
    if (!role)
      throw new AuthError(404, 'no-board', { en: 'No such board.', fr: 'Tableau introuvable.' });
    return user;
  };

  app.get('/', async (c) => {
    const boardId = c.req.param('boardId') ?? '';
    await requireMember({ boardId }, c);
    return c.json({ versions: await versions.list(boardId) });
  });

  app.post('/', async (c) => {
    const boardId = c.req.param('boardId') ?? '';
    const user = await requireMember({ boardId }, c);
    await auth.requireAdministrator(user, boardId);
    let input: Record<string, unknown>;
    try {
      input = (await c.req.json()) as Record<string, unknown>;
    } catch {
      throw new AuthError(400, 'invalid-json', {
        en: 'The request body must be JSON.',
        fr: 'Le corps de la requête doit être du JSON.',
      });
    }
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    const note = typeof input.note === 'string' ? input.note.trim() : '';
    if (name === '' || name.length > VERSION_NAME_MAX || note.length > VERSION_NOTE_MAX) {
      throw new AuthError(400, 'invalid-version', {
        en: `A version needs a name (at most ${VERSION_NAME_MAX} characters) and a note of at most ${VERSION_NOTE_MAX}.`,
        fr: `Une version exige un nom (${VERSION_NAME_MAX} caractères au plus) et une note d'au plus ${VERSION_NOTE_MAX}.`,
      });
    }
    const info = await versions.take(boardId, {
      name,
      note,
      kind: 'named',
      authorId: user.id,
      authorName: user.name,
    });
    await auth.record(user, 'version-taken', boardId, name, { version: info.id });
    return c.json({ version: info }, 201);
  });

  app.get('/:versionId', async (c) => {
    const boardId = c.req.param('boardId') ?? '';
    await requireMember({ boardId }, c);
    const found = await versions.roadmap(boardId, c.req.param('versionId'));
    if (!found) throw notFound();
    return c.json({ version: found.info, roadmap: found.roadmap, problems: found.problems });
  });

  app.get('/:versionId/export', async (c) => {
    const boardId = c.req.param('boardId') ?? '';
    await requireMember({ boardId }, c);
    const found = await versions.roadmap(boardId, c.req.param('versionId'));
    if (!found) throw notFound();
    const date = new Date(found.info.createdAt).toISOString().slice(0, 10);
    c.header('Content-Disposition', `attachment; filename="roadmap-${boardId}-${date}.json"`);
    return c.json(found.roadmap);
  });

  app.get('/:versionId/compare', async (c) => {
    const boardId = c.req.param('boardId') ?? '';
    await requireMember({ boardId }, c);
    const other = c.req.query('with') ?? 'now';
    const found = await versions.compareWithRoadmaps(boardId, c.req.param('versionId'), other);
    if (!found) throw notFound();
    return c.json({
      from: c.req.param('versionId'),
      to: other,
      changes: found.changes,
      // Records of either state that could not be read as stored (repaired or left out).
      problems: found.problems,
      // `?roadmaps=1`: both states too, for the canvas that highlights the changes.
      ...(c.req.query('roadmaps') === '1' ? { roadmaps: { from: found.from, to: found.to } } : {}),
    });
  });

  app.post('/:versionId/restore', async (c) => {
    const boardId = c.req.param('boardId') ?? '';
    const user = await requireMember({ boardId }, c);
    await auth.requireAdministrator(user, boardId);
    const result = await versions.restore(boardId, c.req.param('versionId'), {
      id: user.id,
      name: user.name,
    });
    if (!result) throw notFound();
    await auth.record(user, 'version-restored', boardId, result.restored.name, {
      version: result.restored.id,
      before: result.before.id,
    });
    return c.json(result);
  });

  return app;
}
