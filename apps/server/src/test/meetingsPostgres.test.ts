import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { apiOf, boardWithTargets } from './meetingKit.ts';
import { startTestServer, type TestServer } from './testServer.ts';

/**
 * The dot cap on a real PostgreSQL (never a mock): a server on its own schema, dropped at the
 * end. An unreachable database fails the test; it does not skip it.
 */
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `fdr_meetings_${process.pid}_${Date.now().toString(36)}`;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});
afterAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
});

describe('dot votes on PostgreSQL', () => {
  it('stores exactly 3 of 30 concurrent dots by one council member; the rest are refused', async () => {
    const s: TestServer = await startTestServer({
      databaseUrl: DATABASE_URL,
      databaseSchema: schema,
      voteSweepMs: 3_600_000,
    });
    cleanups.push(() => s.dispose());
    const api = apiOf(s);
    const { boardId, cardIds, itemIds } = await boardWithTargets(s);
    const council = await s.session(boardId, 'council');
    const other = await s.session(boardId, 'council');
    const b = `/boards/${boardId}`;
    const meeting = await api(`${b}/meetings`, {
      body: { title: { fr: 'Réunion', en: 'Meeting' }, heldOn: '2026-12-01' },
    });
    const meetingId = (meeting.json.meeting as { id: string }).id;
    const opened = await api(`${b}/meetings/${meetingId}/votes`, {
      body: {
        question: { fr: 'Q', en: 'Q' },
        targets: [
          { kind: 'card', id: cardIds[0] },
          { kind: 'item', id: itemIds[0] },
        ],
        votesPerVoter: 3,
        secret: true,
        liveResults: false,
        closesAt: null,
      },
    });
    expect(opened.status).toBe(201);
    const voteId = (opened.json.vote as { id: string }).id;
    const fire = (cookie: string, n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          api(`${b}/votes/${voteId}/dots`, {
            cookie,
            body: {
              target: i % 2 ? { kind: 'item', id: itemIds[0] } : { kind: 'card', id: cardIds[0] },
            },
          }),
        ),
      );
    const [mine, theirs] = await Promise.all([fire(council.cookie, 30), fire(other.cookie, 5)]);
    const statuses = mine.map((a) => a.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(3);
    expect(statuses.filter((x) => x === 409)).toHaveLength(27);
    expect(theirs.filter((a) => a.status === 201)).toHaveLength(3);
    // What the table holds, not what the answers said.
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const rows = await client.query(
        `SELECT voter_id, COUNT(*)::int AS n FROM ${schema}.vote_dots WHERE vote_id = $1 GROUP BY voter_id`,
        [voteId],
      );
      expect(rows.rows.map((r: { n: number }) => r.n)).toEqual([3, 3]);
    } finally {
      await client.end();
    }
    await api(`${b}/votes/${voteId}/close`, { body: {} });
    const [vote] = (await api(`${b}/votes`, { cookie: council.cookie })).json.votes as {
      options: { count: number }[];
      ballots: unknown;
      voters: number;
    }[];
    expect(vote!.options.reduce((n, o) => n + o.count, 0)).toBe(6);
    expect(vote!.voters).toBe(2);
    expect(vote!.ballots).toBeNull();
  });
});
