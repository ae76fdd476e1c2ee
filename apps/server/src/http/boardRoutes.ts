import { randomBytes } from 'node:crypto';
import {
  BOARD_TITLE_MAX,
  type BoardStructure,
  datedPhases,
  isModelError,
  loadRoadmap,
  normalizeTitle,
  parseBoardStructure,
  type Roadmap,
  templateRoadmap,
  updateBoard,
  validateRoadmap,
} from '@fdr/model';
import { type Context, Hono } from 'hono';
import type { Logger } from 'pino';
import type { Auth } from '../auth/Auth.ts';
import { AuthError } from '../auth/AuthError.ts';
import type { BoardTemplate, BoardTitle, CatalogEntry, Storage } from '../storage/Storage.ts';
import type { BoardRegistry } from '../sync/BoardRegistry.ts';
import { type AuthEnv, currentUser } from './authRoutes.ts';
import { BOARD_ID } from './boardId.ts';

export interface BoardRoutesDeps {
  auth: Auth;
  storage: Storage;
  registry: BoardRegistry;
  logger: Logger;
}

/** Origin of the board writes made by the REST API (they go through the normal write path). */
export const REST_ORIGIN = 'fdr:rest';

const TEMPLATES: readonly BoardTemplate[] = ['blank', 'joint-councils-2016'];

/** A validation failure, answered as 400 with both languages. */
class BadRequest extends Error {
  readonly errorFr: string;
  readonly field: string;
  constructor(field: string, en: string, fr: string) {
    super(en);
    this.errorFr = fr;
    this.field = field;
  }
}

/**
 * The boards API: the catalog the home page lists, and board creation and renaming. A new board's
 * roadmap is written into its Y.Doc here, on the server, through the registry, so it is stored
 * (write-ahead) and broadcast like any client edit, and no two clients can race to initialize it.
 */
export function boardRoutes(deps: BoardRoutesDeps): Hono<AuthEnv> {
  const { auth, storage, registry, logger } = deps;
  const routes = new Hono<AuthEnv>();

  // Everyone sees the boards they have a role on; administrators see all.
  routes.get('/', async (c) => {
    const user = currentUser(c);
    const boards = await storage.listCatalog();
    if (user.isAdmin) return c.json({ boards: boards.map((b) => ({ ...b, role: 'secretariat' })) });
    const roles = new Map(
      (await auth.store.membershipsOf(user.id)).map((m) => [m.boardId, m.role]),
    );
    return c.json({
      boards: boards.filter((b) => roles.has(b.id)).map((b) => ({ ...b, role: roles.get(b.id) })),
    });
  });

  routes.post('/', async (c) => {
    const user = currentUser(c);
    if (!user.isAdmin) {
      throw new AuthError(403, 'admin-only', {
        en: 'Only an administrator creates boards.',
        fr: 'Seul un administrateur crée des tableaux.',
      });
    }
    let input: {
      title: BoardTitle;
      template: BoardTemplate;
      imported: Roadmap | null;
      structure: BoardStructure | null;
    };
    try {
      const body = await readJson(c);
      // An exported version (the model's JSON format) becomes a new board with a new id.
      const imported = body.template === 'imported' ? readRoadmap(body.roadmap) : null;
      const template = imported ? 'imported' : readTemplate(body.template);
      input = {
        title: readTitle(body.title ?? imported?.board.title, null),
        template,
        imported,
        structure: readStructure(body.structure, template, new Date()),
      };
    } catch (error) {
      return badRequest(c, error, logger);
    }
    const id = newBoardId();
    const roadmap = input.imported
      ? importedRoadmap(input.imported, id, input.title)
      : initialRoadmap(input.template, id, input.title, input.structure);
    const board = await registry.acquire(id);
    try {
      loadRoadmap(board.doc, roadmap, REST_ORIGIN);
      await board.whenPersisted();
    } finally {
      registry.release(id);
    }
    // After the doc is stored: a failure here leaves an unlisted board, never a listed empty one.
    await storage.addToCatalog({
      id,
      title: input.title,
      template: input.template,
      createdAt: Date.now(),
    });
    logger.info({ board: id, template: input.template }, 'board created');
    await auth.record(user, 'board-created', id, input.template, { title: input.title });
    return c.json({ board: await storage.catalogEntry(id) }, 201);
  });

  routes.get('/:id', async (c) => {
    const role = await auth.roleOn(currentUser(c), c.req.param('id'));
    if (!role) return notFound(c);
    const entry = await findEntry(c.req.param('id'));
    return entry ? c.json({ board: entry }) : notFound(c);
  });

  routes.patch('/:id', async (c) => {
    const id = c.req.param('id');
    const user = currentUser(c);
    if (!(await auth.roleOn(user, id))) return notFound(c);
    await auth.requireAdministrator(user, id);
    const entry = await findEntry(id);
    if (!entry) return notFound(c);
    let title: BoardTitle;
    try {
      const body = await readJson(c);
      title = readTitle(body.title, entry.title);
    } catch (error) {
      return badRequest(c, error, logger);
    }
    const board = await registry.acquire(id);
    try {
      // The doc is the source of truth for the title; the catalog follows it.
      updateBoard(board.doc, { title }, REST_ORIGIN);
      await board.whenPersisted();
    } catch (error) {
      if (!isModelError(error)) throw error;
      logger.warn({ board: id, err: error.messages.en }, 'board rename refused by the model');
      return c.json(
        { error: error.messages.en, errorFr: error.messages.fr, code: error.code },
        409,
      );
    } finally {
      registry.release(id);
    }
    const renamed = await storage.renameInCatalog(id, title, Date.now());
    logger.info({ board: id }, 'board renamed');
    await auth.record(user, 'board-renamed', id, null, { title });
    return renamed ? c.json({ board: renamed }) : notFound(c);
  });

  async function findEntry(id: string): Promise<CatalogEntry | null> {
    return BOARD_ID.test(id) ? storage.catalogEntry(id) : null;
  }

  return routes;
}

