import * as Y from 'yjs';
import { newId } from '../ids.ts';
import { ModelError } from '../ModelError.ts';
import { DEFAULT_BOARD_SETTINGS } from '../records/board.ts';
import type { Localized } from '../records/localized.ts';
import { docRoots, META, readSchemaVersion, SCHEMA_VERSION } from './layout.ts';

/*
 * Doc migrations, applied in order by migrateDoc (the server runs it when it loads a board,
 * before any client syncs; clients refuse docs they are too old for, see requireCurrentSchema).
 * Each step must be deterministic and idempotent: two peers may migrate the same doc at the
 * same time, and their writes merge, so both must write the same values.
 *
 * Versions:
 *   0  a doc with no model metadata: created by a client that connected before the board was
 *      initialized. It may already hold canvas annotations.
 *   1  the layout first proposed in issue 3: check-ins as Y.Map 'checkins' cardId → Y.Array of
 *      check-ins (without cardId), and no stale-after setting. Superseded before any release
 *      because creating a card's array lazily loses check-ins under concurrency (layout.ts).
 *   2  items without cardIds (the task-team cards that deliver them).
 *   3  current (layout.ts).
 */

export type Migration = {
  readonly from: number;
  readonly to: number;
  readonly description: Localized;
  readonly up: (doc: Y.Doc, options: MigrateOptions) => void;
};

export type MigrateOptions = {
  /** Id given to a board initialized by the 0 → 1 step; random otherwise. */
  readonly boardId?: string;
  readonly title?: Localized;
};

/** Top-level name of the version-1 per-card check-in arrays. */
export const LEGACY_CHECKINS_V1 = 'checkins';

const DEFAULT_TITLE: Localized = { fr: 'Feuille de route', en: 'Roadmap' };

function setIfAbsent(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (!map.has(key)) map.set(key, value);
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    description: {
      fr: 'Initialise les métadonnées du tableau (identifiant, titre, langue par défaut).',
      en: 'Initialize board metadata (id, title, default language).',
    },
    up(doc, options) {
      const { meta } = docRoots(doc);
      const title = options.title ?? DEFAULT_TITLE;
      setIfAbsent(meta, META.boardId, options.boardId ?? newId());
      setIfAbsent(meta, `${META.title}.fr`, title.fr);
      setIfAbsent(meta, `${META.title}.en`, title.en);
      setIfAbsent(meta, META.defaultLocale, DEFAULT_BOARD_SETTINGS.defaultLocale);
      setIfAbsent(meta, META.annotationsSchema, null);
      meta.set(META.schemaVersion, 1);
    },
  },
  {
    from: 1,
    to: 2,
    description: {
      fr: "Regroupe les bilans dans un journal unique indexé par bilan; ajoute le délai d'inactivité (60 jours).",
      en: 'Move check-ins into one log keyed by check-in id; add the stale-after setting (60 days).',
    },
    up(doc) {
      const { meta, checkinLog } = docRoots(doc);
      const legacy = doc.getMap<unknown>(LEGACY_CHECKINS_V1);
      for (const [cardId, history] of [...legacy.entries()]) {
        if (history instanceof Y.Array) {
          for (const entry of history.toArray()) {
            if (typeof entry !== 'object' || entry === null) continue;
            const id = (entry as { id?: unknown }).id;
            if (typeof id !== 'string' || checkinLog.has(id)) continue;
            checkinLog.set(id, { ...(entry as Record<string, unknown>), cardId });
          }
        }
        legacy.delete(cardId);
      }
      setIfAbsent(meta, META.staleAfterDays, DEFAULT_BOARD_SETTINGS.staleAfterDays);
      meta.set(META.schemaVersion, 2);
    },
  },
  {
    from: 2,
    to: 3,
    description: {
      fr: 'Ajoute à chaque activité de la feuille de route la liste des équipes qui la réalisent (vide).',
      en: 'Give every roadmap item its list of delivering task teams (empty).',
    },
    up(doc) {
      const { meta, items } = docRoots(doc);
      for (const item of items.values()) {
        if (item instanceof Y.Map) setIfAbsent(item, 'cardIds', []);
      }
      meta.set(META.schemaVersion, 3);
    },
  },
];

export type MigrationResult = { readonly from: number; readonly to: number };

/** Brings a doc to the current schema version in one transaction; a no-op when current. */
export function migrateDoc(
  doc: Y.Doc,
  origin: unknown,
  options: MigrateOptions = {},
): MigrationResult {
  const from = readSchemaVersion(doc);
  if (from > SCHEMA_VERSION) {
    throw new ModelError('schema-too-new', {
      fr: `Ce tableau utilise une version plus récente du modèle (${from} > ${SCHEMA_VERSION}).`,
      en: `This board uses a newer model version (${from} > ${SCHEMA_VERSION}).`,
    });
  }
  if (from === SCHEMA_VERSION) return { from, to: from };
  doc.transact(() => {
    for (const migration of MIGRATIONS) {
      if (readSchemaVersion(doc) === migration.from) migration.up(doc, options);
    }
  }, origin);
  return { from, to: readSchemaVersion(doc) };
}
