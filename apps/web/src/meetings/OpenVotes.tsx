import './meetings.css';
import type { BoardRole, Roadmap } from '@fdr/model';
import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../i18n/strings.ts';
import { listVotes, type Vote, type VoteTarget } from './meetingApi.ts';
import { targetName } from './targetLabel.ts';
import { useMeetingsLive } from './useMeetingsLive.ts';
import { VotePanel } from './VotePanel.tsx';

/**
 * The board's open votes, each as a `VotePanel`, for a view that is not a meeting page (the
 * table): council members vote from there by keyboard and screen reader. Nothing when none is
 * open; kept current by the live event.
 */
export function OpenVotes({
  boardId,
  roadmap,
  lang,
  role,
}: {
  boardId: string;
  roadmap: Roadmap;
  lang: Lang;
  role: BoardRole | null;
}) {
  const [votes, setVotes] = useState<Vote[]>([]);
  const load = useCallback(() => {
    listVotes(boardId)
      .then(setVotes)
      // Votes are an addition to the table: without them, the table still works.
      .catch(() => {});
  }, [boardId]);
  useEffect(load, [load]);
  useMeetingsLive(boardId, null, load);
  const open = votes.filter((vote) => vote.state === 'open');
  if (open.length === 0) return null;
  const labelOf = (target: VoteTarget) => targetName(roadmap, target, lang);
  return (
    <div className="fdr-table-votes">
      {open.map((vote) => (
        <VotePanel
          key={vote.id}
          boardId={boardId}
          vote={vote}
          lang={lang}
          role={role}
          labelOf={labelOf}
          headingLevel={2}
          onChange={(next) => setVotes((list) => list.map((x) => (x.id === next.id ? next : x)))}
        />
      ))}
    </div>
  );
}
