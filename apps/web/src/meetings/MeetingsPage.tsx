import './meetings.css';
import { canAdminister, MEETING_TITLE_MAX } from '@fdr/model';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { BoardSubpage } from '../checkins/BoardSubpage.tsx';
import { localDay } from '../checkins/dates.ts';
import { LocalizedText } from '../checkins/LocalizedText.tsx';
import { errorText } from '../errorText.ts';
import { format, formatDate } from '../i18n/format.ts';
import { Link } from '../Link.tsx';
import { meetingPath } from '../router.ts';
import { BilingualFields } from './BilingualFields.tsx';
import type { MeetingPageProps } from './MeetingPageProps.ts';
import { createMeeting, listMeetings, type Meeting } from './meetingApi.ts';
import { meetingStrings, plural } from './meetingStrings.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { useMeetingsLive } from './useMeetingsLive.ts';
import { useSaving } from './useSaving.ts';

type Loaded = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready' };

/** A board's meetings, newest first; the secretariat plans a new one above the list. */
export function MeetingsPage({ boardId, lang, setLang, role }: MeetingPageProps) {
  const t = meetingStrings[lang];
  const id = useId();
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const load = useCallback(() => {
    listMeetings(boardId)
      .then((list) => {
        setMeetings(list);
        setLoaded({ kind: 'ready' });
      })
      .catch((error) => setLoaded({ kind: 'error', message: errorText(error, lang) }));
  }, [boardId, lang]);
  useEffect(load, [load]);
  useMeetingsLive(boardId, null, load);

  return (
    <BoardSubpage
      boardId={boardId}
      page="meetings"
      title={t.meetingsTitle}
      lang={lang}
      setLang={setLang}
      className="fdr-meetings"
    >
      <p>{t.meetingsIntro}</p>
      {canAdminister(role) && (
        <CreateMeetingForm
          boardId={boardId}
          lang={lang}
          onCreated={(meeting) => setMeetings((list) => [meeting, ...list])}
        />
      )}
      <section aria-labelledby={`${id}-list`} className="fdr-card-section">
        <h2 id={`${id}-list`}>{t.listHeading}</h2>
        <div aria-live="polite">
          {loaded.kind === 'loading' && <p>{t.loading}</p>}
          {loaded.kind === 'error' && (
            <p role="alert" className="fdr-error">
              {format(t.loadFailed, { message: loaded.message })}
            </p>
          )}
        </div>
        {loaded.kind === 'ready' && meetings.length === 0 && <p>{t.noMeetings}</p>}
        {meetings.length > 0 && (
          <ul className="fdr-meeting-list">
            {meetings.map((meeting) => (
              <li key={meeting.id} className="fdr-meeting-list__item">
                <Link
                  href={meetingPath(boardId, meeting.id)}
                  data-testid="meeting-link"
                  className="fdr-meeting-list__link"
                >
                  <LocalizedText text={meeting.title} lang={lang} />
                </Link>
                <span className="fdr-meeting-list__meta">
                  <time dateTime={meeting.heldOn}>{formatDate(meeting.heldOn, lang)}</time>
                  {' · '}
                  <span className={`fdr-pill fdr-pill--${meeting.state}`}>
                    {t[`state${meeting.state}`]}
                  </span>
                  {' · '}
                  {format(plural(lang, meeting.agenda.length, t.entryCountOne, t.entryCountMany), {
                    count: meeting.agenda.length,
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </BoardSubpage>
  );
}

function CreateMeetingForm({
  boardId,
  lang,
  onCreated,
}: {
  boardId: string;
  lang: MeetingPageProps['lang'];
  onCreated: (meeting: Meeting) => void;
}) {
  const t = meetingStrings[lang];
  const id = useId();
  const [titleFr, setTitleFr] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [heldOn, setHeldOn] = useState(() => localDay(Date.now()));
  const { busy, error, setError, done, setDone, save } = useSaving(lang);
  const first = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (titleFr.trim() === '' && titleEn.trim() === '') {
      setError(t.titleNeeded);
      first.current?.focus();
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn)) {
      setError(t.dateNeeded);
      return;
    }
    await save(async () => {
      const meeting = await createMeeting(boardId, {
        title: { fr: titleFr.trim(), en: titleEn.trim() },
        heldOn,
      });
      onCreated(meeting);
      setTitleFr('');
      setTitleEn('');
      setDone(
        format(t.created, { title: meeting.title[lang] || meeting.title.fr || meeting.title.en }),
      );
      // Ready for the next one, with the confirmation said once.
      first.current?.focus();
    });
  };

  return (
    <form
      className="fdr-card-section fdr-meeting-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(event) => void submit(event)}
      data-testid="meeting-create-form"
      noValidate
    >
      <h2 id={`${id}-h`}>{t.createHeading}</h2>
      <p id={`${id}-hint`} className="fdr-hint">
        {t.titleHint}
      </p>
      <div className="fdr-meeting-form__grid">
        <BilingualFields
          id={id}
          labelFr={t.titleFr}
          labelEn={t.titleEn}
          fr={titleFr}
          en={titleEn}
          onFr={setTitleFr}
          onEn={setTitleEn}
          maxLength={MEETING_TITLE_MAX}
          describedBy={`${id}-hint`}
          testIdFr="meeting-title-fr"
          testIdEn="meeting-title-en"
          firstRef={first}
        />
        <div className="fdr-field">
          <label htmlFor={`${id}-date`}>{t.date}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={heldOn}
            required
            onChange={(event) => setHeldOn(event.target.value)}
            data-testid="meeting-date"
          />
        </div>
      </div>
      <button
        type="submit"
        className="fdr-button fdr-button--primary"
        disabled={busy}
        data-testid="meeting-create"
      >
        {busy ? t.creating : t.create}
      </button>
      <SaveStatus error={error} done={done} />
    </form>
  );
}
