import type { BoardMembership, BoardRole } from '@fdr/model';
import { lazy, Suspense } from 'react';
import type { User } from './account/accountApi.ts';
import { MyTeamsPage } from './checkins/MyTeamsPage.tsx';
import { SinceMeetingPage } from './checkins/SinceMeetingPage.tsx';
import { StatusPage } from './checkins/StatusPage.tsx';
import { type Lang, strings } from './i18n/strings.ts';
import type { Route } from './router.ts';
import { VersionsPage } from './versions/VersionsPage.tsx';

// The read-only canvas needs tldraw: its own chunk, like the board's.
const VersionCanvasPage = lazy(() => import('./versions/VersionCanvasPage.tsx'));

type CheckinVersionRoute = Extract<
  Route,
  { name: 'my-teams' | 'status' | 'since' | 'versions' | 'version' | 'compare' }
>;

export function isCheckinVersionRoute(route: Route): route is CheckinVersionRoute {
  return ['my-teams', 'status', 'since', 'versions', 'version', 'compare'].includes(route.name);
}

/** The pages of check-ins and versions. */
export function CheckinVersionPages({
  route,
  lang,
  setLang,
  user,
  memberships,
  role,
}: {
  route: CheckinVersionRoute;
  lang: Lang;
  setLang: (lang: Lang) => void;
  user: User | null;
  memberships: BoardMembership[];
  /** The user's role on the route's board (administrators: secretariat). */
  role: BoardRole | null;
}) {
  switch (route.name) {
    case 'my-teams':
      return <MyTeamsPage lang={lang} setLang={setLang} user={user} memberships={memberships} />;
    case 'status':
      return <StatusPage boardId={route.boardId} lang={lang} setLang={setLang} role={role} />;
    case 'since':
      return <SinceMeetingPage boardId={route.boardId} lang={lang} setLang={setLang} />;
    case 'versions':
      return <VersionsPage boardId={route.boardId} lang={lang} setLang={setLang} role={role} />;
    case 'version':
    case 'compare':
      return (
        <Suspense
          fallback={
            <main className="fdr-board-message">
              <p role="status">{strings[lang].loading}</p>
            </main>
          }
        >
          <VersionCanvasPage
            key={`${route.versionId}/${route.name === 'compare' ? route.other : ''}`}
            boardId={route.boardId}
            versionId={route.versionId}
            {...(route.name === 'compare' ? { other: route.other } : {})}
            lang={lang}
            setLang={setLang}
          />
        </Suspense>
      );
  }
}
