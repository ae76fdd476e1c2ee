import type { BoardRole } from '@fdr/model';
import type { Lang } from '../i18n/strings.ts';
import type { Route } from '../router.ts';
import { DecisionsPage } from './DecisionsPage.tsx';
import { MeetingPage } from './MeetingPage.tsx';
import { MeetingsPage } from './MeetingsPage.tsx';

type MeetingRoute = Extract<Route, { name: 'meetings' | 'meeting' | 'decisions' }>;

export function isMeetingRoute(route: Route): route is MeetingRoute {
  return route.name === 'meetings' || route.name === 'meeting' || route.name === 'decisions';
}

/** The pages of meetings: the list, one meeting, the decisions register. */
export function MeetingPages({
  route,
  lang,
  setLang,
  role,
  userId,
}: {
  route: MeetingRoute;
  lang: Lang;
  setLang: (lang: Lang) => void;
  role: BoardRole | null;
  userId: string | null;
}) {
  const props = { boardId: route.boardId, lang, setLang, role, userId };
  switch (route.name) {
    case 'meetings':
      return <MeetingsPage {...props} />;
    case 'meeting':
      return <MeetingPage key={route.meetingId} {...props} meetingId={route.meetingId} />;
    case 'decisions':
      return <DecisionsPage {...props} />;
  }
}
