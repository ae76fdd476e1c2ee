import { readTolerant } from '@fdr/model';
import type { Bilingual } from '../mail/MailKind.ts';
import type { BoardRegistry } from '../sync/BoardRegistry.ts';
import type { TargetKind } from './CommentStore.ts';

export interface CommentTarget {
  label: Bilingual;
  /** Cards whose task teams follow this target: the card, or the item's linked cards. */
  teamCardIds: string[];
}

export interface BoardTargets {
  boardTitle: Bilingual;
  target(kind: TargetKind, id: string): CommentTarget | null;
}

/**
 * What comments may be about on a board: its cards (archived ones too, their threads stay) and
 * its roadmap items, read from the board's document as any reader sees it.
 */
export async function boardTargets(
  registry: BoardRegistry,
  boardId: string,
): Promise<BoardTargets> {
  const board = await registry.acquire(boardId);
  try {
    const { roadmap } = readTolerant(board.doc);
    const cards = new Map(roadmap.cards.map((card) => [card.id, card]));
    const items = new Map(roadmap.items.map((item) => [item.id, item]));
    const title = roadmap.board.title;
    return {
      boardTitle: { fr: title.fr, en: title.en },
      target(kind, id) {
        if (kind === 'card') {
          const card = cards.get(id);
          return card ? { label: { ...card.title }, teamCardIds: [card.id] } : null;
        }
        const item = items.get(id);
        return item ? { label: { ...item.label }, teamCardIds: [...item.cardIds] } : null;
      },
    };
  } finally {
    registry.release(boardId);
  }
}
