import type { BoardMembership, BoardRole } from '@fdr/model';
import { lazy, Suspense, useEffect, useState } from 'react';
import { me, type User } from './account/accountApi.ts';
import { InvitePage } from './account/InvitePage.tsx';
import { MembersPage } from './account/MembersPage.tsx';
import { ResetPage } from './account/ResetPage.tsx';
import { SetupPage } from './account/SetupPage.tsx';
import { SignInPage } from './account/SignInPage.tsx';
import { CheckinVersionPages, isCheckinVersionRoute } from './CheckinVersionPages.tsx';
import { Home } from './Home.tsx';
import { strings } from './i18n/strings.ts';
import { useLang } from './i18n/useLang.ts';
import { LangSwitch } from './LangSwitch.tsx';
import { Link } from './Link.tsx';
import { MailPreferencesPage } from './mail/MailPreferencesPage.tsx';
import { isMeetingRoute, MeetingPages } from './meetings/MeetingPages.tsx';
import { SecurityPage } from './mfa/SecurityPage.tsx';
import { isPublic, navigate, useRoute } from './router.ts';

type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-in'; user: User; memberships: BoardMembership[] }
  /** For `path`: a redirect only follows the answer for the page being shown. */
  | { kind: 'signed-out'; path: string }
  /** The server cannot be reached: the page works from its offline copy; the server decides later. */
  | { kind: 'offline' };

// The board (tldraw, Yjs and their assets) is its own chunk: the home page never downloads it.
const loadBoardPage = () => import('./board/BoardPage.tsx');
const BoardPage = lazy(loadBoardPage);
// The table view and the meeting pack load the board's model and sync code, not the canvas.
const loadTablePage = () => import('./table/TablePage.tsx');
const TablePage = lazy(loadTablePage);
const PackPage = lazy(() => import('./pack/PackPage.tsx'));
const StructurePage = lazy(() => import('./structure/StructurePage.tsx'));

/**
 * Starts downloading a lazy page's code while the session is being asked for, instead of after:
 * the board's chunk is most of a board's first render. Only for the page being opened, so the
 * home page still never downloads the canvas.
 */
function preloadPage(name: ReturnType<typeof useRoute>['name']): void {
  const load = name === 'board' ? loadBoardPage : name === 'table' ? loadTablePage : null;
  // A failed download shows when the page itself asks for the module (Suspense); not here.
  load?.().catch(() => {});
}

/** The user's role on a board (administrators act as secretariat); null when unknown. */
function roleOn(session: SessionState, boardId: string): BoardRole | null {
  if (session.kind !== 'signed-in') return null;
  const membership = session.memberships.find((m) => m.boardId === boardId);
  return membership?.role ?? (session.user.isAdmin ? 'secretariat' : null);
}

/** The cards of a task-team member on a board (their check-ins are limited to those). */
function cardsOn(session: SessionState, boardId: string): readonly string[] {
  if (session.kind !== 'signed-in') return [];
  return session.memberships.find((m) => m.boardId === boardId)?.cardIds ?? [];
}

export function App() {
  const [lang, setLang] = useLang();
  const route = useRoute();
  const t = strings[lang];
  const [session, setSession] = useState<SessionState>({ kind: 'loading' });
  const publicPage = isPublic(route);

  // Asked again on every navigation (signing in or out changes it): keyed by the path, a string,
  // because the route object is new at each render. Only the answer for the page being shown
  // may redirect to the sign-in page.
  const path = JSON.stringify(route);
  const routeName = route.name;
  useEffect(() => preloadPage(routeName), [routeName]);
  useEffect(() => {
    if (publicPage) return;
    let live = true;
    me()
      .then((found) => {
        if (!live) return;
        if (found) setSession({ kind: 'signed-in', ...found });
        else {
          setSession({ kind: 'signed-out', path });
          navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
        }
      })
      .catch(() => live && setSession({ kind: 'offline' }));
    return () => {
      live = false;
    };
  }, [publicPage, path]);

  if (route.name === 'signin') return <SignInPage lang={lang} setLang={setLang} />;
  if (route.name === 'setup') return <SetupPage lang={lang} setLang={setLang} />;
  if (route.name === 'invite') return <InvitePage lang={lang} setLang={setLang} />;
  if (route.name === 'reset') return <ResetPage lang={lang} setLang={setLang} />;
  if (session.kind === 'loading' || session.kind === 'signed-out') {
    return (
      <main className="fdr-home">
        <p role="status">{t.loading}</p>
      </main>
    );
  }
  const user = session.kind === 'signed-in' ? session.user : null;
  if (route.name === 'home') return <Home lang={lang} setLang={setLang} user={user} />;
  if (route.name === 'security') return <SecurityPage lang={lang} setLang={setLang} />;
  if (route.name === 'mail') return <MailPreferencesPage lang={lang} setLang={setLang} />;
  if (route.name === 'members')
    return <MembersPage boardId={route.boardId} lang={lang} setLang={setLang} />;
  if (isCheckinVersionRoute(route)) {
    return (
      <CheckinVersionPages
        route={route}
        lang={lang}
        setLang={setLang}
        user={user}
        memberships={session.kind === 'signed-in' ? session.memberships : []}
        role={'boardId' in route ? roleOn(session, route.boardId) : null}
      />
    );
  }
  if (isMeetingRoute(route)) {
    return (
      <MeetingPages
        route={route}
        lang={lang}
        setLang={setLang}
        role={roleOn(session, route.boardId)}
        userId={user?.id ?? null}
      />
    );
  }
  if (route.name === 'structure') {
    return (
      <Suspense fallback={<BoardLoading text={t.boardLoading} />}>
        <StructurePage
          key={route.boardId}
          boardId={route.boardId}
          lang={lang}
          setLang={setLang}
          role={roleOn(session, route.boardId)}
        />
      </Suspense>
    );
  }
  if (route.name === 'table' || route.name === 'pack') {
    const fallback = (
      <main className="fdr-board-message">
        <p role="status">{t.boardLoading}</p>
      </main>
    );
    return (
      <Suspense fallback={fallback}>
        {route.name === 'table' ? (
          <TablePage
            key={route.boardId}
            boardId={route.boardId}
            lang={lang}
            setLang={setLang}
            role={roleOn(session, route.boardId)}
            cardIds={cardsOn(session, route.boardId)}
            userId={user?.id ?? null}
          />
        ) : (
          <PackPage key={route.boardId} boardId={route.boardId} lang={lang} setLang={setLang} />
        )}
      </Suspense>
    );
  }
  if (route.name === 'board') {
    return (
      <Suspense
        fallback={
          <main className="fdr-board-message">
            <p role="status">{t.boardLoading}</p>
          </main>
        }
      >
        <BoardPage
          key={route.boardId}
          boardId={route.boardId}
          lang={lang}
          setLang={setLang}
          role={roleOn(session, route.boardId)}
          cardIds={cardsOn(session, route.boardId)}
          userName={user?.name ?? null}
          userId={user?.id ?? null}
        />
      </Suspense>
    );
  }
  return (
    <main className="fdr-home">
      <header className="fdr-home__header">
        <h1>{t.title}</h1>
        <LangSwitch lang={lang} setLang={setLang} />
      </header>
      <p role="alert">{t.boardNotFound}</p>
      <Link href="/">{t.back}</Link>
    </main>
  );
}

/** What a lazy board page shows while its code loads. */
function BoardLoading({ text }: { text: string }) {
  return (
    <main className="fdr-board-message">
      <p role="status">{text}</p>
    </main>
  );
}
