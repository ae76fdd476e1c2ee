import './sso.css';
import { useState } from 'react';
import { call } from '../account/accountApi.ts';

/**
 * The single sign-on button. The server is asked where to go (the provider, or the sign-in page
 * with the reason it cannot start) with a script's POST rather than a form or a link: the
 * invitation token travels in the body, never in a URL, and a form posted under our
 * `Referrer-Policy: no-referrer` would carry `Origin: null`, which the API refuses.
 */
export function SsoButton(props: { label: string; next: string; invite?: string }) {
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    try {
      const { location: target } = await call<{ location: string }>('/api/auth/oidc/start', {
        next: props.next,
        ...(props.invite ? { invite: props.invite } : {}),
      });
      location.assign(target);
    } catch {
      // The server itself cannot be reached: the page says so the way every other call does.
      location.assign('/signin?sso_error=provider');
    }
  };
  return (
    <div className="fdr-sso" data-testid="sso-form">
      <button
        type="button"
        className="fdr-button fdr-button--primary fdr-sso__button"
        aria-busy={busy}
        onClick={() => void go()}
      >
        {props.label}
      </button>
    </div>
  );
}
