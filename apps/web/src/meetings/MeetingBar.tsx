import './meetingCanvas.css';
import { useEffect, useRef, useState } from 'react';
import { createUserId, type Editor, useValue } from 'tldraw';
import type { BoardView } from '../board/BoardView.ts';
import { errorText } from '../errorText.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { canvasMeetingStrings } from './canvasMeetingStrings.ts';
import { currentEntry, targetBounds } from './entryBounds.ts';
import { type Meeting, present } from './meetingApi.ts';
import { localizedText, timerAnnouncement, timerText } from './meetingCanvasText.ts';
import { targetLabel } from './targetLabel.ts';
import { boardMeetingsStore, useBoardMeetings } from './useBoardMeetings.ts';

/** How long the camera takes to reach an entry; following resumes once it is there. */
const ZOOM_MS = 400;

/**
 * The live meeting over the canvas, for everyone on the board: its title, the agenda entry
 * being presented and its timer. Members follow the presenter (tldraw's follow mode on the
 * presenter's presence) and, at each step, the camera goes to the entry's card, item or lane,
 * so that it works even when the presenter is not on the canvas. "Stop following" holds until
 * "Follow" again; panning by hand counts as stopping. The secretariat gets the presenter's
 * controls.
 */
export function MeetingBar({
  boardId,
  editor,
  view,
  lang,
  userId,
  isSecretariat,
}: {
  boardId: string;
  editor: Editor | null;
  view: BoardView;
  lang: Lang;
  /** The signed-in account: the presenter does not follow themselves. */
  userId: string | null;
  isSecretariat: boolean;
}) {
  const { live } = useBoardMeetings(boardId);
  if (!live) return null;
  return (
    <LiveMeetingBar
      // A new meeting starts followed again.
      key={live.id}
      meeting={live}
      boardId={boardId}
      editor={editor}
      view={view}
      lang={lang}
      userId={userId}
      isSecretariat={isSecretariat}
    />
  );
}

