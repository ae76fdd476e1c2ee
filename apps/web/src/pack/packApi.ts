import { type Roadmap, repairRoadmap } from '@fdr/model';

export interface VersionSummary {
  id: string;
  name: string;
  kind: 'named' | 'auto' | 'before-restore';
  createdAt: number;
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

const versions = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/versions`;

/**
 * The version a meeting pack compares with: the latest named one (the secretariat names one per
 * meeting), else the latest of any kind; null when the board has none.
 */
export async function lastVersion(
  boardId: string,
): Promise<{ version: VersionSummary; roadmap: Roadmap } | null> {
  const { versions: list } = await getJson<{ versions: VersionSummary[] }>(versions(boardId));
  const newest = [...list].sort((a, b) => b.createdAt - a.createdAt);
  const chosen = newest.find((v) => v.kind === 'named') ?? newest[0];
  if (!chosen) return null;
  const { roadmap } = await getJson<{ roadmap: unknown }>(
    `${versions(boardId)}/${encodeURIComponent(chosen.id)}`,
  );
  // Tolerant (a version an older server stored may hold a bad record): the pack still compares.
  return { version: chosen, roadmap: repairRoadmap(roadmap).roadmap };
}
