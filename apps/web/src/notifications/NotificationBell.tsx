import './notifications.css';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { useOverlay } from '../overlay/useOverlay.ts';
import { navigate } from '../router.ts';
import type { NotificationView } from './notificationApi.ts';
import { notificationStrings } from './notificationStrings.ts';
import {
  bellLabel,
  notificationBoard,
  notificationPath,
  notificationSentence,
  notificationTime,
} from './notificationText.ts';
import { type NotificationsState, useNotifications } from './useNotifications.ts';

/**
 * The bell beside the user menu: the unread count, live, and the list of the person's
 * notifications in a popover (one overlay at a time; Escape or a press outside closes it).
 * `dark`: in the board's top bar.
 */
export function NotificationBell({ lang, dark = false }: { lang: Lang; dark?: boolean }) {
  const state = useNotifications(lang);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const bell = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useOverlay({ open, close: () => setOpen(false), root });
  const { unread, reload } = state;
  useEffect(() => {
    if (open) reload();
  }, [open, reload]);
  return (
    <div ref={root} className={`fdr-bell${dark ? ' fdr-bell--dark' : ''}`}>
      <button
        ref={bell}
        type="button"
        className="fdr-bell__button"
        aria-label={bellLabel(unread, lang)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="notification-bell"
        data-unread={unread}
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="fdr-bell__count" aria-hidden="true" data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <span className="fdr-sr-only" role="status" data-testid="notification-announce">
        {state.announcement}
      </span>
      {open && (
        <NotificationPanel
          id={panelId}
          lang={lang}
          state={state}
          onClose={() => {
            setOpen(false);
            bell.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function NotificationPanel({
  id,
  lang,
  state,
  onClose,
}: {
  id: string;
  lang: Lang;
  state: NotificationsState;
  onClose: () => void;
}) {
  const t = notificationStrings[lang];
  const heading = useRef<HTMLHeadingElement>(null);
  // After the overlay noted the bell as the place focus goes back to (its effect runs after ours).
  useEffect(() => {
    const frame = requestAnimationFrame(() => heading.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const { items, unread, error } = state;
  const now = Date.now();
  const openOne = async (n: NotificationView) => {
    const path = notificationPath(n);
    // Marked read before leaving: a page that reloads would cancel the request.
    if (!n.readAt) await state.markRead(n.id).catch(() => {});
    if (!path) return;
    onClose();
    // `?card=` / `?item=` from a link opens that panel on its thread when the board opens; the
    // board already open would only see its address change: it is opened afresh instead.
    if (path.includes('?') && path.startsWith(`${location.pathname}?`)) location.assign(path);
    else navigate(path);
  };
  return (
    <section
      id={id}
      className="fdr-bell__panel"
      aria-labelledby={`${id}-h`}
      data-testid="notification-panel"
    >
      <div className="fdr-bell__head">
        <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
          {t.heading}
        </h2>
        {unread > 0 && (
          <button
            type="button"
            className="fdr-button fdr-button--quiet"
            data-testid="notifications-read-all"
            onClick={() => void state.markAllRead()}
          >
            {t.markAllRead}
          </button>
        )}
        <button
          type="button"
          className="fdr-bell__close"
          aria-label={t.close}
          title={t.close}
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <ErrorAlert message={error ? format(t.loadFailed, { message: error }) : null} />
      {items === null && !error && <p className="fdr-bell__note">{t.loading}</p>}
      {items?.length === 0 && (
        <p className="fdr-bell__note" data-testid="notifications-empty">
          {t.empty}
        </p>
      )}
      {items && items.length > 0 && (
        <ul className="fdr-bell__list">
          {items.map((n) => {
            const board = notificationBoard(n, lang);
            return (
              <li key={n.id}>
                <button
                  type="button"
                  className={`fdr-bell__item${n.readAt ? '' : ' fdr-bell__item--unread'}`}
                  data-testid="notification-item"
                  data-kind={n.kind}
                  data-unread={!n.readAt}
                  onClick={() => void openOne(n)}
                >
                  {!n.readAt && <span className="fdr-sr-only">{t.unread}, </span>}
                  <span className="fdr-bell__what">{notificationSentence(n, lang)}</span>
                  {board && <span className="fdr-bell__board">{format(t.onBoard, { board })}</span>}
                  {n.excerpt && (
                    <span className="fdr-bell__excerpt">
                      {format(t.excerpt, { text: n.excerpt })}
                    </span>
                  )}
                  <time className="fdr-bell__time" dateTime={new Date(n.createdAt).toISOString()}>
                    {notificationTime(n.createdAt, now, lang)}
                  </time>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-5-1.6-1.6V10a5.4 5.4 0 0 0-4.4-5.3V4a1 1 0 1 0-2 0v.7A5.4 5.4 0 0 0 6.6 10v5.4L5 17v1h14v-1Z"
      />
    </svg>
  );
}
