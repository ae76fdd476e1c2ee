import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/testServer.ts';

/*
 * Sign-in under pressure, against the real server with real accounts: concurrent guesses, a
 * burst larger than the hash queue, and the addresses attempts are counted on (behind a proxy,
 * and an office behind one address).
 */

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

const PASSWORD = 'correct horse battery';

async function server(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const s = await startTestServer({ lockoutBaseMs: 60_000, ...overrides });
  servers.push(s);
  return s;
}

async function account(s: TestServer, email: string) {
  await s.auth.createUser({ email, name: email, password: PASSWORD, isAdmin: false }, null);
}

async function signIn(s: TestServer, email: string, password: string, forwardedFor?: string) {
  const res = await fetch(`${s.url}/api/auth/signin`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ email, password }),
  });
  await res.arrayBuffer();
  return { status: res.status, retryAfter: res.headers.get('retry-after') };
}

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('concurrent sign-ins', () => {
  it('31 guesses at once get at most the threshold of answers; the right one is then locked out', async () => {
    // A hash that takes a while, as in production, so the guesses are in flight together.
    const s = await server({ lockoutThreshold: 5, scryptLog2N: 14 });
    await account(s, 'target@gc.ca');
    const attempts = [
      ...Array.from({ length: 30 }, (_, i) => signIn(s, 'target@gc.ca', `wrong-guess-${i}-xxxx`)),
      signIn(s, 'target@gc.ca', PASSWORD),
    ];
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    const counts = tally(statuses);
    // Only attempts admitted before the threshold had their password checked.
    expect((counts[401] ?? 0) + (counts[200] ?? 0)).toBeLessThanOrEqual(5);
    expect(counts[429]).toBeGreaterThanOrEqual(26);
    expect(s.logs.filter((l) => l.msg === 'sign-in failed').length).toBeLessThanOrEqual(5);
    if (statuses[30] === 200) expect(counts[401] ?? 0).toBeLessThanOrEqual(4);
    // The threshold was crossed: the right password is refused too, until the lock passes.
    expect((await signIn(s, 'target@gc.ca', PASSWORD)).status).toBe(429);
  });

  it('a burst beyond the hash queue is turned away at once with 503 and Retry-After', async () => {
    // A costlier hash so the burst overlaps: one at a time, two waiting.
    const s = await server({
      scryptLog2N: 15,
      maxConcurrentHashes: 1,
      hashQueueMax: 2,
      lockoutThreshold: 1000,
      addressLockoutThreshold: 1000,
    });
    await account(s, 'busy@gc.ca');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(s, 'busy@gc.ca', `wrong-guess-${i}-xxxx`)),
    );
    const busy = results.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.every((r) => Number(r.retryAfter) > 0)).toBe(true);
    expect(results.every((r) => r.status === 503 || r.status === 401)).toBe(true);
    expect(s.logs.some((l) => l.msg === 'sign-in refused: password checks queue full')).toBe(true);
    // Turned-away attempts were not counted: the queue drains and the right password works.
    expect((await signIn(s, 'busy@gc.ca', PASSWORD)).status).toBe(200);
  });
});

describe('the address an attempt is counted on', () => {
  it('behind one trusted proxy, two clients of X-Forwarded-For are counted apart', async () => {
    const s = await server({
      trustProxyHops: 1,
      addressLockoutThreshold: 3,
      lockoutThreshold: 100,
    });
    for (let i = 0; i < 3; i++) {
      expect((await signIn(s, `nobody${i}@gc.ca`, 'wrong-password-x', '203.0.113.1')).status).toBe(
        401,
      );
    }
    expect((await signIn(s, 'nobody9@gc.ca', 'wrong-password-x', '203.0.113.1')).status).toBe(429);
    // An entry the client wrote itself, left of the proxy's, changes nothing.
    expect(
      (await signIn(s, 'nobody9@gc.ca', 'wrong-password-x', '198.51.100.7, 203.0.113.1')).status,
    ).toBe(429);
    expect((await signIn(s, 'nobody9@gc.ca', 'wrong-password-x', '203.0.113.2')).status).toBe(401);
  });

  it('with no trusted proxy, X-Forwarded-For is ignored (a guesser cannot spoof new addresses)', async () => {
    const s = await server({ addressLockoutThreshold: 3, lockoutThreshold: 100 });
    for (let i = 0; i < 3; i++) {
      expect(
        (await signIn(s, `nobody${i}@gc.ca`, 'wrong-password-x', `198.51.100.${i}`)).status,
      ).toBe(401);
    }
    expect((await signIn(s, 'nobody9@gc.ca', 'wrong-password-x', '198.51.100.99')).status).toBe(
      429,
    );
  });

  it('one person’s typos behind a shared address do not keep a colleague out', async () => {
    const s = await server({ lockoutThreshold: 5 });
    await account(s, 'typist@gc.ca');
    await account(s, 'colleague@gc.ca');
    const typos: number[] = [];
    for (let i = 0; i < 6; i++)
      typos.push((await signIn(s, 'typist@gc.ca', `typo-${i}-xxxxxxxx`)).status);
    expect(typos).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signIn(s, 'colleague@gc.ca', PASSWORD)).status).toBe(200);
  });

  it('an address locked by guesses still lets in the accounts that signed in from it before', async () => {
    const s = await server({ addressLockoutThreshold: 3, lockoutThreshold: 100 });
    await account(s, 'regular@gc.ca');
    expect((await signIn(s, 'regular@gc.ca', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 3; i++)
      expect((await signIn(s, `victim${i}@gc.ca`, 'wrong-password-x')).status).toBe(401);
    expect((await signIn(s, 'victim9@gc.ca', 'wrong-password-x')).status).toBe(429);
    expect((await signIn(s, 'regular@gc.ca', PASSWORD)).status).toBe(200);
  });

  it('a room of colleagues signing in for the first time from one address is not an attack', async () => {
    const s = await server({ addressLockoutThreshold: 3 });
    const room = Array.from({ length: 6 }, (_, i) => `member${i}@gc.ca`);
    for (const email of room) await account(s, email);
    for (const email of room) expect((await signIn(s, email, PASSWORD)).status).toBe(200);
  });
});
