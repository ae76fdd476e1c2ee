import '../board/board.css';
import './structure.css';
import { type BoardRole, canAdminister, localize } from '@fdr/model';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import type { BoardPageProps } from '../BoardPageProps.ts';
import { LiveReadProblems } from '../board/LiveReadProblems.tsx';
import { RoleNotice } from '../board/RoleNotice.tsx';
import { SyncBadge } from '../board/SyncBadge.tsx';
import { UndoButtons } from '../board/UndoButtons.tsx';
import { useBoardSession } from '../board/useBoardSession.ts';
import { useUndoState } from '../board/useUndoState.ts';
import { strings } from '../i18n/strings.ts';
import { LangSwitch } from '../LangSwitch.tsx';
import { Link } from '../Link.tsx';
import { boardPath } from '../router.ts';
import { StructureEditor } from './StructureEditor.tsx';
import { structureStrings } from './structureStrings.ts';

/**
 * The board's structure (`/b/:id/structure`): the same live board as the canvas and the table,
 * its domains of interest, phases and periods as lists a keyboard and a screen reader work with.
 * The secretariat changes them (the server puts back anyone else's change); everyone else reads.
 */
export default function StructurePage({
  boardId,
  lang,
  setLang,
  role = null,
}: BoardPageProps & { role?: BoardRole | null }) {
  const s = strings[lang];
  const t = structureStrings[lang];
  const {
    session,
    status,
    roadmap,
    role: liveRole,
    notice,
    dismiss,
    blocker,
  } = useBoardSession(boardId, 'structure', role, lang);
  const currentRole = liveRole === 'none' ? null : liveRole;
  const editable = canAdminister(currentRole);

  const boardTitle = roadmap ? localize(roadmap.board.title, lang) : '';
  useEffect(() => {
    document.title = boardTitle ? `${t.pageTitle} — ${boardTitle} — ${s.title}` : s.title;
  }, [boardTitle, t.pageTitle, s.title]);

  return (
    <div className="fdr-structure-page">
      <header className="fdr-topbar">
        <Link href={boardPath(boardId)} className="fdr-topbar__back">
          <span aria-hidden="true">← </span>
          {t.backToBoard}
        </Link>
        <p className="fdr-topbar__title" data-testid="board-title">
          {boardTitle || s.title}
        </p>
        {editable && session && <PageUndo undo={session.undo} lang={lang} />}
        {session && <SyncBadge connection={session.connection} lang={lang} />}
        <LangSwitch lang={lang} setLang={setLang} />
      </header>
      {notice && <RoleNotice notice={notice} lang={lang} onDismiss={dismiss} />}
      <LiveReadProblems view={session?.view} lang={lang} />
      <main className="fdr-structure-main" id="fdr-structure-main">
        <h1 id="structure-heading" tabIndex={-1}>
          {t.pageTitle}
        </h1>
        {blocker ? (
          <p role="alert">{blocker}</p>
        ) : session && status === 'ready' && roadmap ? (
          <>
            <p className="fdr-hint">{editable ? t.intro : t.readOnly}</p>
            <StructureEditor
              roadmap={roadmap}
              doc={session.connection.doc}
              origin={session.origin}
              undo={session.undo}
              lang={lang}
              editable={editable}
            />
          </>
        ) : (
          <p role="status">{t.loading}</p>
        )}
      </main>
    </div>
  );
}

/** Undo and Redo of this page's own structure changes. */
function PageUndo({ undo, lang }: { undo: Y.UndoManager; lang: 'fr' | 'en' }) {
  const state = useUndoState(undo);
  return (
    <UndoButtons lang={lang} state={state} onUndo={() => undo.undo()} onRedo={() => undo.redo()} />
  );
}
