import { call } from '../account/accountApi.ts';

export type NotificationKind = 'mention' | 'reply' | 'team-comment' | 'role' | 'checkin-asked';

/** One notification of the signed-in person (GET /api/notifications). */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  boardId: string | null;
  boardTitle: { fr: string; en: string } | null;
  targetKind: 'card' | 'item' | null;
  targetId: string | null;
  commentId: string | null;
  actor: { id: string; name: string } | null;
  /** The first characters of the comment, mentions written as @Name. */
  excerpt: string | null;
  /** The role given, for `role`. */
  role: string | null;
  createdAt: number;
  readAt: number | null;
}

export interface NotificationList {
  unread: number;
  /** Newest first. */
  items: NotificationView[];
}

export const NOTIFICATION_LIMIT = 50;

export const listNotifications = (limit = NOTIFICATION_LIMIT) =>
  call<NotificationList>(`/api/notifications?limit=${limit}`);

export const markRead = (id: string) =>
  call<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`, {});

export const markAllRead = () => call<unknown>('/api/notifications/read-all', {});
