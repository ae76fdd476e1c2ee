import * as client from 'openid-client';
import type { OidcLogin } from './AccountStore.ts';
import { SsoError, type SsoIdentity } from './SsoError.ts';

export interface OidcClientOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** `PUBLIC_URL/api/auth/oidc/callback`, read when needed (PUBLIC_URL may default to the port). */
  redirectUri: () => string;
  /** Replaces `fetch` for every request to the provider (tests rewrite its answers). */
  fetch?: typeof fetch;
}

/** A request to the provider that takes longer than this counts as the provider being down. */
const PROVIDER_TIMEOUT_MS = 10_000;

/**
 * The relying party of the OpenID Connect Authorization Code flow, through `openid-client`
 * (certified): discovery, the authorization URL with PKCE, state and nonce, and the code
 * exchange whose ID token it checks (signature against the provider's keys, issuer, audience,
 * expiry, nonce). Discovery runs at each sign-in's start; its result serves the callback.
 */
export class OidcClient {
  private readonly options: OidcClientOptions;
  private configuration: Promise<client.Configuration> | null = null;

  constructor(options: OidcClientOptions) {
    this.options = options;
  }

  private config(fresh = false): Promise<client.Configuration> {
    if (fresh) this.configuration = null;
    const { issuer, clientId, clientSecret } = this.options;
    const url = new URL(issuer);
    const fetchWith = this.options.fetch ?? fetch;
    const timed: client.CustomFetch = (input, init) =>
      fetchWith(input, { ...init, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) } as never);
    this.configuration ??= client
      .discovery(url, clientId, undefined, client.ClientSecretBasic(clientSecret), {
        [client.customFetch]: timed,
        execute: [
          // openid-client trusts an ID token from the token endpoint on the strength of TLS
          // alone (OIDC Core allows it); we check its signature against the provider's keys too.
          client.enableNonRepudiationChecks,
          // The configuration allows plain http for loopback issuers only.
          ...(url.protocol === 'http:' ? [client.allowInsecureRequests] : []),
        ],
      })
      .catch((error: unknown) => {
        this.configuration = null;
        throw new SsoError('provider', `discovery failed: ${describe(error)}`, { cause: error });
      });
    return this.configuration;
  }

  /** The provider's URL to send the browser to, and what the callback must find again. */
  async start(
    target: Pick<OidcLogin, 'nextPath' | 'invite'>,
  ): Promise<{ url: URL; login: OidcLogin }> {
    // Discovered afresh at each sign-in (one small request): a provider that is down is then
    // told on our sign-in page instead of as a browser error on its own address, and a change
    // of its endpoints or keys is picked up. The callback and sign-out use the latest one.
    const config = await this.config(true);
    const codeVerifier = client.randomPKCECodeVerifier();
    const login: OidcLogin = {
      ...target,
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.options.redirectUri(),
      scope: this.options.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    });
    return { url, login };
  }

  /**
   * The provider's answer (the callback's query) to a verified identity and the ID token
   * (kept for the provider's sign-out). Every failure is an SsoError with its code.
   */
  async finish(
    query: string,
    login: OidcLogin,
  ): Promise<{ identity: SsoIdentity; idToken: string }> {
    const config = await this.config();
    const current = new URL(this.options.redirectUri());
    current.search = query;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw classify(error);
    }
    const claims = tokens.claims();
    const idToken = tokens.id_token;
    if (!claims || !idToken) throw new SsoError('token', 'no ID token in the answer');
    let profile: Record<string, unknown> = claims;
    // Some providers put the email and name in the userinfo answer only.
    if (claims.email === undefined && tokens.access_token) {
      try {
        profile = {
          ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)),
          ...claims,
        };
      } catch (error) {
        throw classify(error);
      }
    }
    return {
      idToken,
      identity: {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof profile.email === 'string' ? profile.email.trim().toLowerCase() : null,
        // Only a real `true` counts: some providers send the string "true", which we do not trust.
        emailVerified: profile.email_verified === true,
        name: typeof profile.name === 'string' && profile.name.trim() ? profile.name.trim() : null,
      },
    };
  }

  /** The provider's sign-out URL (RP-initiated logout), when its discovery document has one. */
  async logoutUrl(idToken: string, postLogoutRedirectUri: string): Promise<string | null> {
    let config: client.Configuration;
    try {
      config = await this.config();
    } catch {
      return null;
    }
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: postLogoutRedirectUri,
      })
      .toString();
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/** An openid-client failure as the code the sign-in page explains. */
function classify(error: unknown): SsoError {
  const message = describe(error);
  if (error instanceof client.AuthorizationResponseError) {
    return new SsoError('denied', `the provider answered ${error.error}`, { cause: error });
  }
  if (error instanceof client.ResponseBodyError) {
    // invalid_grant: the code was already used, expired, or issued to another request.
    if (error.status >= 500) return new SsoError('provider', message, { cause: error });
    return new SsoError('code', `token endpoint: ${error.error}`, { cause: error });
  }
  if (
    error instanceof TypeError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  ) {
    return new SsoError('provider', message, { cause: error });
  }
  if (/"state"/.test(message)) return new SsoError('state', message, { cause: error });
  return new SsoError('token', message, { cause: error });
}
