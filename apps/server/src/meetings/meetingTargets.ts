import type { TargetKind } from '@fdr/model';
import { readTolerant } from '@fdr/model';
import type { Bilingual } from '../mail/MailKind.ts';
import type { BoardRegistry } from '../sync/BoardRegistry.ts';

export interface MeetingTargets {
  boardTitle: Bilingual;
  has(kind: TargetKind, id: string): boolean;
}

/**
 * What agendas, votes, decisions and actions may point at: the board's cards (archived ones
 * too), roadmap items and domains, read from its document as any reader sees it. Read before
 * a transaction (a transaction runs SQL only).
 */
export async function meetingTargets(
  registry: BoardRegistry,
  boardId: string,
): Promise<MeetingTargets> {
  const board = await registry.acquire(boardId);
  try {
    const { roadmap } = readTolerant(board.doc);
    const ids: Record<TargetKind, Set<string>> = {
      card: new Set(roadmap.cards.map((c) => c.id)),
      item: new Set(roadmap.items.map((i) => i.id)),
      domain: new Set(roadmap.domains.map((d) => d.id)),
    };
    const title = roadmap.board.title;
    return {
      boardTitle: { fr: title.fr, en: title.en },
      has: (kind, id) => ids[kind].has(id),
    };
  } finally {
    registry.release(boardId);
  }
}
