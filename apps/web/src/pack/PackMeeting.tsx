import type { Roadmap } from '@fdr/model';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { errorText } from '../errorText.ts';
import { format, formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { actionStateLabel } from '../meetings/actionStateLabel.ts';
import { chosenMeeting } from '../meetings/chosenMeeting.ts';
import {
  getMeeting,
  type LocalizedText,
  listMeetings,
  type Meeting,
  type MeetingDetail,
  type MeetingTarget,
  type Vote,
} from '../meetings/meetingApi.ts';
import { type RecordStrings, recordStrings } from '../meetings/recordStrings.ts';
import { namesFromRoadmap, type TargetNames, targetName } from '../meetings/targetNames.ts';
import { subscribeLive } from '../sync/liveEvents.ts';
import { ballotNames, voteRows } from './packVotes.ts';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'none' }
  | { kind: 'ready'; meetings: Meeting[]; detail: MeetingDetail };

const LANGS = ['fr', 'en'] as const;

/** The UI language first, the other beside it. */
const ordered = (lang: Lang): readonly Lang[] => (lang === 'fr' ? LANGS : ['en', 'fr']);

/** A fixed label in both languages: "Ordre du jour / Agenda". */
function Label({ lang, text }: { lang: Lang; text: (t: RecordStrings, lang: Lang) => string }) {
  return (
    <>
      {ordered(lang).map((l, index) => (
        <span key={l} lang={l}>
          {index > 0 && ' / '}
          {text(recordStrings[l], l)}
        </span>
      ))}
    </>
  );
}

/** A recorded text in both languages, side by side (a missing side says so with a dash). */
function Both({ text, lang }: { text: LocalizedText; lang: Lang }) {
  return (
    <span className="fdr-pack__both">
      {ordered(lang).map((l) => (
        <span key={l} lang={l} className="fdr-pack__side">
          <span className="fdr-pack__lang" aria-hidden="true">
            {l.toUpperCase()}
          </span>{' '}
          {text[l].trim() || '—'}
        </span>
      ))}
    </span>
  );
}

function targetText(target: MeetingTarget, names: TargetNames): LocalizedText {
  return { fr: targetName(target, names, 'fr'), en: targetName(target, names, 'en') };
}

/** `?meeting=<id>` in the pack's address; absent: the latest meeting. */
function wantedMeeting(): string | null {
  return new URLSearchParams(location.search).get('meeting');
}

/**
 * The meeting in the pack: its agenda, the vote results (names for open ballots, counts only for
 * secret ones), the decisions with their versions and the actions, every text in both languages.
 */
