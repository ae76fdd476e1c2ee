import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../errorText.ts';
import type { Lang } from '../i18n/strings.ts';
import { subscribeLive } from '../sync/liveEvents.ts';
import {
  listNotifications,
  markAllRead as markAllReadApi,
  markRead as markReadApi,
  type NotificationView,
} from './notificationApi.ts';
import { arrivalAnnouncement } from './notificationText.ts';

export interface NotificationsState {
  unread: number;
  /** Null until the list was loaded once. */
  items: NotificationView[] | null;
  error: string | null;
  /** The live region's text when new ones arrive. */
  announcement: string;
  reload: () => void;
  markRead: (id: string) => Promise<void>;
  markAllRead: () => Promise<void>;
}

/**
 * The signed-in person's notifications: the unread count follows the live events, the list is
 * fetched again when it changes, when the tab comes back, and after each action.
 */
export function useNotifications(lang: Lang): NotificationsState {
  const [unread, setUnread] = useState(0);
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const unreadRef = useRef<number | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;

  const countChanged = useCallback((next: number) => {
    const before = unreadRef.current;
    unreadRef.current = next;
    setUnread(next);
    // The first count is what was there already: only arrivals are announced.
    if (before === null) return;
    const said = arrivalAnnouncement(before, next, langRef.current);
    if (said) setAnnouncement(said);
  }, []);

  const reload = useCallback(() => {
    listNotifications().then(
      (list) => {
        setItems(list.items);
        setError(null);
        countChanged(list.unread);
      },
      (e: unknown) => setError(errorText(e, langRef.current)),
    );
  }, [countChanged]);

  useEffect(() => {
    reload();
    const off = subscribeLive('notifications', ({ unread: next }) => {
      countChanged(next);
      reload();
    });
    // Events missed while the stream was down (a laptop asleep): asked again on return.
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      off();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload, countChanged]);

  const markRead = useCallback(
    async (id: string) => {
      const now = Date.now();
      setItems(
        (list) => list?.map((n) => (n.id === id && !n.readAt ? { ...n, readAt: now } : n)) ?? null,
      );
      try {
        await markReadApi(id);
      } finally {
        reload();
      }
    },
    [reload],
  );

  const markAllRead = useCallback(async () => {
    try {
      await markAllReadApi();
    } catch (e) {
      setError(errorText(e, langRef.current));
    }
    reload();
  }, [reload]);

  return { unread, items, error, announcement, reload, markRead, markAllRead };
}
