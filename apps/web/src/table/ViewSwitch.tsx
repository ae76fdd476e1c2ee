import './viewSwitch.css';
import type { MouseEvent } from 'react';
import { markedState } from '../comments/threadInUrl.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { boardPath, navigate, packPath, tablePath } from '../router.ts';
import { cardFromSearch, withCard } from './selectionInUrl.ts';

export type BoardViewName = 'canvas' | 'table' | 'pack';

/**
 * The board's three views (whiteboard, table, meeting pack) as links; the selected card goes
 * along (read from the address when the link is followed, as it changes with the selection).
 */
export function ViewSwitch({
  boardId,
  current,
  lang,
}: {
  boardId: string;
  current: BoardViewName;
  lang: 'fr' | 'en';
}) {
  const t = tableStrings[lang];
  const views: { name: BoardViewName; label: string; path: string }[] = [
    { name: 'canvas', label: t.viewCanvas, path: boardPath(boardId) },
    { name: 'table', label: t.viewTable, path: tablePath(boardId) },
    { name: 'pack', label: t.viewPack, path: packPath(boardId) },
  ];
  const follow = (path: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(`${path}${withCard('', cardFromSearch(location.search))}`, markedState(null));
  };
  return (
    <nav className="fdr-view-switch" aria-label={t.views} data-testid="view-switch">
      {views.map((view) => (
        <a
          key={view.name}
          href={view.path}
          className="fdr-view-switch__link"
          aria-current={view.name === current ? 'page' : undefined}
          onClick={follow(view.path)}
          data-testid={`view-${view.name}`}
        >
          {view.label}
        </a>
      ))}
    </nav>
  );
}