function LiveMeetingBar({
  meeting,
  boardId,
  editor,
  view,
  lang,
  userId,
  isSecretariat,
}: {
  meeting: Meeting;
  boardId: string;
  editor: Editor | null;
  view: BoardView;
  lang: Lang;
  userId: string | null;
  isSecretariat: boolean;
}) {
  const t = canvasMeetingStrings[lang];
  const [following, setFollowing] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { entry, index, previous, next } = currentEntry(meeting);
  const layout = useValue('layout', () => view.layout.get(), [view]);
  const roadmap = useValue('roadmap', () => view.roadmap.get(), [view]);
  const peers = useValue('peers', () => view.peers.get(), [view]);
  const presenter = meeting.presenter;
  const isPresenter = presenter !== null && userId !== null && presenter.id === userId;
  // The server stamps each presence with its account: the presenter's is the peer of that
  // account (a browser cannot claim another's).
  const leader = isPresenter ? undefined : peers.find((p) => p.accountId === presenter?.id);
  const leaderId = leader ? createUserId(leader.userId) : null;
  const followingId = useValue(
    'following id',
    () => (editor ? editor.getInstanceState().followingUserId : null),
    [editor],
  );
  // Set while the camera moves by our own doing, so that tldraw's stop is not read as the
  // person's.
  const ownMove = useRef(false);

  // Follow the presenter's presence while following.
  useEffect(() => {
    if (!editor || !following || !leaderId || ownMove.current) return;
    if (editor.getInstanceState().followingUserId !== leaderId) editor.startFollowingUser(leaderId);
  }, [editor, following, leaderId]);

  // tldraw stops following when the person moves the camera: respect it until they resume. A
  // presenter who left the canvas stops it too, and is not the person's choice.
  const wasFollowing = useRef(false);
  useEffect(() => {
    const now = leaderId !== null && followingId === leaderId;
    if (wasFollowing.current && !now && !ownMove.current && editor && leaderId) {
      const stillThere = editor.getCollaborators().some((c) => c.userId === leaderId);
      if (stillThere) setFollowing(false);
    }
    wasFollowing.current = now;
  }, [followingId, leaderId, editor]);

  // The meeting over (or this bar gone): nobody stays glued to the presenter.
  const leaderRef = useRef(leaderId);
  leaderRef.current = leaderId;
  useEffect(
    () => () => {
      const id = leaderRef.current;
      if (editor && id && editor.getInstanceState().followingUserId === id) {
        editor.stopFollowingUser();
      }
    },
    [editor],
  );

  // At each step, and on resuming, the camera goes to the entry's target.
  const targetKey = entry?.target ? `${entry.target.kind}:${entry.target.id}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per step, not per layout change
  useEffect(() => {
    if (!editor || !following || !layout || !entry) return;
    const box = targetBounds(layout, entry.target);
    if (!box) return;
    ownMove.current = true;
    editor.zoomToBounds(box, { animation: { duration: ZOOM_MS }, inset: 48, targetZoom: 1 });
    const timer = setTimeout(() => {
      ownMove.current = false;
      if (leaderId) editor.startFollowingUser(leaderId);
    }, ZOOM_MS + 50);
    return () => {
      clearTimeout(timer);
      ownMove.current = false;
    };
  }, [editor, following, entry?.id, targetKey]);

  const toggleFollowing = () => {
    if (following) {
      setFollowing(false);
      if (editor && editor.getInstanceState().followingUserId === leaderId) {
        editor.stopFollowingUser();
      }
    } else {
      setFollowing(true);
    }
  };

  const step = async (
    input: { entryId: string | null; timerMinutes?: number | null } | { end: true },
  ) => {
    setBusy(true);
    setError(null);
    try {
      boardMeetingsStore(boardId).putMeeting(await present(boardId, meeting.id, input));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const title = localizedText(meeting.title, lang);
  const written = entry ? localizedText(entry.title, lang) : null;
  // An entry without a title of its own is named by its card, item or domain.
  const entryTitle =
    written && written.text.trim() === '' && entry?.target
      ? { text: targetLabel(roadmap, entry.target, lang) ?? '', lang }
      : written;
  const minutes = entry?.minutes ?? null;

  return (
    <section
      className="fdr-meeting-bar"
      aria-label={t.bar}
      data-testid="meeting-bar"
      data-following={following ? 'true' : 'false'}
    >
      <div className="fdr-meeting-bar__what">
        <p className="fdr-meeting-bar__title">
          <span className="fdr-meeting-bar__live" aria-hidden="true" />
          <span lang={title.lang}>{format(t.barTitle, { title: title.text })}</span>
          {presenter && !isPresenter && (
            <span className="fdr-meeting-bar__presenter">
              {' · '}
              {format(t.presenter, { name: presenter.name })}
            </span>
          )}
        </p>
        <p className="fdr-meeting-bar__entry">
          <span className="fdr-sr-only">{labelled(t.currentEntry, lang)}</span>
          {entry && (
            <span className="fdr-meeting-bar__index">
              {format(t.entryOf, { index: index + 1, count: meeting.agenda.length })}
              {' — '}
            </span>
          )}
          <strong
            data-testid="meeting-current-entry"
            lang={entryTitle?.lang}
            className="fdr-meeting-bar__entry-title"
          >
            {entryTitle ? entryTitle.text : t.noEntry}
          </strong>
        </p>
      </div>
      {meeting.timerEndsAt !== null && (
        <MeetingTimer
          // A restarted timer announces again.
          key={meeting.timerEndsAt}
          endsAt={meeting.timerEndsAt}
          lang={lang}
        />
      )}
      <div className="fdr-meeting-bar__actions">
        <button
          type="button"
          className="fdr-button"
          aria-pressed={following}
          onClick={toggleFollowing}
          data-testid="meeting-follow-toggle"
        >
          {following ? t.stopFollowing : t.resumeFollowing}
        </button>
        <span className="fdr-sr-only" role="status">
          {following ? t.following : t.notFollowing}
        </span>
        {isSecretariat && (
          // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form's fieldset
          <div
            className="fdr-meeting-bar__presenter-tools"
            role="group"
            aria-label={t.presenterControls}
          >
            <button
              type="button"
              className="fdr-button"
              disabled={busy || previous === null}
              onClick={() => previous && step({ entryId: previous.id, timerMinutes: null })}
              data-testid="presenter-prev"
            >
              <span className="fdr-meeting-bar__icon" aria-hidden="true">
                ←
              </span>
              <span className="fdr-meeting-bar__label">{t.previous}</span>
            </button>
            <button
              type="button"
              className="fdr-button fdr-button--primary"
              disabled={busy || next === null}
              onClick={() => next && step({ entryId: next.id, timerMinutes: null })}
              data-testid="presenter-next"
            >
              <span className="fdr-meeting-bar__label">{t.next}</span>
              <span className="fdr-meeting-bar__icon" aria-hidden="true">
                →
              </span>
            </button>
            <button
              type="button"
              className="fdr-button"
              disabled={busy || entry === null || minutes === null}
              title={minutes === null ? t.noTimer : undefined}
              onClick={() =>
                entry && minutes !== null && step({ entryId: entry.id, timerMinutes: minutes })
              }
              data-testid="presenter-timer"
            >
              <span className="fdr-meeting-bar__icon" aria-hidden="true">
                ◷
              </span>
              <span className="fdr-meeting-bar__label">
                {minutes === null
                  ? t.noTimer
                  : format(meeting.timerEndsAt === null ? t.startTimer : t.restartTimer, {
                      minutes,
                    })}
              </span>
            </button>
            <button
              type="button"
              className="fdr-button fdr-button--danger"
              disabled={busy}
              onClick={() => {
                if (window.confirm(t.endConfirm)) void step({ end: true });
              }}
              data-testid="meeting-end"
            >
              <span className="fdr-meeting-bar__icon" aria-hidden="true">
                ■
              </span>
              <span className="fdr-meeting-bar__label">{t.end}</span>
            </button>
          </div>
        )}
      </div>
      {error !== null && (
        <p className="fdr-meeting-bar__error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
    </section>
  );
}

/**
 * The entry's timer, mm:ss counting down. Screen readers hear it at one minute left and when the
 * time is up, not at every second (the visible text is not a live region).
 */
function MeetingTimer({ endsAt, lang }: { endsAt: number; lang: Lang }) {
  const t = canvasMeetingStrings[lang];
  const [now, setNow] = useState(() => Date.now());
  const [said, setSaid] = useState('');
  const last = useRef(endsAt - Date.now());
  const left = endsAt - now;
  const up = left <= 0;
  useEffect(() => {
    if (up) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [up]);
  useEffect(() => {
    const announce = timerAnnouncement(last.current, left);
    last.current = left;
    if (announce === 'minute') setSaid(t.oneMinuteLeft);
    if (announce === 'up') setSaid(t.timeUpAnnounce);
  }, [left, t]);
  return (
    <p className={`fdr-meeting-bar__timer${up ? ' fdr-meeting-bar__timer--up' : ''}`}>
      <span className="fdr-sr-only">{labelled(t.timer, lang)}</span>
      <span data-testid="meeting-timer" data-ends-at={endsAt}>
        {up ? `${timerText(0)} — ${t.timeUp}` : timerText(left)}
      </span>
      <span className="fdr-sr-only" role="status">
        {said}
      </span>
    </p>
  );
}

/** A label before a value: French puts a space before the colon. */
function labelled(label: string, lang: Lang): string {
  return `${label}${lang === 'fr' ? ' : ' : ': '}`;
}
