import { type BoardRole, canAdminister, localize } from '@fdr/model';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { BoardPageProps } from '../BoardPageProps.ts';
import { errorText } from '../errorText.ts';
import { checkinStrings } from '../i18n/checkinStrings.ts';
import { format, formatDate } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { AskCheckinButton, MailOutbox, ReminderScheduleForm } from '../mail/BoardMailTools.tsx';
import { serverMail } from '../mail/mailApi.ts';
import { mailStrings } from '../mail/mailStrings.ts';
import { OverdueActions } from '../meetings/OverdueActions.tsx';
import { myTeamsPath } from '../router.ts';
import { BoardSubpage } from './BoardSubpage.tsx';
import { type BoardCheckins, boardCheckins } from './checkinApi.ts';
import { LocalizedText } from './LocalizedText.tsx';
import { reminderText } from './reminderText.ts';
import { OverdueMark, StatusChip } from './StatusChip.tsx';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; data: BoardCheckins };

/**
 * The latest check-in of every task team of a board, overdue ones marked; for the secretariat,
 * the overdue teams and a reminder to send them, in both languages.
 */
export function StatusPage({
  boardId,
  lang,
  setLang,
  role,
}: BoardPageProps & {
  role: BoardRole | null;
}) {
  const t = checkinStrings[lang];
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [overdueOnly, setOverdueOnly] = useState(false);

  const load = useCallback(() => {
    boardCheckins(boardId)
      .then((data) => setLoaded({ kind: 'ready', data }))
      .catch((error) => setLoaded({ kind: 'error', message: errorText(error, lang) }));
  }, [boardId, lang]);
  useEffect(load, [load]);

  const data = loaded.kind === 'ready' ? loaded.data : null;
  const overdue = data?.cards.filter((card) => card.stale) ?? [];
  const rows = (overdueOnly ? overdue : data?.cards) ?? [];
  const days = data?.board.staleAfterDays ?? 60;

  return (
    <BoardSubpage
      boardId={boardId}
      page="status"
      title={t.statusTitle}
      lang={lang}
      setLang={setLang}
      className="fdr-status-page"
    >
      <p>{format(t.statusIntro, { days })}</p>
      <div aria-live="polite">
        {loaded.kind === 'loading' && <p>{strings[lang].loading}</p>}
        {loaded.kind === 'error' && (
          <p role="alert" className="fdr-error">
            {format(t.loadFailed, { message: loaded.message })}
          </p>
        )}
      </div>
      {data && (
        <>
          <fieldset className="fdr-filter fdr-no-print">
            <legend className="fdr-sr-only">{t.filterLabel}</legend>
            <label className="fdr-radio">
              <input
                type="radio"
                name={`${id}-filter`}
                checked={!overdueOnly}
                onChange={() => setOverdueOnly(false)}
              />
              {format(t.filterAll, { count: data.cards.length })}
            </label>
            <label className="fdr-radio">
              <input
                type="radio"
                name={`${id}-filter`}
                checked={overdueOnly}
                onChange={() => setOverdueOnly(true)}
                data-testid="filter-overdue"
              />
              {format(t.filterOverdue, { count: overdue.length })}
            </label>
          </fieldset>
          <table className="fdr-table" data-testid="status-table">
            <caption className="fdr-sr-only">{t.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colTeam}</th>
                <th scope="col">{t.colPlace}</th>
                <th scope="col">{t.colStatus}</th>
                <th scope="col">{t.colDate}</th>
                <th scope="col">{t.colMilestone}</th>
                <th scope="col">{t.colOverdue}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((card) => {
                const latest = card.latestStatus;
                const milestone = latest?.nextMilestone;
                return (
                  <tr key={card.id} data-card-id={card.id} data-stale={card.stale}>
                    <th scope="row">
                      <LocalizedText text={card.title} lang={lang} />
                    </th>
                    <td data-label={t.colPlace}>
                      {format(t.cardPlace, {
                        domain: localize(card.domain, lang),
                        phase: localize(card.phase, lang),
                      })}
                    </td>
                    <td data-label={t.colStatus}>
                      <StatusChip status={latest?.status ?? null} lang={lang} />
                      {latest?.progress != null && ` ${latest.progress} %`}
                    </td>
                    <td data-label={t.colDate}>{latest ? formatDate(latest.at, lang) : '—'}</td>
                    <td data-label={t.colMilestone}>
                      {milestone ? (
                        <>
                          <LocalizedText text={milestone.label} lang={lang} />
                          {milestone.targetDate && ` (${formatDate(milestone.targetDate, lang)})`}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td data-label={t.colOverdue}>
                      {card.stale ? <OverdueMark lang={lang} days={days} /> : t.notOverdue}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <OverdueActions boardId={boardId} lang={lang} />
          {canAdminister(role) && (
            <Reminder boardId={boardId} data={data} overdue={overdue} lang={lang} days={days} />
          )}
          {canAdminister(role) && <ReminderScheduleForm boardId={boardId} lang={lang} />}
          {canAdminister(role) && <MailOutbox boardId={boardId} lang={lang} />}
        </>
      )}
    </BoardSubpage>
  );
}

function Reminder({
  boardId,
  data,
  overdue,
  lang,
  days,
}: {
  boardId: string;
  data: BoardCheckins;
  overdue: BoardCheckins['cards'];
  lang: Lang;
  days: number;
}) {
  const t = checkinStrings[lang];
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  // Without mail on the server, the text below is the way to remind them.
  const [mailOn, setMailOn] = useState<boolean | null>(null);
  useEffect(() => {
    void serverMail().then(setMailOn);
  }, []);
  const text = reminderText(
    overdue.map((card) => ({ title: card.title, lastAt: card.latestStatus?.at ?? null })),
    { days, link: `${location.origin}${myTeamsPath}`, boardTitle: data.board.title },
  );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
    } catch {
      // No clipboard permission (or an old browser): select the text for Ctrl+C.
      area.current?.select();
      setCopyState('failed');
    }
  };
  return (
    <section className="fdr-card-section fdr-reminder" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{format(t.remindersHeading, { count: overdue.length })}</h2>
      {overdue.length === 0 ? (
        <p>{t.remindersNone}</p>
      ) : (
        <>
          <AskCheckinButton
            boardId={boardId}
            cardIds={overdue.map((card) => card.id)}
            lang={lang}
          />
          {mailOn === false && (
            <p className="fdr-mail-off" role="note" data-testid="reminder-mail-off">
              {mailStrings[lang].mailOffReminder}
            </p>
          )}
          <p id={`${id}-intro`}>{t.reminderIntro}</p>
          <div className="fdr-field">
            <label htmlFor={`${id}-text`}>{t.reminderLabel}</label>
            <textarea
              ref={area}
              id={`${id}-text`}
              readOnly
              value={text}
              aria-describedby={`${id}-intro`}
              data-testid="reminder-text"
            />
          </div>
          <button
            type="button"
            className="fdr-button fdr-button--primary"
            onClick={() => void copy()}
            data-testid="reminder-copy"
          >
            {t.copy}
          </button>
        </>
      )}
      <p role="status" className="fdr-hint">
        {copyState === 'copied' ? t.copied : copyState === 'failed' ? t.copyFailed : ''}
      </p>
    </section>
  );
}
