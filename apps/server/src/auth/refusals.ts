import { AuthError } from './AuthError.ts';

/*
 * The refusals of the account and role operations, each with its status and both languages.
 */

/** What a caller turned away by a full hash queue is told to wait. */
const BUSY_RETRY_MS = 2000;

export const invalidCredentials = () =>
  new AuthError(401, 'invalid-credentials', {
    en: 'The email or the password is wrong.',
    fr: 'Le courriel ou le mot de passe est incorrect.',
  });

export const busy = () =>
  new AuthError(
    503,
    'busy',
    {
      en: 'The server is busy checking other passwords. Try again in a few seconds.',
      fr: "Le serveur vérifie d'autres mots de passe. Réessayez dans quelques secondes.",
    },
    BUSY_RETRY_MS,
  );

export function checkCardIds(value: unknown): string[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.length > 200 ||
    !value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 200)
  ) {
    throw new AuthError(400, 'invalid-cards', {
      en: 'A task-team role needs the list of its cards.',
      fr: "Un rôle d'équipe spéciale exige la liste de ses cartes.",
    });
  }
  return [...new Set(value as string[])];
}

export function badRole(): AuthError {
  return new AuthError(400, 'invalid-role', {
    en: 'The role must be secretariat, council, task-team or observer.',
    fr: 'Le rôle doit être secretariat, council, task-team ou observer.',
  });
}

export function forbidden(): AuthError {
  return new AuthError(403, 'forbidden', {
    en: 'Your role on this board does not allow this.',
    fr: 'Votre rôle sur ce tableau ne le permet pas.',
  });
}

export function gone(kind: 'invite' | 'reset'): AuthError {
  return kind === 'invite'
    ? new AuthError(410, 'invite-invalid', {
        en: 'This invitation has expired, was already used, or does not exist. Ask the secretariat for a new one.',
        fr: "Cette invitation a expiré, a déjà servi ou n'existe pas. Demandez-en une nouvelle au secrétariat.",
      })
    : new AuthError(410, 'reset-invalid', {
        en: 'This reset link has expired or was already used. Ask an administrator for a new one.',
        fr: 'Ce lien de réinitialisation a expiré ou a déjà servi. Demandez-en un nouveau à un administrateur.',
      });
}

export const passwordSignInOff = () =>
  new AuthError(403, 'password-signin-off', {
    en: 'Sign-in with a password is turned off here: use single sign-on.',
    fr: 'La connexion par mot de passe est désactivée ici : utilisez l’authentification unique.',
  });
