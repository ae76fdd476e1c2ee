import { useEffect, useState } from 'react';
import { getConfig } from '../api.ts';

export interface SignInOptions {
  /** The single sign-on button's words, or null when the server has no provider. */
  sso: { fr: string; en: string } | null;
  passwordSignIn: boolean;
}

/** How people sign in here, from `GET /api/config`; null while it is asked for. */
export function useSignInOptions(): SignInOptions | null {
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useEffect(() => {
    let live = true;
    void getConfig().then((config) => {
      if (!live) return;
      setOptions({
        sso: config.sso?.label ?? null,
        // Without a provider, the password is the only way in.
        passwordSignIn: config.passwordSignIn !== false || !config.sso,
      });
    });
    return () => {
      live = false;
    };
  }, []);
  return options;
}
