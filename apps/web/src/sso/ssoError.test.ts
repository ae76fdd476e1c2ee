import { describe, expect, it } from 'vitest';
import { ssoErrorText } from './ssoError.ts';

describe('ssoErrorText', () => {
  it('names each error of the server in the UI language', () => {
    expect(ssoErrorText('?sso_error=state', 'en', true)).toMatch(/another window/);
    expect(ssoErrorText('?sso_error=state', 'fr', true)).toMatch(/autre fenêtre/);
    expect(ssoErrorText('?sso_error=email-unverified', 'en', true)).toMatch(/not verified/);
    expect(ssoErrorText('?sso_error=invite', 'fr', false)).toMatch(/invitation/);
  });

  it('offers the password when the provider is down, only where password sign-in is on', () => {
    expect(ssoErrorText('?sso_error=provider', 'en', true)).toMatch(/with your password/);
    expect(ssoErrorText('?sso_error=provider', 'en', false)).not.toMatch(/password/);
  });

  it('says nothing without an error, and something for an unknown one', () => {
    expect(ssoErrorText('?next=/b/x', 'en', true)).toBeNull();
    expect(ssoErrorText('?sso_error=%3Cscript%3E', 'en', true)).toBe(
      'The single sign-on failed. Please start again.',
    );
  });
});
