import './meetings.css';
import { canAdminister, MEETING_TITLE_MAX } from '@fdr/model';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { BoardSubpage } from '../checkins/BoardSubpage.tsx';
import { errorText } from '../errorText.ts';
import { format, formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { Link } from '../Link.tsx';
import { boardPath, meetingsPath, navigate } from '../router.ts';
import { ActionsSection } from './ActionsSection.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { BilingualFields } from './BilingualFields.tsx';
import { DecisionsSection } from './DecisionsSection.tsx';
import type { MeetingPageProps } from './MeetingPageProps.ts';
import {
  getMeeting,
  type Meeting,
  type MeetingDetail,
  present,
  updateMeeting,
} from './meetingApi.ts';
import { meetingStrings } from './meetingStrings.ts';
import { useBoardRoadmap } from './useBoardRoadmap.ts';
import { useMeetingsLive } from './useMeetingsLive.ts';
import { VotesSection } from './VotesSection.tsx';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; detail: MeetingDetail };

const upsert = <T extends { id: string }>(list: readonly T[], item: T): T[] =>
  list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [...list, item];

/**
 * One meeting: its title and date, the agenda (proposed from the board, edited by hand), the
 * button that starts presenting it on the canvas, its votes, decisions and actions. The
 * secretariat manages; council members vote; everyone else reads. Kept current by live events.
 */
export function MeetingPage({
  boardId,
  meetingId,
  lang,
  setLang,
  role,
  userId,
}: MeetingPageProps & { meetingId: string }) {
  const t = meetingStrings[lang];
  const manage = canAdminister(role);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [agendaDirty, setAgendaDirty] = useState(false);
  const [presentError, setPresentError] = useState<string | null>(null);
  const roadmap = useBoardRoadmap(boardId);
  const load = useCallback(() => {
    getMeeting(boardId, meetingId)
      .then((detail) => setLoaded({ kind: 'ready', detail }))
      .catch((error) => setLoaded({ kind: 'error', message: errorText(error, lang) }));
  }, [boardId, meetingId, lang]);
  useEffect(load, [load]);
  useMeetingsLive(boardId, meetingId, load);

  const detail = loaded.kind === 'ready' ? loaded.detail : null;
  const patch = (change: (detail: MeetingDetail) => MeetingDetail) =>
    setLoaded((current) =>
      current.kind === 'ready' ? { kind: 'ready', detail: change(current.detail) } : current,
    );
  const setMeeting = (meeting: Meeting) => patch((d) => ({ ...d, meeting }));
  const meeting = detail?.meeting ?? null;
  const title = meeting
    ? meeting.title[lang] || meeting.title.fr || meeting.title.en
    : t.meetingHeading;

  const start = async () => {
    if (!meeting) return;
    setPresentError(null);
    try {
      const first = meeting.agenda[0] ?? null;
      const live = await present(boardId, meeting.id, {
        entryId: first?.id ?? null,
        timerMinutes: first?.minutes ?? null,
      });
      setMeeting(live);
      navigate(boardPath(boardId));
    } catch (caught) {
      setPresentError(format(t.saveFailed, { message: errorText(caught, lang) }));
    }
  };
  const end = async () => {
    if (!meeting) return;
    setPresentError(null);
    try {
      setMeeting(await present(boardId, meeting.id, { end: true }));
    } catch (caught) {
      setPresentError(format(t.saveFailed, { message: errorText(caught, lang) }));
    }
  };

  return (
    <BoardSubpage
      boardId={boardId}
      page="meetings"
      title={title}
      lang={lang}
      setLang={setLang}
      className="fdr-meeting"
    >
      <p className="fdr-no-print">
        <Link href={meetingsPath(boardId)}>
          <span aria-hidden="true">← </span>
          {t.backToMeetings}
        </Link>
      </p>
      <div aria-live="polite">
        {loaded.kind === 'loading' && <p>{t.loading}</p>}
        {loaded.kind === 'error' && (
          <p role="alert" className="fdr-error">
            {format(t.loadFailed, { message: loaded.message })}
          </p>
        )}
      </div>
      {detail && meeting && (
        <>
          <div className="fdr-meeting__head">
            <p className="fdr-meeting__when">
              <time dateTime={meeting.heldOn}>{formatDate(meeting.heldOn, lang)}</time>{' '}
              <span className={`fdr-pill fdr-pill--${meeting.state}`}>
                {t[`state${meeting.state}`]}
              </span>
            </p>
            {meeting.state === 'live' && (
              <p className="fdr-meeting__live">
                {t.live} <Link href={boardPath(boardId)}>{t.openBoard}</Link>
              </p>
            )}
            {manage && (
              <div className="fdr-meeting__present">
                <button
                  type="button"
                  className="fdr-button fdr-button--primary"
                  onClick={() => void start()}
                  disabled={agendaDirty}
                  aria-describedby="fdr-present-hint"
                  data-testid="meeting-present"
                >
                  <span aria-hidden="true">▶ </span>
                  {t.present}
                </button>
                {meeting.state === 'live' && (
                  <button type="button" className="fdr-button" onClick={() => void end()}>
                    {t.endMeeting}
                  </button>
                )}
                <span id="fdr-present-hint" className="fdr-hint">
                  {agendaDirty ? t.presentNeedsSave : t.presentHint}
                </span>
              </div>
            )}
            {presentError && (
              <p role="alert" className="fdr-error">
                {presentError}
              </p>
            )}
          </div>
          {manage && (
            <DetailsForm
              key={`${meeting.title.fr}|${meeting.title.en}|${meeting.heldOn}`}
              boardId={boardId}
              meeting={meeting}
              lang={lang}
              onSaved={setMeeting}
            />
          )}
          <AgendaEditor
            boardId={boardId}
            meeting={meeting}
            roadmap={roadmap}
            actions={detail.actions}
            lang={lang}
            manage={manage}
            onSaved={setMeeting}
            onDirty={setAgendaDirty}
          />
          <VotesSection
            boardId={boardId}
            meetingId={meeting.id}
            votes={detail.votes}
            roadmap={roadmap}
            lang={lang}
            role={role}
            manage={manage}
            onVote={(vote) => patch((d) => ({ ...d, votes: upsert(d.votes, vote) }))}
          />
          <DecisionsSection
            boardId={boardId}
            meetingId={meeting.id}
            decisions={detail.decisions}
            roadmap={roadmap}
            lang={lang}
            manage={manage}
            onRecorded={(decision) =>
              patch((d) => ({
                ...d,
                decisions: [decision, ...d.decisions.filter((x) => x.id !== decision.id)],
              }))
            }
          />
          <ActionsSection
            boardId={boardId}
            meetingId={meeting.id}
            actions={detail.actions}
            roadmap={roadmap}
            lang={lang}
            manage={manage}
            userId={userId}
            onAction={(action) => patch((d) => ({ ...d, actions: upsert(d.actions, action) }))}
          />
        </>
      )}
    </BoardSubpage>
  );
}