/**
 * The roadmap a new board starts with: the 2016 template as drafted (its teams, items and
 * dates), or its ten domains of interest with phases dated from the chosen start (`structure`;
 * without one, the 2016 dates). The secretariat reshapes either in the structure editor.
 */
export function initialRoadmap(
  template: BoardTemplate,
  id: string,
  title: BoardTitle,
  structure: BoardStructure | null = null,
  now = new Date(),
): Roadmap {
  // The template's task teams come onto this board now: a team is overdue only once it has had
  // the board's delay to check in.
  const base = templateRoadmap(now.toISOString());
  const board = { ...base.board, id, title };
  if (template === 'joint-councils-2016') return { ...base, board };
  const phases = structure ? datedPhases(structure) : base.phases;
  return { ...base, board, phases, cards: [], items: [] };
}

/**
 * A blank board's time frame: the one sent, checked against the model's named limits, or by
 * default three six-month periods from the current month. The template keeps the draft's dates,
 * so a time frame sent with it is refused rather than silently ignored.
 */
function readStructure(value: unknown, template: BoardTemplate, now: Date): BoardStructure | null {
  if (template !== 'blank') {
    if (value === undefined || value === null) return null;
    throw new BadRequest(
      'structure',
      'structure applies to a blank board only; the 2016 template keeps the dates of the draft',
      "structure ne s'applique qu'à un tableau vierge; le modèle de 2016 garde les dates de l'ébauche",
    );
  }
  const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const parsed = parseBoardStructure(value ?? { start: month });
  if (!parsed.ok) {
    throw new BadRequest(parsed.error.field, parsed.error.messages.en, parsed.error.messages.fr);
  }
  return parsed.structure;
}

/**
 * An imported file as a new board: cards keep the creation time the file gives them; those it
 * does not know (files from before it was recorded) come onto this board now.
 */
export function importedRoadmap(
  imported: Roadmap,
  id: string,
  title: BoardTitle,
  now = new Date(),
): Roadmap {
  const createdAt = now.toISOString();
  return {
    ...imported,
    board: { ...imported.board, id, title },
    cards: imported.cards.map((card) => (card.createdAt === null ? { ...card, createdAt } : card)),
  };
}

/** 16 characters of a 32-letter alphabet (80 random bits), valid as a board id and a model id. */
export function newBoardId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join('');
}

async function readJson(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new BadRequest('body', 'the body must be JSON', 'le corps doit être du JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequest(
      'body',
      'the body must be a JSON object',
      'le corps doit être un objet JSON',
    );
  }
  return body as Record<string, unknown>;
}

/** A title in both languages; with `current`, a missing language keeps its current text. */
function readTitle(value: unknown, current: BoardTitle | null): BoardTitle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequest(
      'title',
      'title must be an object { fr, en }',
      'title doit être un objet { fr, en }',
    );
  }
  const raw = value as Record<string, unknown>;
  const text = (lang: 'fr' | 'en'): string => {
    const given = raw[lang];
    if (given === undefined) return current?.[lang] ?? '';
    if (typeof given !== 'string') {
      throw new BadRequest(
        `title.${lang}`,
        `title.${lang} must be text`,
        `title.${lang} doit être du texte`,
      );
    }
    const checked = normalizeTitle(given, BOARD_TITLE_MAX);
    if (!checked.ok) {
      throw new BadRequest(
        `title.${lang}`,
        `title.${lang}: ${checked.messages.en}`,
        `title.${lang} : ${checked.messages.fr}`,
      );
    }
    return checked.title;
  };
  const title = { fr: text('fr'), en: text('en') };
  if (title.fr === '' && title.en === '') {
    throw new BadRequest(
      'title',
      'a title is required in French or English',
      'un titre est requis en français ou en anglais',
    );
  }
  return title;
}

function readRoadmap(value: unknown): Roadmap {
  try {
    return validateRoadmap(value);
  } catch (error) {
    if (!isModelError(error)) throw error;
    throw new BadRequest(
      'roadmap',
      `roadmap: ${error.messages.en}`,
      `feuille de route : ${error.messages.fr}`,
    );
  }
}

function readTemplate(value: unknown): BoardTemplate {
  if (typeof value === 'string' && (TEMPLATES as readonly string[]).includes(value)) {
    return value as BoardTemplate;
  }
  throw new BadRequest(
    'template',
    `template must be one of: ${TEMPLATES.join(', ')}`,
    `template doit être l'un de : ${TEMPLATES.join(', ')}`,
  );
}

function badRequest(c: Context, error: unknown, logger: Logger) {
  if (!(error instanceof BadRequest)) throw error;
  logger.info({ field: error.field, error: error.message }, 'board request refused');
  return c.json({ error: error.message, errorFr: error.errorFr, field: error.field }, 400);
}

function notFound(c: Context) {
  return c.json({ error: 'board not found', errorFr: 'tableau introuvable' }, 404);
}
