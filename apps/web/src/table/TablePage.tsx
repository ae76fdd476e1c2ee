import '../board/board.css';
import '../cards/cards.css';
import './table.css';
import { type BoardRole, canAdminister, localize } from '@fdr/model';
import { useEffect } from 'react';
import type { BoardPageProps } from '../BoardPageProps.ts';
import { LiveReadProblems } from '../board/LiveReadProblems.tsx';
import { RoleNotice } from '../board/RoleNotice.tsx';
import { SyncBadge } from '../board/SyncBadge.tsx';
import { useBoardSession } from '../board/useBoardSession.ts';
import { accountStrings } from '../i18n/accountStrings.ts';
import { strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { LangSwitch } from '../LangSwitch.tsx';
import { Link } from '../Link.tsx';
import { membersPath } from '../router.ts';
import { TableBody } from './TableBody.tsx';
import { ViewSwitch } from './ViewSwitch.tsx';

/**
 * The table view of a live board (`/b/:id/table`): the same Y.Doc as the canvas (IndexedDB cache
 * and websocket), shown as tables a screen reader and a keyboard can work with fully: filters and
 * sort in the address, editing in the rows, moves and check-ins through dialogs, others' changes
 * announced politely.
 */
export default function TablePage({
  boardId,
  lang,
  setLang,
  role = null,
  cardIds = [],
  userId = null,
}: BoardPageProps & {
  /** null when unknown (offline): the table is read-only then, the server decides later. */
  role?: BoardRole | null;
  /** The task teams (card ids) of a task-team member. */
  cardIds?: readonly string[];
  /** The signed-in account, for the conversations (their own comments). */
  userId?: string | null;
}) {
  const s = strings[lang];
  const t = tableStrings[lang];
  // Followed live, as on the canvas: row editing and dialogs come and go with the role.
  const {
    session,
    status,
    roadmap,
    role: liveRole,
    notice,
    dismiss,
    blocker,
  } = useBoardSession(boardId, 'table', role, lang);
  const currentRole = liveRole === 'none' ? null : liveRole;

  const boardTitle = roadmap ? localize(roadmap.board.title, lang) : '';
  useEffect(() => {
    document.title = boardTitle ? `${t.tableTitle} — ${boardTitle} — ${s.title}` : s.title;
  }, [boardTitle, t.tableTitle, s.title]);

  return (
    <div className="fdr-table-page">
      <a href="#fdr-table-main" className="fdr-skip-link">
        {t.tableTitle}
      </a>
      <header className="fdr-topbar">
        <Link href="/" className="fdr-topbar__back">
          <span aria-hidden="true">← </span>
          {s.back}
        </Link>
        <h1 className="fdr-topbar__title" data-testid="board-title">
          {boardTitle || s.title}
        </h1>
        <ViewSwitch boardId={boardId} current="table" lang={lang} />
        {canAdminister(currentRole) && (
          <Link href={membersPath(boardId)} className="fdr-button fdr-button--quiet">
            {accountStrings[lang].membersTitle}
          </Link>
        )}
        {session && <SyncBadge connection={session.connection} lang={lang} />}
        <LangSwitch lang={lang} setLang={setLang} />
      </header>
      {notice && <RoleNotice notice={notice} lang={lang} onDismiss={dismiss} />}
      <LiveReadProblems view={session?.view} lang={lang} />
      {blocker ? (
        <main className="fdr-board-message" id="fdr-table-main">
          <p role="alert">{blocker}</p>
          <Link href="/">{s.back}</Link>
        </main>
      ) : session && status === 'ready' && roadmap ? (
        <TableBody
          session={session}
          roadmap={roadmap}
          boardId={boardId}
          lang={lang}
          role={currentRole}
          cardIds={cardIds}
          userId={userId}
        />
      ) : (
        <main className="fdr-board-message" id="fdr-table-main">
          <p role="status">{s.boardLoading}</p>
        </main>
      )}
    </div>
  );
}
