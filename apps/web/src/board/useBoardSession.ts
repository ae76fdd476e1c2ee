import { roleStrings } from '../i18n/roleStrings.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import type { LiveRole } from './liveRole.ts';
import { useLiveBoard } from './useLiveBoard.ts';
import { useLiveRole } from './useLiveRole.ts';

/**
 * What a live board page (canvas or table) works from: the board, opened and kept in sync, and the
 * person's role on it, followed live; `blocker` is the one message shown instead of the board when
 * it cannot be (no access, not found, the role removed...), in the page's language.
 */
export function useBoardSession(
  boardId: string,
  page: 'canvas' | 'table' | 'structure',
  initialRole: LiveRole,
  lang: Lang,
) {
  const live = useLiveBoard(boardId, page);
  const { board: session, status, roadmap, blocker: blockerKey } = live;
  const { role, notice, dismiss } = useLiveRole(
    boardId,
    session,
    live.reopenFromServer,
    initialRole,
  );
  const blocker =
    notice?.kind === 'removed'
      ? roleStrings[lang].roleRemoved
      : blockerKey
        ? strings[lang][blockerKey]
        : null;
  return { session, status, roadmap, role, notice, dismiss, blocker };
}
