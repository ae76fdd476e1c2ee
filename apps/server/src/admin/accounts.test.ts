import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startTestServer, tempDir } from '../test/testServer.ts';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

function admin(dataDir: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, SCRYPT_LOG2N: '10', PORT: '1' },
    input: input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('pnpm admin (operator CLI)', () => {
  it('creates users, grants roles, and the server honours them', async () => {
    const dataDir = tempDir();
    const missing = admin(dataDir, ['create-user', '--email', 'lead@gc.ca']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--name is required');
    const created = admin(
      dataDir,
      ['create-user', '--email', 'lead@gc.ca', '--name', 'Lead', '--password-stdin'],
      'a long enough password\n',
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain('created lead@gc.ca');
    const linked = admin(dataDir, [
      'create-user',
      '--email',
      'chef@gc.ca',
      '--name',
      'Chef',
      '--admin',
    ]);
    expect(linked.out).toMatch(/set the password at: http:\/\/.+\/reset#[\w-]{40,}/);
    expect(
      admin(dataDir, ['grant', '--email', 'lead@gc.ca', '--board', 'b1', '--role', 'observer'])
        .code,
    ).toBe(0);
    expect(
      admin(dataDir, ['grant', '--email', 'lead@gc.ca', '--board', 'b1', '--role', 'emperor']).code,
    ).toBe(1);
    expect(admin(dataDir, ['list-users']).out).toMatch(/lead@gc\.ca\tLead\tb1:observer/);

    const s = await startTestServer({ dataDir }, { keepDataDir: true });
    try {
      const res = await fetch(`${s.url}/api/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'lead@gc.ca', password: 'a long enough password' }),
      });
      expect(res.status).toBe(200);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const me = (await (await fetch(`${s.url}/api/auth/me`, { headers: { cookie } })).json()) as {
        memberships: { boardId: string; role: string }[];
      };
      expect(me.memberships).toEqual([
        expect.objectContaining({ boardId: 'b1', role: 'observer' }),
      ]);
    } finally {
      await s.dispose();
    }
    expect(admin(dataDir, ['revoke', '--email', 'lead@gc.ca', '--board', 'b1']).out).toContain(
      'no role on b1 any more',
    );
  });

  it('prints its usage for an unknown command', () => {
    const result = admin(tempDir(), ['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage: pnpm admin');
  });
});
