import './checkins.css';
import { type Localized, localize } from '@fdr/model';
import { type ReactNode, useEffect, useState } from 'react';
import { getBoard } from '../api.ts';
import { checkinStrings } from '../i18n/checkinStrings.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { versionStrings } from '../i18n/versionStrings.ts';
import { LangSwitch } from '../LangSwitch.tsx';
import { Link } from '../Link.tsx';
import { meetingStrings } from '../meetings/meetingStrings.ts';
import {
  boardPath,
  decisionsPath,
  meetingsPath,
  sincePath,
  statusPath,
  versionsPath,
} from '../router.ts';

export type SubpageName = 'status' | 'since' | 'versions' | 'version' | 'meetings' | 'decisions';

/** The board's title from the catalog (null while unknown). */
function useBoardTitle(boardId: string): Localized | null {
  const [title, setTitle] = useState<Localized | null>(null);
  useEffect(() => {
    let live = true;
    getBoard(boardId)
      .then((entry) => live && setTitle(entry?.title ?? null))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [boardId]);
  return title;
}

/**
 * The frame of a board's report pages (status, since the last meeting, versions): the page title,
 * the board it belongs to, links between them and back to the canvas. Printing keeps the content.
 */
export function BoardSubpage({
  boardId,
  page,
  title,
  lang,
  setLang,
  className = '',
  children,
}: {
  boardId: string;
  page: SubpageName;
  title: string;
  lang: Lang;
  setLang: (lang: Lang) => void;
  className?: string;
  children: ReactNode;
}) {
  const c = checkinStrings[lang];
  const v = versionStrings[lang];
  const boardTitle = useBoardTitle(boardId);
  const boardName = boardTitle ? localize(boardTitle, lang) : '';
  useEffect(() => {
    document.title = [title, boardName, strings[lang].title].filter(Boolean).join(' — ');
  }, [title, boardName, lang]);
  const links: { page: SubpageName; href: string; label: string }[] = [
    { page: 'status', href: statusPath(boardId), label: c.navStatus },
    { page: 'since', href: sincePath(boardId), label: c.navSince },
    { page: 'versions', href: versionsPath(boardId), label: v.navVersions },
    { page: 'meetings', href: meetingsPath(boardId), label: meetingStrings[lang].navMeetings },
    { page: 'decisions', href: decisionsPath(boardId), label: meetingStrings[lang].navDecisions },
  ];
  return (
    <main className={`fdr-home fdr-subpage ${className}`}>
      <header className="fdr-home__header">
        <div>
          <h1>{title}</h1>
          {boardName && (
            <p className="fdr-subpage__board" data-testid="subpage-board">
              {boardName}
            </p>
          )}
        </div>
        <LangSwitch lang={lang} setLang={setLang} />
      </header>
      <nav className="fdr-subnav fdr-no-print" aria-label={boardName || v.backToBoard}>
        <Link href={boardPath(boardId)}>
          <span aria-hidden="true">← </span>
          {v.backToBoard}
        </Link>
        {links.map((link) => (
          <Link
            key={link.page}
            href={link.href}
            aria-current={link.page === page ? 'page' : undefined}
          >
            {link.label}
          </Link>
        ))}
      </nav>
      {children}
    </main>
  );
}
