import {
  type Change,
  type Localized,
  type RecordProblem,
  type Roadmap,
  repairRoadmap,
} from '@fdr/model';
import { call } from '../account/accountApi.ts';
import type { BoardEntry } from '../api.ts';

/** A version as the server lists it (without its content). */
export interface VersionInfo {
  id: string;
  boardId: string;
  name: string;
  note: string;
  /** `named` by the secretariat, `auto` (daily), `before-restore` (kept by a restore). */
  kind: 'named' | 'auto' | 'before-restore';
  authorId: string | null;
  authorName: string | null;
  createdAt: number;
  /** Size of the stored state. */
  bytes: number;
}

const versions = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/versions`;
const one = (boardId: string, versionId: string) =>
  `${versions(boardId)}/${encodeURIComponent(versionId)}`;

/** Newest first. */
export async function listVersions(boardId: string): Promise<VersionInfo[]> {
  return (await call<{ versions: VersionInfo[] }>(versions(boardId))).versions;
}

export async function takeVersion(boardId: string, name: string, note: string) {
  return (await call<{ version: VersionInfo }>(versions(boardId), { name, note })).version;
}

export function restoreVersion(boardId: string, versionId: string) {
  return call<{ restored: VersionInfo; before: VersionInfo }>(
    `${one(boardId, versionId)}/restore`,
    {},
  );
}

/**
 * A roadmap as a page can draw it: the server reads versions tolerantly and names the records it
 * could not read; one from an older server is repaired here, so a bad record never blanks a page.
 */
function readAround(
  value: unknown,
  reported: readonly RecordProblem[] = [],
): { roadmap: Roadmap; problems: RecordProblem[] } {
  const { roadmap, problems } = repairRoadmap(value);
  return { roadmap, problems: [...reported, ...problems] };
}

export async function versionRoadmap(boardId: string, versionId: string) {
  const found = await call<{ version: VersionInfo; roadmap: unknown; problems?: RecordProblem[] }>(
    one(boardId, versionId),
  );
  return { version: found.version, ...readAround(found.roadmap, found.problems) };
}

/** `other`: a version id or `now`. With `roadmaps`, both states come with the changes. */
export async function compareVersions(
  boardId: string,
  versionId: string,
  other: string,
  options: { roadmaps?: boolean } = {},
): Promise<{
  from: string;
  to: string;
  changes: Change[];
  problems: RecordProblem[];
  roadmaps?: { from: Roadmap; to: Roadmap };
}> {
  const query = `with=${encodeURIComponent(other)}${options.roadmaps ? '&roadmaps=1' : ''}`;
  const found = await call<{
    from: string;
    to: string;
    changes: Change[];
    problems?: RecordProblem[];
    roadmaps?: { from: unknown; to: unknown };
  }>(`${one(boardId, versionId)}/compare?${query}`);
  if (!found.roadmaps) return { ...found, problems: found.problems ?? [], roadmaps: undefined };
  const from = readAround(found.roadmaps.from, found.problems);
  const to = readAround(found.roadmaps.to);
  return {
    ...found,
    problems: [...from.problems, ...to.problems],
    roadmaps: { from: from.roadmap, to: to.roadmap },
  };
}

/** The download address of a version's roadmap JSON. */
export function exportUrl(boardId: string, versionId: string): string {
  return `${one(boardId, versionId)}/export`;
}

/** Administrators: a new board, copy of an exported roadmap. */
export async function importBoard(title: Localized, roadmap: unknown): Promise<BoardEntry> {
  return (
    await call<{ board: BoardEntry }>('/api/boards', { title, template: 'imported', roadmap })
  ).board;
}
