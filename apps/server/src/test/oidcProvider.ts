import { generateKeyPairSync, type JsonWebKey, sign } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the provider says about a person: the test decides, per subject. */
export interface TestIdentity {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  /** `http://127.0.0.1:port`: the issuer, on a loopback address. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Subjects and their claims; change them between sign-ins to play a change at the provider. */
  accounts: Map<string, TestIdentity>;
  /** The provider's signing key (private), for tests that forge a token it never issued. */
  signingKey: JsonWebKey & { kid: string };
  /** Signs claims as the provider would (RS256, its key): real tokens with chosen claims. */
  signIdToken(claims: Record<string, unknown>): string;
  close(): Promise<void>;
}

export interface TestProviderOptions {
  /** Our server's callback, `PUBLIC_URL/api/auth/oidc/callback`. */
  redirectUri: string;
  /** Where the provider sends people after signing out (PUBLIC_URL). */
  postLogoutRedirectUri?: string;
  /** Another provider's key, so two issuers share one (a token of the other verifies). */
  signingKey?: JsonWebKey & { kid: string };
  /** A fixed port (the e2e test restarts the provider on it to play an outage). */
  port?: number;
}

function newSigningKey(): JsonWebKey & { kid: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: `test-${Date.now()}` };
}

/**
 * A real OpenID provider (`oidc-provider`, a certified implementation) on a loopback port, with
 * one confidential client for our server, an in-memory account store whose claims the test
 * controls, and the library's development login page (any password; the login is the subject).
 * Consent is implied for our client, as for a first-party application.
 */
export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const accounts = new Map<string, TestIdentity>();
  const signingKey = options.signingKey ?? newSigningKey();
  const clientId = 'feuille-de-route';
  const clientSecret = 'test-secret-of-the-roadmap-client';
  // The issuer names its port: listen first, then give the provider the address.
  const { createServer } = await import('node:http');
  let handler: ((req: never, res: never) => void) | null = null;
  const server: Server = createServer((req, res) => handler?.(req as never, res as never));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: options.postLogoutRedirectUri
          ? [options.postLogoutRedirectUri]
          : [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, alg: 'RS256', use: 'sig' }] as never },
    cookies: { keys: ['a-test-cookie-key-of-no-value'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims in the ID token itself, as Keycloak and Entra ID put them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx, sub) {
      if (!accounts.has(sub)) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, ...accounts.get(sub) };
        },
      };
    },
    async loadExistingGrant(ctx) {
      const existing = ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        accountId: ctx.oidc.session!.accountId!,
        clientId: ctx.oidc.client!.clientId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  // No warnings about the development pages on every test run.
  provider.on('server_error', () => {});
  handler = provider.callback() as never;
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signingKey,
    signIdToken: (claims) => signJwt(claims, signingKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function signJwt(claims: Record<string, unknown>, key: JsonWebKey & { kid: string }): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${part(claims)}`;
  const signature = sign('sha256', Buffer.from(input), { key, format: 'jwk' });
  return `${input}.${signature.toString('base64url')}`;
}
