import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { expect, it } from 'vitest';
import { startTestServer, tempDir } from '../test/testServer.ts';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const PASSWORD = 'a long enough password';

async function post(url: string, body: unknown, cookie = '') {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return {
    json: (await res.json()) as Record<string, unknown>,
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  };
}

it('pnpm admin reset-mfa removes a factor, in the audit log with no actor', async () => {
  const dataDir = tempDir();
  const s = await startTestServer({ dataDir });
  try {
    await s.auth.createUser(
      { email: 'fay@gc.ca', name: 'Fay', password: PASSWORD, isAdmin: false },
      null,
    );
    const signIn = () =>
      post(`${s.url}/api/auth/signin`, { email: 'fay@gc.ca', password: PASSWORD });
    const { cookie } = await signIn();
    const { json } = await post(`${s.url}/api/account/mfa/enrol`, {}, cookie);
    const code = new TOTP({ secret: Secret.fromBase32(String(json.secret)) }).generate();
    await post(`${s.url}/api/account/mfa/confirm`, { code }, cookie);
    expect((await signIn()).json.secondFactor).toBeDefined();

    const result = spawnSync(process.execPath, [cli, 'reset-mfa', '--email', 'fay@gc.ca'], {
      env: { ...process.env, DATA_DIR: dataDir, SCRYPT_LOG2N: '10', PORT: '1' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('fay@gc.ca has no second factor now');
    const entry = (await s.auth.store.auditLog()).find((e) => e.action === 'mfa-reset');
    expect(entry).toMatchObject({ actorId: null, target: 'fay@gc.ca' });
    expect((await signIn()).cookie).toMatch(/=/);
  } finally {
    await s.dispose();
  }
});
