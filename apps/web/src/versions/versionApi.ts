import type { Change, Localized, Roadmap } from '@fdr/model';
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

export function versionRoadmap(boardId: string, versionId: string) {
  return call<{ version: VersionInfo; roadmap: Roadmap }>(one(boardId, versionId));
}

/** `other`: a version id or `now`. With `roadmaps`, both states come with the changes. */
export function compareVersions(
  boardId: string,
  versionId: string,
  other: string,
  options: { roadmaps?: boolean } = {},
) {
  const query = `with=${encodeURIComponent(other)}${options.roadmaps ? '&roadmaps=1' : ''}`;
  return call<{
    from: string;
    to: string;
    changes: Change[];
    roadmaps?: { from: Roadmap; to: Roadmap };
  }>(`${one(boardId, versionId)}/compare?${query}`);
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
