import { checkinStrings } from '../i18n/checkinStrings.ts';
import type { Lang } from '../i18n/strings.ts';
import { versionStrings } from '../i18n/versionStrings.ts';
import { Link } from '../Link.tsx';
import { meetingStrings } from '../meetings/meetingStrings.ts';
import { meetingsPath, sincePath, statusPath, versionsPath } from '../router.ts';

/** The board's report pages, from its top bar: status, since the last meeting, versions, meetings. */
export function ReportLinks({ boardId, lang }: { boardId: string; lang: Lang }) {
  return (
    <nav className="fdr-topbar__reports" aria-label={checkinStrings[lang].navReports}>
      <Link href={statusPath(boardId)} data-testid="nav-status">
        {checkinStrings[lang].navStatus}
      </Link>
      <Link href={sincePath(boardId)} data-testid="nav-since">
        {checkinStrings[lang].navSince}
      </Link>
      <Link href={versionsPath(boardId)} data-testid="nav-versions">
        {versionStrings[lang].navVersions}
      </Link>
      <Link href={meetingsPath(boardId)} data-testid="nav-meetings">
        {meetingStrings[lang].navMeetings}
      </Link>
    </nav>
  );
}
