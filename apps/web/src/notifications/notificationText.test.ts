import { describe, expect, it } from 'vitest';
import type { NotificationView } from './notificationApi.ts';
import {
  arrivalAnnouncement,
  bellLabel,
  notificationPath,
  notificationSentence,
  notificationTime,
} from './notificationText.ts';

const base: NotificationView = {
  id: 'n1',
  kind: 'mention',
  boardId: 'b1',
  boardTitle: { fr: 'Feuille', en: 'Roadmap' },
  targetKind: 'card',
  targetId: 'card-7',
  commentId: 'c1',
  actor: { id: 'u2', name: 'Camille Conseil' },
  excerpt: 'Hello @Tala',
  role: null,
  createdAt: 0,
  readAt: null,
};

describe('a notification in words', () => {
  it('says what happened for each kind, in both languages', () => {
    expect(notificationSentence(base, 'en')).toBe('Camille Conseil mentioned you in a comment');
    expect(notificationSentence(base, 'fr')).toBe(
      'Camille Conseil vous mentionne dans un commentaire',
    );
    expect(notificationSentence({ ...base, kind: 'reply' }, 'en')).toContain('replied');
    expect(notificationSentence({ ...base, kind: 'team-comment' }, 'fr')).toContain(
      'équipe spéciale',
    );
    expect(notificationSentence({ ...base, kind: 'checkin-asked' }, 'en')).toBe(
      'Camille Conseil asks your task team for a check-in',
    );
    expect(notificationSentence({ ...base, kind: 'role', role: 'council' }, 'fr')).toBe(
      'Camille Conseil vous a donné le rôle « Membre du conseil »',
    );
    expect(
      notificationSentence({ ...base, kind: 'role', role: 'observer', actor: null }, 'en'),
    ).toBe('Your role is now “Observer”');
    expect(notificationSentence({ ...base, actor: null }, 'en')).toBe(
      'Someone mentioned you in a comment',
    );
  });

  it('leads to the thread, the board or the task teams', () => {
    expect(notificationPath(base)).toBe('/b/b1?card=card-7');
    expect(notificationPath({ ...base, kind: 'reply', targetKind: 'item', targetId: 'i 2' })).toBe(
      '/b/b1?item=i%202',
    );
    expect(notificationPath({ ...base, kind: 'role', role: 'council' })).toBe('/b/b1');
    expect(notificationPath({ ...base, kind: 'checkin-asked' })).toBe('/me');
    expect(notificationPath({ ...base, targetKind: null, targetId: null })).toBe('/b/b1');
    expect(notificationPath({ ...base, boardId: null })).toBeNull();
  });

  it('names the bell with its count and announces arrivals only', () => {
    expect(bellLabel(0, 'en')).toBe('Notifications');
    expect(bellLabel(1, 'fr')).toBe('Notifications, 1 non lue');
    expect(bellLabel(3, 'en')).toBe('Notifications, 3 unread');
    expect(bellLabel(3, 'fr')).toBe('Notifications, 3 non lues');
    expect(arrivalAnnouncement(2, 3, 'en')).toBe('One new notification.');
    expect(arrivalAnnouncement(0, 4, 'fr')).toBe('4 nouvelles notifications.');
    expect(arrivalAnnouncement(3, 0, 'en')).toBeNull();
  });

  it('tells the time as people say it', () => {
    const now = Date.UTC(2026, 11, 5, 12);
    expect(notificationTime(now - 10_000, now, 'en')).toBe('just now');
    expect(notificationTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(notificationTime(now - 2 * 3_600_000, now, 'fr')).toBe('il y a 2 heures');
    expect(notificationTime(now - 30 * 86_400_000, now, 'en')).toMatch(/2026/);
  });
});
