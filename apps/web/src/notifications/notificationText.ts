import { BOARD_ROLE_LABELS, isBoardRole, localize } from '@fdr/model';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { boardPath, myTeamsPath } from '../router.ts';
import type { NotificationView } from './notificationApi.ts';
import { notificationStrings } from './notificationStrings.ts';

/** What happened, as a sentence in the UI language ("Camille mentioned you in a comment"). */
export function notificationSentence(n: NotificationView, lang: Lang): string {
  const t = notificationStrings[lang];
  const actor = n.actor?.name.trim() || t.someone;
  switch (n.kind) {
    case 'mention':
      return format(t.mention, { actor });
    case 'reply':
      return format(t.reply, { actor });
    case 'team-comment':
      return format(t.teamComment, { actor });
    case 'checkin-asked':
      return format(t.checkinAsked, { actor });
    case 'role': {
      const role = isBoardRole(n.role) ? BOARD_ROLE_LABELS[n.role][lang] : (n.role ?? '');
      return format(n.actor ? t.role : t.roleNoActor, { actor, role });
    }
  }
}

/** The board's title in the UI language (the other one when this one is empty), or null. */
export function notificationBoard(n: NotificationView, lang: Lang): string | null {
  return n.boardTitle ? localize(n.boardTitle, lang) || null : null;
}

/**
 * Where opening the notification leads: the card's (item's) thread on its board, the board for
 * a new role, the person's task teams for a check-in asked; null when it names nothing.
 */
export function notificationPath(n: NotificationView): string | null {
  if (n.kind === 'checkin-asked') return myTeamsPath;
  if (!n.boardId) return null;
  const board = boardPath(n.boardId);
  if (n.kind === 'role' || !n.targetKind || !n.targetId) return board;
  return `${board}?${n.targetKind}=${encodeURIComponent(n.targetId)}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relative = new Map<Lang, Intl.RelativeTimeFormat>();

/** "5 minutes ago", "il y a 2 heures"; a date after a week. */
export function notificationTime(at: number, now: number, lang: Lang): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < 60_000) return notificationStrings[lang].justNow;
  if (elapsed >= 7 * 86_400_000) {
    return new Intl.DateTimeFormat(`${lang}-CA`, { dateStyle: 'medium' }).format(new Date(at));
  }
  let formatter = relative.get(lang);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(`${lang}-CA`, { numeric: 'auto' });
    relative.set(lang, formatter);
  }
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return formatter.format(-Math.floor(elapsed / size), unit);
  }
  return notificationStrings[lang].justNow;
}

/** The bell's accessible name: "Notifications, 3 unread". */
export function bellLabel(unread: number, lang: Lang): string {
  const t = notificationStrings[lang];
  if (unread <= 0) return t.bell;
  return unread === 1 ? t.bellOneUnread : format(t.bellUnread, { count: unread });
}

/** What the live region says when the count rises; null when it did not. */
export function arrivalAnnouncement(before: number, after: number, lang: Lang): string | null {
  const t = notificationStrings[lang];
  const added = after - before;
  if (added <= 0) return null;
  return added === 1 ? t.announceOne : format(t.announceMany, { count: added });
}
