import { describe, expect, expectTypeOf, it } from 'vitest';
import { loadConfig, SETTINGS } from './config.ts';

describe('loadConfig', () => {
  it('has a safe default for every setting', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.maxMessageBytes).toBe(16 * 1024 * 1024);
    expect(config.sqliteSynchronous).toBe('FULL');
    expect(config.allowedOrigins).toEqual([]);
    expect(Object.keys(config)).toHaveLength(SETTINGS.length);
  });

  it('reads the environment', () => {
    const config = loadConfig({
      PORT: '0',
      MAX_MESSAGE_BYTES: '2048',
      ALLOWED_ORIGINS: 'https://a.ca, https://b.ca',
      LOG_LEVEL: 'warn',
    });
    expect(config.port).toBe(0);
    expect(config.maxMessageBytes).toBe(2048);
    expect(config.allowedOrigins).toEqual(['https://a.ca', 'https://b.ca']);
    expect(config.logLevel).toBe('warn');
  });

  it('types each setting by what its parser returns (checked by check-types)', () => {
    const config = loadConfig({});
    expectTypeOf(config.port).toEqualTypeOf<number>();
    expectTypeOf(config.sqliteSynchronous).toEqualTypeOf<'FULL' | 'NORMAL' | 'EXTRA'>();
    expectTypeOf(config.allowedOrigins).toEqualTypeOf<string[]>();
    expectTypeOf(config.logLevel).toEqualTypeOf<string>();
    expect(config.logLevel).toBe('info');
    expect(config.instanceId).not.toBe('');
  });

  it('resolves DATA_DIR from the INIT_CWD it is given, not the process environment', () => {
    const config = loadConfig({ DATA_DIR: 'boards', INIT_CWD: '/srv/roadmap' });
    expect(config.dataDir).toBe('/srv/roadmap/boards');
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be an integer/);
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(
      /SQLITE_SYNCHRONOUS must be one of/,
    );
    expect(() => loadConfig({ MAX_MESSAGE_BYTES: '-1' })).toThrow(/MAX_MESSAGE_BYTES/);
  });

  it('asks for no second factor by default, and reads who must have one', () => {
    expect(loadConfig({})).toMatchObject({ requireMfa: 'off', mfaEncryptionKey: '' });
    expect(loadConfig({ REQUIRE_MFA: 'admins' }).requireMfa).toBe('admins');
    expect(loadConfig({ REQUIRE_MFA: 'all' }).requireMfa).toBe('all');
    expect(() => loadConfig({ REQUIRE_MFA: 'yes' })).toThrow(/REQUIRE_MFA must be one of/);
  });

  it('reads MFA_ENCRYPTION_KEY as 32 bytes, in hex or base64', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ MFA_ENCRYPTION_KEY: hex }).mfaEncryptionKey).toBe(
      Buffer.from(hex, 'hex').toString('base64'),
    );
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ MFA_ENCRYPTION_KEY: b64 }).mfaEncryptionKey).toBe(b64);
    expect(() => loadConfig({ MFA_ENCRYPTION_KEY: 'short' })).toThrow(
      /MFA_ENCRYPTION_KEY must be 32 bytes/,
    );
  });

  it('sends no mail by default, reads the relay, and needs a shared key with PostgreSQL', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: '', mailDefaultLang: 'en', mailTokenKey: '' });
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@relay.gc.ca:465' }).smtpUrl).toBe(
      'smtps://u:p@relay.gc.ca:465',
    );
    expect(() => loadConfig({ SMTP_URL: 'http://relay' })).toThrow(/SMTP_URL must be an smtp/);
    expect(() => loadConfig({ MAIL_DEFAULT_LANG: 'de' })).toThrow(/MAIL_DEFAULT_LANG/);
    expect(() =>
      loadConfig({ SMTP_URL: 'smtp://relay:25', DATABASE_URL: 'postgres://db/x' }),
    ).toThrow(/MAIL_TOKEN_KEY is required/);
    const key = 'cd'.repeat(32);
    expect(
      loadConfig({
        SMTP_URL: 'smtp://relay:25',
        DATABASE_URL: 'postgres://db/x',
        MAIL_TOKEN_KEY: key,
      }).mailTokenKey,
    ).toBe(Buffer.from(key, 'hex').toString('base64'));
  });

  it('keeps metrics off unless asked, and never without a token', () => {
    expect(loadConfig({})).toMatchObject({ metrics: false, metricsToken: '' });
    const token = 'a'.repeat(32);
    expect(loadConfig({ METRICS: 'on', METRICS_TOKEN: token })).toMatchObject({
      metrics: true,
      metricsToken: token,
    });
    expect(loadConfig({ METRICS: 'OFF', METRICS_TOKEN: token }).metrics).toBe(false);
    expect(() => loadConfig({ METRICS: 'on' })).toThrow(/METRICS=on requires METRICS_TOKEN/);
    expect(() => loadConfig({ METRICS: 'on', METRICS_TOKEN: '   ' })).toThrow(
      /METRICS=on requires METRICS_TOKEN/,
    );
    expect(() => loadConfig({ METRICS: 'on', METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN must be at least 16 characters/,
    );
    expect(() => loadConfig({ METRICS: 'on', METRICS_TOKEN: 'has a space inside it' })).toThrow(
      /METRICS_TOKEN must be at least 16 characters, without spaces/,
    );
    expect(() => loadConfig({ METRICS: 'yes', METRICS_TOKEN: token })).toThrow(
      /METRICS must be one of ON, OFF/,
    );
  });

  it('turns single sign-on on with an issuer and a client id, https unless on loopback', () => {
    expect(loadConfig({})).toMatchObject({
      oidcIssuer: '',
      oidcScopes: 'openid email profile',
      oidcLabelEn: 'Sign in with single sign-on',
      oidcLabelFr: 'Se connecter par authentification unique',
      oidcAdminEmails: [],
      passwordSignin: true,
    });
    const sso = loadConfig({
      OIDC_ISSUER: 'https://sso.example.gc.ca/realms/gc',
      OIDC_CLIENT_ID: 'roadmap',
      OIDC_CLIENT_SECRET: ' s3cret ',
      OIDC_SCOPES: 'email  profile groups',
      OIDC_ADMIN_EMAILS: 'Ada@GC.ca, bob@gc.ca',
      PASSWORD_SIGNIN: 'off',
    });
    expect(sso).toMatchObject({
      oidcIssuer: 'https://sso.example.gc.ca/realms/gc',
      oidcClientId: 'roadmap',
      oidcClientSecret: 's3cret',
      oidcScopes: 'openid email profile groups',
      oidcAdminEmails: ['ada@gc.ca', 'bob@gc.ca'],
      passwordSignin: false,
    });
    expect(
      loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'x' }).oidcIssuer,
    ).toBe('http://127.0.0.1:9000');
    expect(
      loadConfig({ OIDC_ISSUER: 'http://localhost:9000', OIDC_CLIENT_ID: 'x' }).oidcIssuer,
    ).toBe('http://localhost:9000');
    expect(() =>
      loadConfig({ OIDC_ISSUER: 'http://sso.example.gc.ca', OIDC_CLIENT_ID: 'x' }),
    ).toThrow(/OIDC_ISSUER must be an https URL/);
    expect(() => loadConfig({ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'x' })).toThrow(
      /OIDC_ISSUER must be a URL/,
    );
    expect(() => loadConfig({ OIDC_ISSUER: 'https://sso.example.gc.ca' })).toThrow(
      /OIDC_ISSUER requires OIDC_CLIENT_ID/,
    );
    expect(() => loadConfig({ PASSWORD_SIGNIN: 'off' })).toThrow(
      /PASSWORD_SIGNIN=off requires OIDC_ISSUER/,
    );
    expect(() => loadConfig({ PASSWORD_SIGNIN: 'no' })).toThrow(
      /PASSWORD_SIGNIN must be one of ON, OFF/,
    );
  });

  it('is documented in the README, every variable', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const setting of SETTINGS) expect(readme).toContain(`\`${setting.env}\``);
  });
});
