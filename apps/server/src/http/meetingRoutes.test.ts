import { afterEach, describe, expect, it } from 'vitest';
import { openEventStream } from '../test/eventStream.ts';
import { apiOf, boardWithTargets, type Json } from '../test/meetingKit.ts';
import { startTestServer, type TestServer } from '../test/testServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

interface VoteView {
  id: string;
  state: string;
  options: { target: { kind: string; id: string }; count: number | null }[];
  myDots: { kind: string; id: string }[];
  voters: number;
  ballots: { voter: { id: string; name: string }; target: { kind: string; id: string } }[] | null;
  closedAt: number | null;
}

async function setup(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const s: TestServer = await startTestServer({ voteSweepMs: 3_600_000, ...overrides });
  cleanups.push(() => s.dispose());
  const api = apiOf(s);
  const board = await boardWithTargets(s);
  const { boardId } = board;
  const council = await s.session(boardId, 'council');
  const council2 = await s.session(boardId, 'council');
  const team = await s.session(boardId, 'task-team', [board.cardIds[0]!]);
  const observer = await s.session(boardId, 'observer');
  const secretariat = await s.session(boardId, 'secretariat');
  const b = `/boards/${boardId}`;
  const meeting = async (cookie = secretariat.cookie) => {
    const created = await api(`${b}/meetings`, {
      body: { title: { fr: 'Réunion', en: 'Meeting' }, heldOn: '2026-12-01' },
      cookie,
    });
    expect(created.status).toBe(201);
    return (created.json.meeting as { id: string }).id;
  };
  const openVote = async (meetingId: string, body: Json = {}) =>
    api(`${b}/meetings/${meetingId}/votes`, {
      cookie: secretariat.cookie,
      body: {
        question: { fr: 'Priorités ?', en: 'Priorities?' },
        targets: [
          { kind: 'card', id: board.cardIds[0] },
          { kind: 'card', id: board.cardIds[1] },
          { kind: 'item', id: board.itemIds[0] },
        ],
        votesPerVoter: 3,
        secret: false,
        liveResults: false,
        closesAt: null,
        ...body,
      },
    });
  const dot = (voteId: string, cookie: string, target: Json, extra: Json = {}) =>
    api(`${b}/votes/${voteId}/dots`, { cookie, body: { target, ...extra } });
  return {
    s,
    api,
    ...board,
    b,
    council,
    council2,
    team,
    observer,
    secretariat,
    meeting,
    openVote,
    dot,
  };
}

