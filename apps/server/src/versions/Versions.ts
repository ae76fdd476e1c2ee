import {
  beforeRestoreName,
  type Change,
  diff,
  migrateDoc,
  type RecordProblem,
  type Roadmap,
  readTolerant,
  replaceContent,
} from '@fdr/model';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Storage, VersionInfo } from '../storage/Storage.ts';
import { applyStored } from '../sync/applyStored.ts';
import type { BoardRegistry } from '../sync/BoardRegistry.ts';

export const RESTORE_ORIGIN = 'fdr:restore';
const MIGRATE_ORIGIN = 'fdr:migrate';

export interface VersionsOptions {
  storage: Storage;
  registry: BoardRegistry;
  logger: Logger;
  /** An automatic version is taken when a board changed and its last one is older than this. */
  autoIntervalMs: number;
  /** Automatic versions kept per board (named ones are never pruned). */
  autoKeep: number;
  /** Told of each version taken (the digest of a named one is mailed). */
  onTaken?: (info: VersionInfo) => void;
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  // A version taken under an older model is read (and restored) in today's layout.
  migrateDoc(doc, MIGRATE_ORIGIN);
  return doc;
}

/**
 * Named and automatic versions of a board: full encoded states (Yjs garbage collection stays
 * on, so a version is a snapshot, not a pointer into history), compared with the model's
 * semantic diff, restored as one forward change.
 */
export class Versions {
  private readonly options: VersionsOptions;

  constructor(options: VersionsOptions) {
    this.options = options;
  }

  /** The board as stored now (the live doc once its pending writes are stored, if loaded). */
  async currentState(boardId: string): Promise<Uint8Array> {
    const live = await this.options.registry.peek(boardId);
    if (live) {
      await live.whenPersisted();
      return Y.encodeStateAsUpdate(live.doc);
    }
    const doc = new Y.Doc();
    applyStored(doc, await this.options.storage.load(boardId));
    return Y.encodeStateAsUpdate(doc);
  }

  async take(
    boardId: string,
    input: {
      name: string;
      note: string;
      kind: VersionInfo['kind'];
      authorId: string | null;
      authorName: string | null;
    },
    /**
     * `announce: false`: nobody is told (no digest mail). A decision's version is part of the
     * meeting's record; a meeting of five decisions must not mail five digests.
     */
    options: { announce?: boolean } = {},
  ): Promise<VersionInfo> {
    const state = await this.currentState(boardId);
    const info: VersionInfo = {
      id: globalThis.crypto.randomUUID(),
      boardId,
      ...input,
      createdAt: Date.now(),
      bytes: state.byteLength,
    };
    await this.options.storage.addVersion(info, state);
    this.options.logger.info(
      { board: boardId, version: info.id, kind: info.kind, bytes: info.bytes },
      'version taken',
    );
    if (options.announce !== false) this.options.onTaken?.(info);
    return info;
  }

  list(boardId: string): Promise<VersionInfo[]> {
    return this.options.storage.listVersions(boardId);
  }

  async roadmap(
    boardId: string,
    versionId: string,
  ): Promise<{ info: VersionInfo; roadmap: Roadmap; problems: readonly RecordProblem[] } | null> {
    const found = await this.options.storage.version(boardId, versionId);
    if (!found) return null;
    // A version may hold a record an older server let through: it is read around, and said.
    const { roadmap, problems } = readTolerant(docOf(found.state));
    return { info: found.info, roadmap, problems };
  }

  /** The semantic changes from version `from` to version `to` (or to the board as it is now). */
  async compare(boardId: string, from: string, to: string | 'now'): Promise<Change[] | null> {
    return (await this.compareWithRoadmaps(boardId, from, to))?.changes ?? null;
  }

  /**
   * The changes and the two roadmaps they were computed from, read once: a page that draws the
   * comparison on the canvas highlights exactly what the list says.
   */
  async compareWithRoadmaps(
    boardId: string,
    from: string,
    to: string | 'now',
  ): Promise<{
    changes: Change[];
    from: Roadmap;
    to: Roadmap;
    problems: readonly RecordProblem[];
  } | null> {
    const a = await this.options.storage.version(boardId, from);
    const b =
      to === 'now'
        ? { state: await this.currentState(boardId) }
        : await this.options.storage.version(boardId, to);
    if (!a || !b) return null;
    const before = readTolerant(docOf(a.state));
    const after = readTolerant(docOf(b.state));
    return {
      changes: diff(before.roadmap, after.roadmap),
      from: before.roadmap,
      to: after.roadmap,
      problems: uniqueProblems([...before.problems, ...after.problems]),
    };
  }

  /**
   * Makes the board equal to a version, as one forward change every client receives live. The
   * state just before is kept first as a `before-restore` version: a restore loses nothing.
   */
  async restore(
    boardId: string,
    versionId: string,
    actor: { id: string; name: string },
  ): Promise<{ restored: VersionInfo; before: VersionInfo } | null> {
    const found = await this.options.storage.version(boardId, versionId);
    if (!found) return null;
    const source = docOf(found.state);
    const board = await this.options.registry.acquire(boardId);
    try {
      const before = await this.take(boardId, {
        // Named after the restored version, never the same name: the list must tell them apart.
        name: beforeRestoreName(found.info.name),
        note: '',
        kind: 'before-restore',
        authorId: actor.id,
        authorName: actor.name,
      });
      replaceContent(board.doc, source, RESTORE_ORIGIN);
      await board.whenPersisted();
      this.options.logger.info({ board: boardId, version: versionId }, 'version restored');
      return { restored: found.info, before };
    } finally {
      this.options.registry.release(boardId);
    }
  }

  /**
   * Takes the automatic versions that are due (boards changed since their last version, whose
   * last automatic one is older than the interval) and prunes the oldest beyond the retention.
   */
  async takeDueAutomatic(now = Date.now()): Promise<number> {
    let taken = 0;
    for (const entry of await this.options.storage.listCatalog()) {
      const versions = await this.list(entry.id);
      const lastAny = versions[0];
      const lastAuto = versions.find((v) => v.kind === 'auto');
      const changed = !lastAny || entry.updatedAt > lastAny.createdAt;
      const due = !lastAuto || now - lastAuto.createdAt >= this.options.autoIntervalMs;
      if (changed && due) {
        await this.take(entry.id, {
          name: new Date(now).toISOString().slice(0, 10),
          note: '',
          kind: 'auto',
          authorId: null,
          authorName: null,
        });
        taken++;
      }
      const autos = (await this.list(entry.id)).filter((v) => v.kind === 'auto');
      const stale = autos.slice(this.options.autoKeep).map((v) => v.id);
      if (stale.length > 0) await this.options.storage.deleteVersions(entry.id, stale);
    }
    return taken;
  }
}

/** A bad record present in both states of a comparison is reported once. */
function uniqueProblems(problems: readonly RecordProblem[]): RecordProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.kind}:${problem.id}:${problem.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
