/**
 * Strings of the notifications (the bell, its panel, the live announcement), in both official
 * languages. `{name}` marks a value filled in by `format`. "Bilan" / "check-in" and "équipe
 * spéciale" / "task team" follow DOMAIN.md.
 */
export const notificationStrings = {
  fr: {
    bell: 'Notifications',
    bellUnread: 'Notifications, {count} non lues',
    bellOneUnread: 'Notifications, 1 non lue',
    heading: 'Notifications',
    markAllRead: 'Tout marquer comme lu',
    empty:
      'Aucune notification pour l’instant. Vous en recevrez quand on vous mentionne, vous répond ou vous demande un bilan.',
    loading: 'Chargement des notifications…',
    loadFailed: 'Les notifications n’ont pas pu être chargées : {message}',
    unread: 'Non lue',
    announceOne: 'Une nouvelle notification.',
    announceMany: '{count} nouvelles notifications.',
    someone: 'Quelqu’un',
    mention: '{actor} vous mentionne dans un commentaire',
    reply: '{actor} a répondu dans une discussion où vous avez écrit',
    teamComment: '{actor} a commenté la fiche de votre équipe spéciale',
    role: '{actor} vous a donné le rôle « {role} »',
    roleNoActor: 'Votre rôle est maintenant « {role} »',
    checkinAsked: '{actor} demande un bilan de votre équipe spéciale',
    onBoard: 'Tableau : {board}',
    excerpt: '« {text} »',
    close: 'Fermer les notifications',
    justNow: 'à l’instant',
  },
  en: {
    bell: 'Notifications',
    bellUnread: 'Notifications, {count} unread',
    bellOneUnread: 'Notifications, 1 unread',
    heading: 'Notifications',
    markAllRead: 'Mark all read',
    empty:
      'No notifications yet. You will get one when someone mentions you, replies to you or asks for a check-in.',
    loading: 'Loading notifications…',
    loadFailed: 'The notifications could not be loaded: {message}',
    unread: 'Unread',
    announceOne: 'One new notification.',
    announceMany: '{count} new notifications.',
    someone: 'Someone',
    mention: '{actor} mentioned you in a comment',
    reply: '{actor} replied in a thread you wrote in',
    teamComment: '{actor} commented on your task team’s card',
    role: '{actor} gave you the role “{role}”',
    roleNoActor: 'Your role is now “{role}”',
    checkinAsked: '{actor} asks your task team for a check-in',
    onBoard: 'Board: {board}',
    excerpt: '“{text}”',
    close: 'Close the notifications',
    justNow: 'just now',
  },
} as const satisfies Record<'fr' | 'en', Record<string, string>>;

export type NotificationStrings = (typeof notificationStrings)['en'];
