import type { BoardRole } from '@fdr/model';

/** Who reads a thread: their account id and role on the board (null: not known, offline). */
export interface CommentViewer {
  userId: string | null;
  role: BoardRole | 'none' | null;
}

/**
 * Secretariat, council and task-team members write in any thread (a conversation is not an
 * edit); observers read. An unknown role keeps the composer: the server decides.
 */
export function mayComment(viewer: CommentViewer): boolean {
  return viewer.role !== 'observer' && viewer.role !== 'none';
}

/** The secretariat (administrators act as it) hides someone's comment. */
export function mayHide(viewer: CommentViewer): boolean {
  return viewer.role === 'secretariat';
}