export function PackMeeting({
  boardId,
  roadmap,
  lang,
}: {
  boardId: string;
  roadmap: Roadmap;
  lang: Lang;
}) {
  const id = useId();
  const [wanted, setWanted] = useState(wantedMeeting);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const names = useMemo(() => namesFromRoadmap(roadmap), [roadmap]);

  const load = useCallback(async () => {
    try {
      const meetings = await listMeetings(boardId);
      const meeting = chosenMeeting(meetings, wanted);
      if (!meeting) {
        setLoaded({ kind: 'none' });
        return;
      }
      const detail = await getMeeting(boardId, meeting.id);
      setLoaded({ kind: 'ready', meetings, detail });
    } catch (error) {
      setLoaded({ kind: 'error', message: errorText(error, lang) });
    }
  }, [boardId, wanted, lang]);
  useEffect(() => {
    void load();
    return subscribeLive('meetings', (data) => {
      if (data.boardId === boardId) void load();
    });
  }, [boardId, load]);

  const choose = (meetingId: string) => {
    setWanted(meetingId);
    const params = new URLSearchParams(location.search);
    params.set('meeting', meetingId);
    history.replaceState(history.state, '', `${location.pathname}?${params}`);
  };

  const t = recordStrings[lang];
  const headingId = `${id}-meeting`;
  if (loaded.kind !== 'ready') {
    // On screen only: a board without a meeting prints as it did, with no near-empty first page.
    return (
      <section
        className="fdr-pack__section fdr-pack-meeting fdr-no-print"
        aria-labelledby={headingId}
        data-testid="pack-meeting"
      >
        <h2 id={headingId}>
          <Label lang={lang} text={(s) => s.packMeeting} />
        </h2>
        {loaded.kind === 'loading' && <p role="status">{t.packMeetingLoading}</p>}
        {loaded.kind === 'error' && (
          <p role="alert" className="fdr-error">
            {format(t.packMeetingFailed, { message: loaded.message })}
          </p>
        )}
        {loaded.kind === 'none' && (
          <p data-testid="pack-meeting-none">
            <Label lang={lang} text={(s) => s.packMeetingNone} />
          </p>
        )}
      </section>
    );
  }
  const { meeting, votes, decisions, actions } = loaded.detail;
  return (
    <section
      className="fdr-pack__section fdr-pack-meeting"
      aria-labelledby={headingId}
      data-testid="pack-meeting"
      data-meeting-id={meeting.id}
    >
      <h2 id={headingId}>
        <Label lang={lang} text={(s) => s.packMeeting} /> — {formatDate(meeting.heldOn, lang)}
      </h2>
      {loaded.meetings.length > 1 && (
        <div className="fdr-field fdr-no-print">
          <label htmlFor={`${id}-choose`}>{t.packMeetingChoose}</label>
          <select
            id={`${id}-choose`}
            value={meeting.id}
            onChange={(e) => choose(e.target.value)}
            data-testid="pack-meeting-choose"
          >
            {loaded.meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {format(t.meetingOn, {
                  meeting: m.title[lang].trim() || m.title[lang === 'fr' ? 'en' : 'fr'],
                  date: formatDate(m.heldOn, lang),
                })}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="fdr-pack__meeting-title">
        <Both text={meeting.title} lang={lang} />
      </p>

      <section aria-labelledby={`${id}-agenda`} data-testid="pack-agenda">
        <h3 id={`${id}-agenda`}>
          <Label lang={lang} text={(s) => s.packAgenda} />
        </h3>
        {meeting.agenda.length === 0 ? (
          <p>
            <Label lang={lang} text={(s) => s.packAgendaNone} />
          </p>
        ) : (
          <ol className="fdr-pack__list fdr-pack__record">
            {meeting.agenda.map((entry) => {
              // An entry without a title of its own is named by its target.
              const titled = entry.title.fr.trim() !== '' || entry.title.en.trim() !== '';
              return (
                <li key={entry.id}>
                  {titled && <Both text={entry.title} lang={lang} />}
                  {entry.target && (
                    <span className={titled ? 'fdr-pack__meta' : undefined}>
                      <Both text={targetText(entry.target, names)} lang={lang} />
                    </span>
                  )}
                  {entry.minutes !== null && (
                    <span className="fdr-pack__meta">
                      <Label
                        lang={lang}
                        text={(s) => format(s.packMinutes, { minutes: entry.minutes ?? 0 })}
                      />
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby={`${id}-votes`} data-testid="pack-votes">
        <h3 id={`${id}-votes`}>
          <Label lang={lang} text={(s) => s.packVotes} />
        </h3>
        {votes.length === 0 ? (
          <p>
            <Label lang={lang} text={(s) => s.packVotesNone} />
          </p>
        ) : (
          votes.map((vote) => <PackVote key={vote.id} vote={vote} names={names} lang={lang} />)
        )}
      </section>

      <section aria-labelledby={`${id}-decisions`} data-testid="pack-decisions">
        <h3 id={`${id}-decisions`}>
          <Label lang={lang} text={(s) => s.packDecisions} />
        </h3>
        {decisions.length === 0 ? (
          <p>
            <Label lang={lang} text={(s) => s.packDecisionsNone} />
          </p>
        ) : (
          <ol className="fdr-pack__list fdr-pack__record">
            {decisions.map((decision) => (
              <li key={decision.id} data-decision-id={decision.id}>
                <Both text={decision.text} lang={lang} />
                {decision.targets.map((target) => (
                  <span key={`${target.kind}:${target.id}`} className="fdr-pack__meta">
                    <Both text={targetText(target, names)} lang={lang} />
                  </span>
                ))}
                <span className="fdr-pack__meta">
                  <Label lang={lang} text={(s) => s.packVersion} />
                  {' : '}
                  {decision.versionName}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby={`${id}-actions`} data-testid="pack-actions">
        <h3 id={`${id}-actions`}>
          <Label lang={lang} text={(s) => s.packActions} />
        </h3>
        {actions.length === 0 ? (
          <p>
            <Label lang={lang} text={(s) => s.packActionsNone} />
          </p>
        ) : (
          <table className="fdr-table fdr-pack__table">
            <caption className="fdr-sr-only">{t.packActions}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <Label lang={lang} text={(s) => s.colAction} />
                </th>
                <th scope="col">
                  <Label lang={lang} text={(s) => s.colOwner} />
                </th>
                <th scope="col">
                  <Label lang={lang} text={(s) => s.colDue} />
                </th>
                <th scope="col">
                  <Label lang={lang} text={(s) => s.colTarget} />
                </th>
                <th scope="col">
                  <Label lang={lang} text={(s) => s.colState} />
                </th>
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => (
                <tr key={action.id} data-action-id={action.id} data-state={action.state}>
                  <th scope="row">
                    <Both text={action.title} lang={lang} />
                  </th>
                  <td>{action.owner.name}</td>
                  <td>
                    {formatDate(action.dueOn, lang)}
                    {action.overdue && action.state === 'open' && (
                      <>
                        {' '}
                        <strong className="fdr-stale">
                          <span aria-hidden="true">⚠ </span>
                          <Label lang={lang} text={(s) => s.actionOverdue} />
                        </strong>
                      </>
                    )}
                  </td>
                  <td>
                    {action.target ? (
                      <Both text={targetText(action.target, names)} lang={lang} />
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <Label lang={lang} text={(_, l) => actionStateLabel(action.state, l)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}

function PackVote({ vote, names, lang }: { vote: Vote; names: TargetNames; lang: Lang }) {
  const rows = voteRows(vote);
  const hidden = rows.every((row) => row.count === null);
  return (
    <div className="fdr-pack__vote" data-vote-id={vote.id} data-state={vote.state}>
      <p className="fdr-pack__vote-question">
        <Both text={vote.question} lang={lang} />
      </p>
      <p className="fdr-pack__meta">
        <Label
          lang={lang}
          text={(s) =>
            format(vote.voters === 1 ? s.packVotersOne : s.packVoters, { count: vote.voters })
          }
        />
        {vote.secret && (
          <>
            {' · '}
            <Label lang={lang} text={(s) => s.packVoteSecret} />
          </>
        )}
        {hidden && (
          <>
            {' · '}
            <Label lang={lang} text={(s) => s.packVoteOpen} />
          </>
        )}
      </p>
      <ul className="fdr-pack__list">
        {rows.map((row) => {
          const voters = vote.secret ? [] : ballotNames(vote, row.key);
          return (
            <li key={row.key} data-target={row.key}>
              <Both text={targetText(row.target, names)} lang={lang} />
              {row.count !== null && (
                <span className="fdr-pack__meta" data-testid="pack-vote-count">
                  <Label
                    lang={lang}
                    text={(s) =>
                      format(row.count === 1 ? s.packVoteCountOne : s.packVoteCount, {
                        count: row.count ?? 0,
                      })
                    }
                  />
                  {voters.length > 0 && (
                    <>
                      {' — '}
                      <Label lang={lang} text={(s) => s.packVoteBy} />
                      {' : '}
                      {voters.join(', ')}
                    </>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
