import './checkins.css';
import { BOARD_ROLE_LABELS, type BoardMembership, localize } from '@fdr/model';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { User } from '../account/accountApi.ts';
import { UserMenu } from '../account/UserMenu.tsx';
import { type BoardEntry, listBoards } from '../api.ts';
import { errorText } from '../errorText.ts';
import { checkinStrings } from '../i18n/checkinStrings.ts';
import { format, formatDate, formatTime } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { LangSwitch } from '../LangSwitch.tsx';
import { Link } from '../Link.tsx';
import { MyActions } from '../meetings/MyActions.tsx';
import { recordStrings } from '../meetings/recordStrings.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { boardPath } from '../router.ts';
import { CheckinForm } from './CheckinForm.tsx';
import { CheckinHistory } from './CheckinHistory.tsx';
import { type BoardCheckins, boardCheckins, type CardStatus } from './checkinApi.ts';
import { LocalizedText } from './LocalizedText.tsx';
import { OverdueMark, StatusChip } from './StatusChip.tsx';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | {
      kind: 'ready';
      teams: BoardCheckins[];
      others: { membership: BoardMembership; board?: BoardEntry }[];
    };

/**
 * "My task teams": a task-team member's cards on every board, each with its latest status and a
 * check-in form. Made for a phone: no canvas, no Yjs, one column, large targets.
 */
