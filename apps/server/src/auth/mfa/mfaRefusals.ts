import { AuthError } from '../AuthError.ts';

/* The refusals of the second factor, each with its status and both languages. */

export const wrongCode = () =>
  new AuthError(401, 'mfa-wrong-code', {
    en: 'This code is wrong, or was already used. Enter the current code from your authenticator app, or a recovery code.',
    fr: "Ce code est incorrect ou a déjà servi. Entrez le code actuel de votre application d'authentification, ou un code de récupération.",
  });

export const signInExpired = () =>
  new AuthError(401, 'mfa-expired', {
    en: 'This sign-in has expired. Enter your email and password again.',
    fr: 'Cette connexion a expiré. Entrez de nouveau votre courriel et votre mot de passe.',
  });

export const alreadyEnrolled = () =>
  new AuthError(409, 'mfa-enrolled', {
    en: 'An authenticator is already set up for this account.',
    fr: "Une application d'authentification est déjà configurée pour ce compte.",
  });

export const noFactor = () =>
  new AuthError(404, 'mfa-none', {
    en: 'No authenticator is set up for this account.',
    fr: "Aucune application d'authentification n'est configurée pour ce compte.",
  });

export const mfaRequired = () =>
  new AuthError(403, 'mfa-required', {
    en: 'This server requires a second factor for your account: it cannot be turned off.',
    fr: 'Ce serveur exige un deuxième facteur pour votre compte : il ne peut pas être désactivé.',
  });

export const noUser = () =>
  new AuthError(404, 'no-user', { en: 'No such user.', fr: 'Utilisateur introuvable.' });
