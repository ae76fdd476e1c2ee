import '../board/board.css';
import '../cards/cards.css';
import '../table/table.css';
import './pack.css';
import { diff, isStale, localize, type Roadmap } from '@fdr/model';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useValue } from 'tldraw';
import type { BoardPageProps } from '../BoardPageProps.ts';
import { BoardView } from '../board/BoardView.ts';
import { LiveReadProblems } from '../board/LiveReadProblems.tsx';
import { SyncBadge } from '../board/SyncBadge.tsx';
import { roleLabelOf, statusLabelOf } from '../cards/labels.ts';
import { commentStrings } from '../comments/commentStrings.ts';
import { Discussions } from '../comments/Discussions.tsx';
import { boardPictureSvg } from '../export/boardPicture.ts';
import { format, formatDate } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { ItemsByPeriod } from '../items/ItemsByPeriod.tsx';
import { itemStrings } from '../items/itemStrings.ts';
import { LangSwitch } from '../LangSwitch.tsx';
import { Link } from '../Link.tsx';
import { BoardConnection } from '../sync/BoardConnection.ts';
import { describeChange, notableChanges } from '../table/describeChange.ts';
import { ViewSwitch } from '../table/ViewSwitch.tsx';
import { PackMeeting } from './PackMeeting.tsx';
import { PackPicture } from './PackPicture.tsx';
import { lastVersion, type VersionSummary } from './packApi.ts';

/** Changes listed in the pack; a longer list ends with "and N more". */
const MAX_CHANGES = 150;

type Since =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; version: VersionSummary; roadmap: Roadmap };

/**
 * The meeting pack (`/b/:id/pack`): one page that prints as the meeting document, in the UI
 * language: the board picture, the status table, the overdue task teams and the changes since
 * the last version. Live like the other views; "Print" gives a clean PDF (see pack.css).
 */
export default function PackPage({ boardId, lang, setLang }: BoardPageProps) {
  const s = strings[lang];
  const t = tableStrings[lang];
  const [session, setSession] = useState<{ connection: BoardConnection; view: BoardView } | null>(
    null,
  );
  useEffect(() => {
    const connection = new BoardConnection({ boardId });
    const view = new BoardView(connection.doc);
    setSession({ connection, view });
    return () => {
      view.dispose();
      connection.destroy();
    };
  }, [boardId]);
  const status = useValue('status', () => session?.view.status.get() ?? 'empty', [session]);
  const roadmap = useValue('roadmap', () => session?.view.roadmap.get() ?? null, [session]);
  const synced = useSyncExternalStore(
    (listener) => session?.connection.subscribe(listener) ?? (() => {}),
    () => session?.connection.synced ?? false,
  );

  const [since, setSince] = useState<Since>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    lastVersion(boardId)
      .then((found) => {
        if (live) setSince(found ? { kind: 'ready', ...found } : { kind: 'none' });
      })
      .catch(() => live && setSince({ kind: 'unavailable' }));
    return () => {
      live = false;
    };
  }, [boardId]);

  const boardTitle = roadmap ? localize(roadmap.board.title, lang) : '';
  const [today] = useState(() => new Date());
  useEffect(() => {
    // The browser offers this as the PDF's file name.
    document.title = boardTitle
      ? `${t.packTitle} — ${boardTitle} — ${today.toISOString().slice(0, 10)}`
      : s.title;
  });

  return (
    <div className="fdr-table-page fdr-pack-page">
      <header className="fdr-topbar fdr-no-print">
        <Link href="/" className="fdr-topbar__back">
          <span aria-hidden="true">← </span>
          {s.back}
        </Link>
        <p className="fdr-topbar__title">{boardTitle || s.title}</p>
        <ViewSwitch boardId={boardId} current="pack" lang={lang} />
        {session && <SyncBadge connection={session.connection} lang={lang} />}
        <LangSwitch lang={lang} setLang={setLang} />
      </header>
      <LiveReadProblems view={session?.view} lang={lang} />
      {roadmap && status === 'ready' ? (
        <Pack boardId={boardId} roadmap={roadmap} lang={lang} since={since} now={today} />
      ) : (
        <main className="fdr-board-message">
          <h1 className="fdr-sr-only">{t.packTitle}</h1>
          <p role="status">{status === 'empty' && synced ? s.boardNotFound : s.boardLoading}</p>
        </main>
      )}
    </div>
  );
}

