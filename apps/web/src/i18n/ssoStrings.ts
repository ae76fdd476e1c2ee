/** Strings of single sign-on (the sign-in page's button, its errors, the invitation), FR and EN. */
export const ssoStrings = {
  fr: {
    orPassword: 'Ou avec votre courriel et votre mot de passe',
    inviteWithSso: 'Acceptez l’invitation en vous connectant par authentification unique :',
    signingOut: 'Déconnexion…',
    error_state:
      'La connexion par authentification unique a expiré ou a été lancée dans une autre fenêtre. Recommencez.',
    error_code: 'La réponse du fournisseur d’identité avait déjà servi. Recommencez la connexion.',
    error_token:
      'La réponse du fournisseur d’identité n’a pas pu être vérifiée. Recommencez ; si cela se reproduit, prévenez votre administrateur.',
    error_provider:
      'Le fournisseur d’identité est injoignable pour le moment. Réessayez plus tard.',
    error_providerPassword:
      'Le fournisseur d’identité est injoignable pour le moment. Réessayez plus tard, ou connectez-vous avec votre mot de passe ci-dessous.',
    error_denied: 'La connexion a été annulée chez le fournisseur d’identité.',
    error_emailUnverified:
      'Votre fournisseur d’identité n’a pas vérifié votre courriel, et un compte l’utilise déjà. Demandez à votre administrateur de le faire vérifier.',
    error_noEmail:
      'Votre fournisseur d’identité n’a pas transmis de courriel : impossible de créer votre compte. Prévenez votre administrateur.',
    error_invite:
      'Cette invitation a expiré ou a déjà servi. Demandez-en une nouvelle au secrétariat.',
    error_unknown: 'La connexion par authentification unique a échoué. Recommencez.',
  },
  en: {
    orPassword: 'Or with your email and password',
    inviteWithSso: 'Accept the invitation by signing in through single sign-on:',
    signingOut: 'Signing out…',
    error_state: 'The single sign-on expired or was started in another window. Please start again.',
    error_code: 'The identity provider’s answer was already used. Please sign in again.',
    error_token:
      'The identity provider’s answer could not be verified. Please try again; if it happens again, tell your administrator.',
    error_provider: 'The identity provider cannot be reached right now. Try again later.',
    error_providerPassword:
      'The identity provider cannot be reached right now. Try again later, or sign in with your password below.',
    error_denied: 'The sign-in was cancelled at the identity provider.',
    error_emailUnverified:
      'Your identity provider has not verified your email, and an account already uses it. Ask your administrator to have it verified.',
    error_noEmail:
      'Your identity provider did not send an email address, so no account can be made. Tell your administrator.',
    error_invite:
      'This invitation has expired or was already used. Ask the secretariat for a new one.',
    error_unknown: 'The single sign-on failed. Please start again.',
  },
} as const;
