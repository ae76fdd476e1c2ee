import { useEffect, useState } from 'react';
import { boardCards } from '../account/accountApi.ts';
import { compareVersions, listVersions } from '../versions/versionApi.ts';
import { namesFromRoadmap, type TargetNames } from './targetNames.ts';

/**
 * The names of a board's cards, items and domains, without opening its live document (no canvas
 * code on these pages). The board as it is now comes with a comparison against its newest version,
 * as on the "since the last meeting" page; the version's own names cover what was removed since.
 * A board without any version has no decision yet: its cards and domains are enough.
 */
export async function loadTargetNames(boardId: string): Promise<TargetNames> {
  const versions = await listVersions(boardId);
  const newest = versions[0];
  if (newest) {
    const compared = await compareVersions(boardId, newest.id, 'now', { roadmaps: true });
    if (compared.roadmaps) {
      return namesFromRoadmap(compared.roadmaps.to, namesFromRoadmap(compared.roadmaps.from));
    }
  }
  const { cards, domains } = await boardCards(boardId);
  const names = new Map<string, { fr: string; en: string }>();
  for (const card of cards) names.set(`card:${card.id}`, card.title);
  for (const domain of domains) names.set(`domain:${domain.id}`, domain.label);
  return names;
}

/** The names, or an empty map while loading or when they could not be read (ids are shown). */
export function useTargetNames(boardId: string): TargetNames {
  const [names, setNames] = useState<TargetNames>(() => new Map());
  useEffect(() => {
    let live = true;
    loadTargetNames(boardId)
      .then((found) => live && setNames(found))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [boardId]);
  return names;
}