function Pack({
  boardId,
  roadmap,
  lang,
  since,
  now,
}: {
  boardId: string;
  roadmap: Roadmap;
  lang: Lang;
  since: Since;
  now: Date;
}) {
  const s = strings[lang];
  const t = tableStrings[lang];
  const days = roadmap.board.settings.staleAfterDays;
  const cards = roadmap.cards.filter((c) => !c.archived);
  const domain = (id: string) => roadmap.domains.find((d) => d.id === id);
  const phase = (id: string) => roadmap.phases.find((p) => p.id === id);
  const stale = cards.filter((c) => isStale(c, days, now));
  const picture = useMemo(
    () => boardPictureSvg(roadmap, { lang, now, description: t.packPictureAlt }),
    [roadmap, lang, now, t.packPictureAlt],
  );
  const changes = useMemo(
    () => (since.kind === 'ready' ? notableChanges(diff(since.roadmap, roadmap)) : []),
    [since, roadmap],
  );

  return (
    <main className="fdr-pack" id="fdr-pack" lang={lang}>
      <header className="fdr-pack__header">
        <h1>
          {t.packTitle} — {localize(roadmap.board.title, lang)}
        </h1>
        <p>{format(t.packPrepared, { date: formatDate(now.toISOString(), lang) })}</p>
        <button
          type="button"
          className="fdr-button fdr-button--primary fdr-no-print"
          onClick={() => window.print()}
          data-testid="pack-print"
        >
          {t.packPrint}
        </button>
      </header>

      <PackMeeting boardId={boardId} roadmap={roadmap} lang={lang} />

      <section className="fdr-pack__section fdr-pack__picture" aria-labelledby="pack-picture">
        <h2 id="pack-picture">{t.packPicture}</h2>
        <figure>
          <PackPicture roadmap={roadmap} lang={lang} now={now} screenSvg={picture} />
          <figcaption>{t.packPictureAlt}</figcaption>
        </figure>
      </section>

      <section className="fdr-pack__section" aria-labelledby="pack-items">
        <h2 id="pack-items">{itemStrings[lang].packItems}</h2>
        <ItemsByPeriod roadmap={roadmap} lang={lang} headingId="pack-items" />
      </section>

      <section className="fdr-pack__section" aria-labelledby="pack-status">
        <h2 id="pack-status">{t.packStatus}</h2>
        {/* On a narrow screen the table scrolls in its own box, which the keyboard can reach. */}
        <section
          className="fdr-table-scroll"
          aria-labelledby="pack-status"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box the keyboard must reach
          tabIndex={0}
        >
          <table className="fdr-table fdr-pack__table" data-testid="pack-status-table">
            <caption className="fdr-sr-only">{t.packStatus}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colDomain}</th>
                <th scope="col">{t.colPhase}</th>
                <th scope="col">{t.colTitle}</th>
                <th scope="col">{t.colRole}</th>
                <th scope="col">{t.colStatus}</th>
                <th scope="col">{t.checkinSummary}</th>
                <th scope="col">{t.colMilestone}</th>
              </tr>
            </thead>
            <tbody>
              {cards.map((card) => {
                const latest = card.latestStatus;
                const d = domain(card.domainId);
                const p = phase(card.phaseId);
                return (
                  <tr key={card.id} data-card-id={card.id}>
                    <td>{d ? localize(d.label, lang) : ''}</td>
                    <td>{p ? localize(p.label, lang) : ''}</td>
                    <th scope="row">{localize(card.title, lang)}</th>
                    <td>{roleLabelOf(card.role, lang)}</td>
                    <td>
                      {latest ? (
                        <>
                          <span className={`fdr-status fdr-status--${latest.status}`}>
                            <span className="fdr-status__dot" aria-hidden="true" />
                            {statusLabelOf(latest.status, lang)}
                          </span>{' '}
                          {formatDate(latest.at, lang)}
                          {latest.progress !== null &&
                            ` · ${format(t.progress, { value: latest.progress })}`}
                        </>
                      ) : (
                        s.noCheckin
                      )}
                      {isStale(card, days, now) && (
                        <span className="fdr-stale">
                          {' '}
                          <span aria-hidden="true">⚠ </span>
                          {s.stale}
                        </span>
                      )}
                    </td>
                    <td>{latest ? localize(latest.summary, lang) : ''}</td>
                    <td>
                      {latest?.nextMilestone
                        ? `${localize(latest.nextMilestone.label, lang)}${
                            latest.nextMilestone.targetDate
                              ? ` (${formatDate(latest.nextMilestone.targetDate, lang)})`
                              : ''
                          }`
                        : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </section>

      <section className="fdr-pack__section" aria-labelledby="pack-stale">
        <h2 id="pack-stale">{t.packStale}</h2>
        <p>{format(t.packStaleIntro, { days })}</p>
        {stale.length === 0 ? (
          <p>{t.packStaleNone}</p>
        ) : (
          <ul className="fdr-pack__list" data-testid="pack-stale">
            {stale.map((card) => (
              <li key={card.id}>
                <strong>{localize(card.title, lang)}</strong> —{' '}
                {card.latestStatus
                  ? format(s.lastCheckin, {
                      status: statusLabelOf(card.latestStatus.status, lang),
                      date: formatDate(card.latestStatus.at, lang),
                    })
                  : s.noCheckin}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="fdr-pack__section" aria-labelledby="pack-changes">
        <h2 id="pack-changes">
          {since.kind === 'ready'
            ? format(t.packChanges, {
                name:
                  since.version.name ||
                  formatDate(new Date(since.version.createdAt).toISOString(), lang),
                date: formatDate(new Date(since.version.createdAt).toISOString(), lang),
              })
            : t.packChangesHeading}
        </h2>
        {since.kind === 'loading' && <p role="status">{t.packChangesLoading}</p>}
        {since.kind === 'none' && <p>{t.packChangesNoVersion}</p>}
        {since.kind === 'unavailable' && <p>{t.packChangesUnavailable}</p>}
        {since.kind === 'ready' &&
          (changes.length === 0 ? (
            <p>{t.packChangesNone}</p>
          ) : (
            <ul className="fdr-pack__list" data-testid="pack-changes">
              {changes.slice(0, MAX_CHANGES).map((change, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a computed list, in order
                <li key={index}>{describeChange(change, lang)}</li>
              ))}
              {changes.length > MAX_CHANGES && (
                <li>{format(t.packChangesMore, { count: changes.length - MAX_CHANGES })}</li>
              )}
            </ul>
          ))}
      </section>

      {since.kind === 'ready' && (
        <div className="fdr-pack__section" data-testid="pack-discussions">
          <Discussions
            boardId={boardId}
            since={since.version.createdAt}
            lang={lang}
            roadmap={roadmap}
            heading={commentStrings[lang].discussionsPack}
          />
        </div>
      )}
    </main>
  );
}