/** The meeting's title and date (secretariat); keyed by the saved values so it starts over. */
function DetailsForm({
  boardId,
  meeting,
  lang,
  onSaved,
}: {
  boardId: string;
  meeting: Meeting;
  lang: Lang;
  onSaved: (meeting: Meeting) => void;
}) {
  const t = meetingStrings[lang];
  const id = useId();
  const [fr, setFr] = useState(meeting.title.fr);
  const [en, setEn] = useState(meeting.title.en);
  const [heldOn, setHeldOn] = useState(meeting.heldOn);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = fr !== meeting.title.fr || en !== meeting.title.en || heldOn !== meeting.heldOn;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fr.trim() === '' && en.trim() === '') {
      setError(t.titleNeeded);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await updateMeeting(boardId, meeting.id, {
          title: { fr: fr.trim(), en: en.trim() },
          heldOn,
        }),
      );
    } catch (caught) {
      setError(format(t.saveFailed, { message: errorText(caught, lang) }));
      setBusy(false);
    }
  };
  return (
    <form
      className="fdr-card-section fdr-meeting-form"
      aria-label={t.saveDetails}
      onSubmit={(event) => void submit(event)}
      data-testid="meeting-details-form"
      noValidate
    >
      <div className="fdr-meeting-form__grid">
        <BilingualFields
          id={id}
          labelFr={t.titleFr}
          labelEn={t.titleEn}
          fr={fr}
          en={en}
          onFr={setFr}
          onEn={setEn}
          maxLength={MEETING_TITLE_MAX}
          testIdFr="meeting-edit-title-fr"
          testIdEn="meeting-edit-title-en"
        />
        <div className="fdr-field">
          <label htmlFor={`${id}-date`}>{t.date}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={heldOn}
            onChange={(event) => setHeldOn(event.target.value)}
            data-testid="meeting-edit-date"
          />
        </div>
      </div>
      <button
        type="submit"
        className="fdr-button"
        disabled={!changed || busy}
        data-testid="meeting-save"
      >
        {t.saveDetails}
      </button>
      {error && (
        <p role="alert" className="fdr-error">
          {error}
        </p>
      )}
    </form>
  );
}