describe('meetings over REST', () => {
  it('creates, lists and edits meetings; the agenda keeps its ids; roles are checked', async () => {
    const { api, b, cardIds, domainIds, council, observer, secretariat, meeting, s } =
      await setup();
    const refused = await api(`${b}/meetings`, {
      cookie: council.cookie,
      body: { title: { fr: 'R', en: 'M' }, heldOn: '2026-12-01' },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('secretariat-only');
    const id = await meeting();
    // An administrator without a membership acts as secretariat.
    await meeting(s.cookie);
    const agenda = [
      {
        title: { fr: 'Sécurité', en: '' },
        target: { kind: 'card', id: cardIds[0] },
        minutes: 5,
        reason: 'overdue',
      },
      {
        title: { fr: '', en: '' },
        target: { kind: 'domain', id: domainIds[0] },
        minutes: null,
        reason: null,
      },
      { title: { fr: 'Divers', en: 'Other' }, target: null, minutes: null, reason: null },
    ];
    const patched = await api(`${b}/meetings/${id}`, {
      method: 'PATCH',
      cookie: secretariat.cookie,
      body: { agenda },
    });
    expect(patched.status).toBe(200);
    const entries = (patched.json.meeting as { agenda: { id: string; minutes: number | null }[] })
      .agenda;
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      title: { fr: 'Sécurité', en: '' },
      minutes: 5,
      reason: 'overdue',
    });
    // Reordered with the ids: they are kept; a new entry gets one.
    const again = await api(`${b}/meetings/${id}`, {
      method: 'PATCH',
      cookie: secretariat.cookie,
      body: {
        agenda: [
          { ...agenda[2], id: entries[2]!.id },
          { ...agenda[0], id: entries[0]!.id },
          { title: { fr: 'Nouveau', en: 'New' }, target: null, minutes: 10, reason: null },
        ],
      },
    });
    const after = (again.json.meeting as { agenda: { id: string }[] }).agenda.map((e) => e.id);
    expect(after.slice(0, 2)).toEqual([entries[2]!.id, entries[0]!.id]);
    expect(entries.map((e) => e.id)).not.toContain(after[2]);
    // An unknown target is refused.
    const unknown = await api(`${b}/meetings/${id}`, {
      method: 'PATCH',
      cookie: secretariat.cookie,
      body: {
        agenda: [
          {
            title: { fr: 'x', en: '' },
            target: { kind: 'card', id: 'nope' },
            minutes: null,
            reason: null,
          },
        ],
      },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.code).toBe('unknown-target');
    const badMinutes = await api(`${b}/meetings/${id}`, {
      method: 'PATCH',
      cookie: secretariat.cookie,
      body: { agenda: [{ title: { fr: 'x', en: '' }, target: null, minutes: 121, reason: null }] },
    });
    expect(badMinutes.status).toBe(400);
    // Observers read.
    const listed = await api(`${b}/meetings`, { cookie: observer.cookie });
    expect(listed.status).toBe(200);
    expect((listed.json.meetings as unknown[]).length).toBe(2);
    const detail = await api(`${b}/meetings/${id}`, { cookie: observer.cookie });
    expect(Object.keys(detail.json).sort()).toEqual(['actions', 'decisions', 'meeting', 'votes']);
    const observerPatch = await api(`${b}/meetings/${id}`, {
      method: 'PATCH',
      cookie: observer.cookie,
      body: { heldOn: '2026-12-02' },
    });
    expect(observerPatch.status).toBe(403);
  });

  it('walks the agenda: presenter, current entry, timer, audit once at start and at the end', async () => {
    const { s, api, b, boardId, council, secretariat, meeting } = await setup();
    const id = await meeting();
    const patched = await api(`${b}/meetings/${id}`, {
      method: 'PATCH',
      cookie: secretariat.cookie,
      body: {
        agenda: [{ title: { fr: 'Un', en: 'One' }, target: null, minutes: 3, reason: null }],
      },
    });
    const entryId = (patched.json.meeting as { agenda: { id: string }[] }).agenda[0]!.id;
    const byCouncil = await api(`${b}/meetings/${id}/present`, {
      cookie: council.cookie,
      body: { entryId },
    });
    expect(byCouncil.status).toBe(403);
    const before = Date.now();
    const live = await api(`${b}/meetings/${id}/present`, {
      cookie: secretariat.cookie,
      body: { entryId, timerMinutes: 3 },
    });
    expect(live.status).toBe(200);
    const m = live.json.meeting as Json;
    expect(m.state).toBe('live');
    expect(m.presenter).toEqual({ id: secretariat.user.id, name: 'Test' });
    expect(m.currentEntryId).toBe(entryId);
    expect(m.timerEndsAt as number).toBeGreaterThanOrEqual(before + 180_000);
    const stepped = await api(`${b}/meetings/${id}/present`, {
      cookie: secretariat.cookie,
      body: { entryId: null, timerMinutes: null },
    });
    expect(stepped.json.meeting).toMatchObject({
      state: 'live',
      currentEntryId: null,
      timerEndsAt: null,
    });
    const notInAgenda = await api(`${b}/meetings/${id}/present`, {
      cookie: secretariat.cookie,
      body: { entryId: 'elsewhere' },
    });
    expect(notInAgenda.status).toBe(400);
    const ended = await api(`${b}/meetings/${id}/present`, {
      cookie: secretariat.cookie,
      body: { end: true },
    });
    expect(ended.json.meeting).toMatchObject({ state: 'ended' });
    const log = await s.auth.store.auditLog({ boardId });
    const actions = log.map((e) => e.action);
    expect(actions.filter((a) => a === 'meeting-started')).toHaveLength(1);
    expect(actions.filter((a) => a === 'meeting-ended')).toHaveLength(1);
    expect(actions).toContain('meeting-created');
  });

  it('lets council members vote within their votes; counts hidden while open; ballots of open votes', async () => {
    const {
      s,
      api,
      b,
      boardId,
      cardIds,
      itemIds,
      council,
      council2,
      team,
      observer,
      secretariat,
      meeting,
      openVote,
      dot,
    } = await setup();
    const id = await meeting();
    const opened = await openVote(id);
    expect(opened.status).toBe(201);
    const voteId = (opened.json.vote as VoteView).id;
    const card = { kind: 'card', id: cardIds[0] };
    for (const cookie of [team.cookie, observer.cookie, secretariat.cookie, s.cookie]) {
      const refused = await dot(voteId, cookie, card);
      expect(refused.status).toBe(403);
      expect(refused.json.code).toBe('may-not-vote');
    }
    expect((await dot(voteId, council.cookie, card)).status).toBe(201);
    expect((await dot(voteId, council.cookie, card)).status).toBe(201);
    const third = await dot(voteId, council.cookie, { kind: 'item', id: itemIds[0] });
    expect(third.status).toBe(201);
    const fourth = await dot(voteId, council.cookie, card);
    expect(fourth.status).toBe(409);
    expect(fourth.json.code).toBe('no-votes-left');
    const notOption = await dot(voteId, council2.cookie, { kind: 'card', id: cardIds[5] });
    expect(notOption.status).toBe(400);
    expect(notOption.json.code).toBe('not-an-option');
    expect((await dot(voteId, council2.cookie, card)).status).toBe(201);
    // While open without live results: counts and ballots hidden, my dots shown.
    const mine = (await api(`${b}/votes`, { cookie: council.cookie })).json.votes as VoteView[];
    expect(mine[0]!.options.map((o) => o.count)).toEqual([null, null, null]);
    expect(mine[0]!.ballots).toBeNull();
    expect(mine[0]!.myDots).toHaveLength(3);
    expect(mine[0]!.voters).toBe(2);
    // Taking back a dot.
    const removed = await api(`${b}/votes/${voteId}/dots?kind=card&id=${cardIds[0]}`, {
      method: 'DELETE',
      cookie: council.cookie,
    });
    expect(removed.status).toBe(200);
    expect((removed.json.vote as VoteView).myDots).toHaveLength(2);
    const noDot = await api(`${b}/votes/${voteId}/dots?kind=card&id=${cardIds[1]}`, {
      method: 'DELETE',
      cookie: council.cookie,
    });
    expect(noDot.status).toBe(404);
    expect(noDot.json.code).toBe('no-dot');
    // Closing: council may not; the secretariat does, once audited.
    expect(
      (await api(`${b}/votes/${voteId}/close`, { cookie: council.cookie, body: {} })).status,
    ).toBe(403);
    const closed = await api(`${b}/votes/${voteId}/close`, {
      cookie: secretariat.cookie,
      body: {},
    });
    expect(closed.status).toBe(200);
    const view = closed.json.vote as VoteView;
    expect(view.state).toBe('closed');
    expect(view.options.map((o) => o.count)).toEqual([2, 0, 1]);
    expect(view.ballots).toHaveLength(3);
    expect(view.ballots!.filter((x) => x.voter.id === council.user.id)).toHaveLength(2);
    const late = await dot(voteId, council2.cookie, card);
    expect(late.status).toBe(409);
    expect(late.json.code).toBe('vote-closed');
    const lateRemove = await api(`${b}/votes/${voteId}/dots?kind=card&id=${cardIds[0]}`, {
      method: 'DELETE',
      cookie: council2.cookie,
    });
    expect(lateRemove.status).toBe(409);
    const observed = (await api(`${b}/votes`, { cookie: observer.cookie })).json
      .votes as VoteView[];
    expect(observed[0]!.options.map((o) => o.count)).toEqual([2, 0, 1]);
    expect(observed[0]!.myDots).toEqual([]);
    const log = (await s.auth.store.auditLog({ boardId })).map((e) => e.action);
    expect(log.filter((a) => a === 'vote-opened')).toHaveLength(1);
    expect(log.filter((a) => a === 'vote-closed')).toHaveLength(1);
  });

  it('never shows who voted what in a secret vote; live results show counts while open', async () => {
    const { s, api, b, cardIds, council, secretariat, meeting, openVote, dot } = await setup();
    const id = await meeting();
    const secret = (await openVote(id, { secret: true, liveResults: true })).json.vote as VoteView;
    expect((await dot(secret.id, council.cookie, { kind: 'card', id: cardIds[1] })).status).toBe(
      201,
    );
    for (const cookie of [secretariat.cookie, s.cookie, council.cookie]) {
      const [v] = (await api(`${b}/votes`, { cookie })).json.votes as VoteView[];
      expect(v!.options.map((o) => o.count)).toEqual([0, 1, 0]);
      expect(v!.ballots).toBeNull();
    }
    await api(`${b}/votes/${secret.id}/close`, { cookie: secretariat.cookie, body: {} });
    const detail = await api(`${b}/meetings/${id}`, { cookie: secretariat.cookie });
    const text = detail.text;
    expect((detail.json.votes as VoteView[])[0]!.ballots).toBeNull();
    // The voter's id appears nowhere in what the secretariat reads.
    expect(text).not.toContain(council.user.id);
    const own = (await api(`${b}/votes`, { cookie: council.cookie })).json.votes as VoteView[];
    expect(own[0]!.myDots).toEqual([{ kind: 'card', id: cardIds[1] }]);
  });

  it('refuses a closing time in the past; a vote past its time reads closed and the sweep closes it', async () => {
    const { s, api, b, boardId, cardIds, council, meeting, openVote, dot } = await setup();
    const id = await meeting();
    const past = await openVote(id, { closesAt: Date.now() - 1000 });
    expect(past.status).toBe(400);
    expect(past.json.code).toBe('closes-at-past');
    const soon = (await openVote(id, { closesAt: Date.now() + 400 })).json.vote as VoteView;
    expect(soon.state).toBe('open');
    expect((await dot(soon.id, council.cookie, { kind: 'card', id: cardIds[0] })).status).toBe(201);
    await new Promise((r) => setTimeout(r, 500));
    const [read] = (await api(`${b}/votes`, { cookie: council.cookie })).json.votes as VoteView[];
    expect(read!.state).toBe('closed');
    expect(read!.options[0]!.count).toBe(1);
    const late = await dot(soon.id, council.cookie, { kind: 'card', id: cardIds[0] });
    expect(late.json.code).toBe('vote-closed');
    expect(await s.meetingSweep.run()).toMatchObject({ closed: 1 });
    expect(await s.meetingSweep.run()).toMatchObject({ closed: 0 });
    const entry = (await s.auth.store.auditLog({ boardId })).find(
      (e) => e.action === 'vote-closed',
    );
    expect(entry).toMatchObject({ actorId: null, target: soon.id });
    expect(entry!.details).toMatchObject({ by: 'time' });
  });

  it('records a decision with its named version; lists, filters and exports the register', async () => {
    const { s, api, b, boardId, cardIds, itemIds, council, observer, secretariat, meeting } =
      await setup();
    const id = await meeting();
    const text = { fr: '=SOMME(A1) Prioriser la sécurité', en: 'Put security first, "now"' };
    const byCouncil = await api(`${b}/meetings/${id}/decisions`, {
      cookie: council.cookie,
      body: { text, targets: [] },
    });
    expect(byCouncil.status).toBe(403);
    const recorded = await api(`${b}/meetings/${id}/decisions`, {
      cookie: secretariat.cookie,
      body: { text, targets: [{ kind: 'card', id: cardIds[0] }] },
    });
    expect(recorded.status).toBe(201);
    const decision = recorded.json.decision as Json;
    expect(decision.versionName).toBe(
      'Décision / Decision — 2026-12-01 — Put security first, "now"',
    );
    const versions = await s.versions.list(boardId);
    const version = versions.find((v) => v.id === decision.versionId);
    expect(version).toMatchObject({
      kind: 'named',
      name: decision.versionName,
      authorId: secretariat.user.id,
    });
    expect(version!.note).toBe(`${text.fr}\n\n${text.en}`);
    await api(`${b}/meetings/${id}/decisions`, {
      cookie: secretariat.cookie,
      body: { text: { fr: 'Autre', en: '' }, targets: [{ kind: 'item', id: itemIds[0] }] },
    });
    const all = await api(`${b}/decisions`, { cookie: observer.cookie });
    expect((all.json.decisions as Json[]).map((d) => (d.text as Json).fr)).toEqual([
      'Autre',
      text.fr,
    ]);
    const byTarget = await api(`${b}/decisions?target=card:${cardIds[0]}`, {
      cookie: observer.cookie,
    });
    expect((byTarget.json.decisions as Json[]).map((d) => d.id)).toEqual([decision.id]);
    const byWords = await api(`${b}/decisions?q=SECURITY`, { cookie: observer.cookie });
    expect((byWords.json.decisions as Json[]).map((d) => d.id)).toEqual([decision.id]);
    const none = await api(`${b}/decisions?q=100%25`, { cookie: observer.cookie });
    expect(none.json.decisions).toEqual([]);
    const csv = await api(`${b}/decisions.csv?target=card:${cardIds[0]}`, {
      cookie: observer.cookie,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'recorded_at,meeting_fr,meeting_en,held_on,decision_fr,decision_en,targets,version_name,version_id,recorded_by',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=SOMME(A1) Prioriser la sécurité"`);
    expect(lines[1]).toContain('"Put security first, ""now"""');
    expect(lines[1]).toContain(`"card:${cardIds[0]}"`);
    const log = (await s.auth.store.auditLog({ boardId })).map((e) => e.action);
    expect(log.filter((a) => a === 'decision-recorded')).toHaveLength(2);
  });

  it('assigns actions to members who are not observers; the owner changes the state only', async () => {
    const { s, api, b, boardId, cardIds, council, council2, team, observer, secretariat, meeting } =
      await setup();
    const id = await meeting();
    const body = {
      title: { fr: 'Relire', en: 'Review' },
      ownerId: team.user.id,
      dueOn: '2020-01-01',
      target: { kind: 'card', id: cardIds[0] },
      meetingId: id,
      decisionId: null,
    };
    const toObserver = await api(`${b}/actions`, {
      cookie: secretariat.cookie,
      body: { ...body, ownerId: observer.user.id },
    });
    expect(toObserver.status).toBe(400);
    expect(toObserver.json.code).toBe('bad-owner');
    const byCouncil = await api(`${b}/actions`, { cookie: council.cookie, body });
    expect(byCouncil.status).toBe(403);
    const created = await api(`${b}/actions`, { cookie: secretariat.cookie, body });
    expect(created.status).toBe(201);
    const action = created.json.action as Json;
    expect(action).toMatchObject({
      state: 'open',
      overdue: true,
      owner: { id: team.user.id },
      meetingId: id,
      decisionId: null,
    });
    const later = await api(`${b}/actions`, {
      cookie: secretariat.cookie,
      body: {
        ...body,
        ownerId: council.user.id,
        dueOn: '2999-01-01',
        target: null,
        meetingId: null,
      },
    });
    expect(later.json.action).toMatchObject({ overdue: false, target: null });
    const listed = (await api(`${b}/actions`, { cookie: observer.cookie })).json.actions as Json[];
    expect(listed.map((a) => a.dueOn)).toEqual(['2020-01-01', '2999-01-01']);
    const path = `${b}/actions/${action.id as string}`;
    const byOther = await api(path, {
      method: 'PATCH',
      cookie: council2.cookie,
      body: { state: 'done' },
    });
    expect(byOther.status).toBe(403);
    const ownerTitle = await api(path, {
      method: 'PATCH',
      cookie: team.cookie,
      body: { state: 'done', title: { fr: 'x', en: 'y' } },
    });
    expect(ownerTitle.status).toBe(403);
    const done = await api(path, { method: 'PATCH', cookie: team.cookie, body: { state: 'done' } });
    expect(done.status).toBe(200);
    expect(done.json.action).toMatchObject({ state: 'done', overdue: false });
    const bySecretariat = await api(path, {
      method: 'PATCH',
      cookie: secretariat.cookie,
      body: { state: 'open', dueOn: '2999-02-02' },
    });
    expect(bySecretariat.json.action).toMatchObject({ state: 'open', dueOn: '2999-02-02' });
    const badState = await api(path, {
      method: 'PATCH',
      cookie: team.cookie,
      body: { state: 'lost' },
    });
    expect(badState.status).toBe(400);
    // The caller's actions, on every board they are a member of, with its title.
    const mine = await api('/me/actions', { cookie: team.cookie });
    expect(mine.json.actions).toEqual([
      expect.objectContaining({
        id: action.id,
        boardId,
        boardTitle: { fr: 'Feuille', en: 'Roadmap' },
      }),
    ]);
    await s.auth.store.removeMembership(boardId, team.user.id);
    expect((await api('/me/actions', { cookie: team.cookie })).json.actions).toEqual([]);
    const log = (await s.auth.store.auditLog({ boardId })).map((e) => e.action);
    expect(log.filter((a) => a === 'action-assigned')).toHaveLength(2);
    expect(log.filter((a) => a === 'action-updated')).toHaveLength(2);
  });
});

describe('meetings under attack (real accounts)', () => {
  it('stores exactly the voter’s votes when 30 dots are fired at once', async () => {
    const { api, b, cardIds, council, meeting, openVote, dot } = await setup();
    const id = await meeting();
    const voteId = ((await openVote(id)).json.vote as VoteView).id;
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        dot(voteId, council.cookie, { kind: 'card', id: cardIds[i % 2] }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(3);
    expect(statuses.filter((x) => x === 409)).toHaveLength(27);
    const [v] = (await api(`${b}/votes`, { cookie: council.cookie })).json.votes as VoteView[];
    expect(v!.myDots).toHaveLength(3);
  });

  it('refuses forged fields, unknown fields, oversized bodies and a huge agenda', async () => {
    const { api, b, cardIds, council, council2, secretariat, meeting, openVote, dot } =
      await setup();
    const id = await meeting();
    const voteId = ((await openVote(id)).json.vote as VoteView).id;
    const forged = await dot(
      voteId,
      council.cookie,
      { kind: 'card', id: cardIds[0] },
      { voterId: council2.user.id },
    );
    expect(forged.status).toBe(400);
    expect(forged.json.code).toBe('unknown-fields');
    expect(forged.json.error).toContain('voterId');
    const forgedTarget = await dot(voteId, council.cookie, {
      kind: 'card',
      id: cardIds[0],
      voter: 'x',
    });
    expect(forgedTarget.status).toBe(400);
    const [v] = (await api(`${b}/votes`, { cookie: council2.cookie })).json.votes as VoteView[];
    expect(v!.myDots).toEqual([]);
    const big = await api(`${b}/votes/${voteId}/dots`, {
      cookie: council.cookie,
      rawBody: JSON.stringify({ target: { kind: 'card', id: 'x'.repeat(3000) } }),
    });
    expect(big.status).toBe(413);
    const huge = await api(`${b}/meetings/${id}`, {
      method: 'PATCH',
      cookie: secretariat.cookie,
      rawBody: JSON.stringify({
        agenda: Array.from({ length: 100_000 }, () => ({
          title: { fr: 'x', en: 'x' },
          target: null,
          minutes: null,
          reason: null,
        })),
      }),
    });
    expect(huge.status).toBe(413);
    const long = await api(`${b}/meetings/${id}`, {
      method: 'PATCH',
      cookie: secretariat.cookie,
      body: {
        agenda: Array.from({ length: 51 }, () => ({
          title: { fr: 'x', en: 'x' },
          target: null,
          minutes: null,
          reason: null,
        })),
      },
    });
    expect(long.status).toBe(400);
    expect(long.json.code).toBe('agenda-too-long');
    const extra = await api(`${b}/meetings`, {
      cookie: secretariat.cookie,
      body: { title: { fr: 'a', en: 'b' }, heldOn: '2026-12-01', boardId: 'other', state: 'live' },
    });
    expect(extra.status).toBe(400);
    expect(extra.json.error).toContain('boardId, state');
    const longTitle = await api(`${b}/meetings`, {
      cookie: secretariat.cookie,
      body: { title: { fr: 'a'.repeat(201), en: '' }, heldOn: '2026-12-01' },
    });
    expect(longTitle.status).toBe(400);
    const badDate = await api(`${b}/meetings`, {
      cookie: secretariat.cookie,
      body: { title: { fr: 'a', en: '' }, heldOn: '2026-02-30' },
    });
    expect(badDate.status).toBe(400);
    const tooManyDots = await openVote(id, { votesPerVoter: 21 });
    expect(tooManyDots.status).toBe(400);
    const dupes = await openVote(id, {
      targets: [
        { kind: 'card', id: cardIds[0] },
        { kind: 'card', id: cardIds[0] },
      ],
    });
    expect(dupes.status).toBe(400);
    const domainVote = await openVote(id, { targets: [{ kind: 'domain', id: 'x' }] });
    expect(domainVote.status).toBe(400);
  });
});

describe('meetings live events', () => {
  it('tells the board’s readers after a write', async () => {
    const { s, observer, meeting, openVote } = await setup();
    const stream = await openEventStream(s.url, observer.cookie);
    cleanups.push(() => stream.close());
    const id = await meeting();
    expect(await stream.next('meetings', (d) => (d as Json).meetingId === id)).toMatchObject({
      meetingId: id,
    });
    await openVote(id);
    expect(await stream.next('meetings', (d) => (d as Json).meetingId === id)).toBeTruthy();
  });
});
