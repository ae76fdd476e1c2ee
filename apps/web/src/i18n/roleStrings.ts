/**
 * What the board page says when the person's role on the board changes while it is open. FR and
 * EN, same keys and the same `{markers}` (a test checks it).
 */
export const roleStrings = {
  fr: {
    roleNoticeLabel: 'Changement de rôle',
    roleChangedTo: 'Votre rôle sur ce tableau est maintenant : {role}.',
    roleReadOnlyNow:
      'Vous pouvez toujours consulter le tableau et suivre les autres participants, mais plus le modifier.',
    roleEditNow: 'Vous pouvez maintenant ajouter et modifier des cartes et des notes.',
    roleChangesNotKept:
      'Vos dernières modifications n’ont pas été conservées : le tableau affiche ce qui était enregistré.',
    roleRefused:
      'Les modifications faites sur cet appareil n’ont pas été conservées : votre rôle sur ce tableau ({role}) ne permet pas de le modifier.',
    roleAskSecretariat: 'Une erreur ? Adressez-vous au secrétariat du tableau.',
    roleRemoved:
      'Vous n’avez plus de rôle sur ce tableau : il n’est plus affiché. Adressez-vous au secrétariat du tableau si c’est une erreur.',
    roleNoticeDismiss: 'Compris',
  },
  en: {
    roleNoticeLabel: 'Role change',
    roleChangedTo: 'Your role on this board changed to {role}.',
    roleReadOnlyNow: 'You can still view the board and follow others, but no longer change it.',
    roleEditNow: 'You can now add and change cards and notes.',
    roleChangesNotKept: 'Your last changes were not kept: the board shows what was saved.',
    roleRefused:
      'The changes made on this device were not kept: your role on this board ({role}) does not allow changing it.',
    roleAskSecretariat: 'A mistake? Ask the board’s secretariat.',
    roleRemoved:
      'You no longer have a role on this board, so it is no longer shown. Ask the board’s secretariat if this is a mistake.',
    roleNoticeDismiss: 'Got it',
  },
} as const;