export function MyTeamsPage({
  lang,
  setLang,
  user,
  memberships,
}: {
  lang: Lang;
  setLang: (lang: Lang) => void;
  user: User | null;
  memberships: BoardMembership[];
}) {
  const t = checkinStrings[lang];
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  const teamBoards = memberships.filter((m) => m.role === 'task-team').map((m) => m.boardId);
  // A council or secretariat member without a task team comes here for their actions.
  const pageTitle =
    teamBoards.length > 0 || memberships.length === 0
      ? t.myTeamsTitle
      : recordStrings[lang].myPageTitle;
  useEffect(() => {
    document.title = `${pageTitle} — ${strings[lang].title}`;
  }, [pageTitle, lang]);

  const key = JSON.stringify(memberships);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the memberships' content
  const load = useCallback(async () => {
    try {
      const [teams, boards] = await Promise.all([
        Promise.all(teamBoards.map((boardId) => boardCheckins(boardId, { mine: true }))),
        memberships.some((m) => m.role !== 'task-team') ? listBoards() : Promise.resolve([]),
      ]);
      const others = memberships
        .filter((m) => m.role !== 'task-team')
        .map((membership) => {
          const board = boards.find((b) => b.id === membership.boardId);
          return board ? { membership, board } : { membership };
        });
      setLoaded({ kind: 'ready', teams, others });
    } catch (error) {
      setLoaded({ kind: 'error', message: errorText(error, lang) });
    }
  }, [key]);
  useEffect(() => {
    void load();
  }, [load]);

  const cardCount =
    loaded.kind === 'ready' ? loaded.teams.reduce((n, team) => n + team.cards.length, 0) : 0;

  return (
    <main className="fdr-home fdr-myteams">
      <header className="fdr-home__header">
        <h1>{pageTitle}</h1>
        <div className="fdr-home__tools">
          {user && <NotificationBell lang={lang} />}
          {user && <UserMenu user={user} lang={lang} />}
          <LangSwitch lang={lang} setLang={setLang} />
        </div>
      </header>
      <nav className="fdr-myteams__nav">
        <Link href="/">{t.allBoards}</Link>
      </nav>
      {teamBoards.length > 0 && <p className="fdr-home__tagline">{t.myTeamsIntro}</p>}
      {user && memberships.length > 0 && <MyActions lang={lang} />}
      <div aria-live="polite">
        {loaded.kind === 'loading' && <p>{strings[lang].loading}</p>}
        {loaded.kind === 'error' && (
          <div role="alert">
            <p className="fdr-error">{format(t.loadFailed, { message: loaded.message })}</p>
            <button type="button" className="fdr-button" onClick={() => void load()}>
              {t.retry}
            </button>
          </div>
        )}
        {loaded.kind === 'ready' && loaded.teams.length === 0 && loaded.others.length === 0 && (
          <p className="fdr-empty">{t.myTeamsNone}</p>
        )}
      </div>
      {loaded.kind === 'ready' &&
        loaded.teams.map((team) => (
          <section
            key={team.board.id}
            className="fdr-myteams__board"
            aria-labelledby={`board-${team.board.id}`}
          >
            <h2 id={`board-${team.board.id}`}>
              {format(t.boardHeading, { board: localize(team.board.title, lang) })}
            </h2>
            {team.cards.length === 0 && <p className="fdr-hint">{t.myTeamsNone}</p>}
            {team.cards.map((card) => (
              <TeamCard
                key={card.id}
                boardId={team.board.id}
                card={card}
                staleAfterDays={team.board.staleAfterDays}
                lang={lang}
                startOpen={cardCount === 1}
                onPosted={() => void load()}
              />
            ))}
          </section>
        ))}
      {loaded.kind === 'ready' && loaded.others.length > 0 && (
        <section className="fdr-myteams__others">
          <ul>
            {loaded.others.map(({ membership, board }) => {
              const title = board ? localize(board.title, lang) : membership.boardId;
              return (
                <li key={membership.boardId}>
                  {format(t.myTeamsOtherRole, {
                    board: title,
                    role: BOARD_ROLE_LABELS[membership.role][lang],
                  })}{' '}
                  <Link href={boardPath(membership.boardId)}>
                    {t.openBoard}
                    <span className="fdr-sr-only"> — {title}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </main>
  );
}

function TeamCard({
  boardId,
  card,
  staleAfterDays,
  lang,
  startOpen,
  onPosted,
}: {
  boardId: string;
  card: CardStatus;
  staleAfterDays: number;
  lang: Lang;
  startOpen: boolean;
  onPosted: () => void;
}) {
  const t = checkinStrings[lang];
  const id = useId();
  const [open, setOpen] = useState(startOpen);
  const [focusForm, setFocusForm] = useState(false);
  const [message, setMessage] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const title = localize(card.title, lang);
  const latest = card.latestStatus;

  return (
    <article
      className="fdr-team"
      aria-labelledby={`${id}-title`}
      data-testid="team-card"
      data-card-id={card.id}
    >
      <h3 id={`${id}-title`} className="fdr-team__title">
        <LocalizedText text={card.title} lang={lang} />
      </h3>
      <p className="fdr-hint">
        {format(t.cardPlace, {
          domain: localize(card.domain, lang),
          phase: localize(card.phase, lang),
        })}
      </p>
      <p className="fdr-team__status" data-testid="team-status">
        <StatusChip status={latest?.status ?? null} lang={lang} />
        {latest && <span>{format(t.lastCheckin, { date: formatDate(latest.at, lang) })}</span>}
        {card.stale && <OverdueMark lang={lang} days={staleAfterDays} />}
      </p>
      <p role="status" className="fdr-team__message" data-testid="team-message">
        {message}
      </p>
      {card.mayCheckIn && (
        <button
          ref={toggle}
          type="button"
          className={`fdr-button ${open ? 'fdr-button--quiet' : 'fdr-button--primary'} fdr-button--wide`}
          aria-expanded={open}
          aria-controls={`${id}-form`}
          onClick={() => {
            setOpen(!open);
            setFocusForm(!open);
            setMessage('');
          }}
          data-testid="record-checkin"
        >
          {open ? t.hideForm : t.recordCheckin}
        </button>
      )}
      <div id={`${id}-form`}>
        {open && card.mayCheckIn && (
          <CheckinForm
            boardId={boardId}
            cardId={card.id}
            cardTitle={title}
            lang={lang}
            autoFocus={focusForm}
            onPosted={() => {
              setOpen(false);
              setMessage(format(t.posted, { card: title, time: formatTime(new Date(), lang) }));
              toggle.current?.focus();
              onPosted();
            }}
          />
        )}
      </div>
      <CheckinHistory checkins={card.checkins} lang={lang} headingLevel={4} />
    </article>
  );
}
