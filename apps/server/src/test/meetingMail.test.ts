import { afterEach, describe, expect, it } from 'vitest';
import { sweepDigests } from '../mail/sendDigest.ts';
import { dayOf } from '../meetings/meetingTypes.ts';
import { type MailRelay, startMailRelay } from './mailRelay.ts';
import { apiOf, boardWithTargets } from './meetingKit.ts';
import { startTestServer, type TestServer } from './testServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup() {
  const relay: MailRelay = await startMailRelay();
  cleanups.push(() => relay.close());
  const s: TestServer = await startTestServer({
    smtpUrl: relay.url,
    mailFrom: 'Feuille de route <roadmap@example.ca>',
    mailPollMs: 100,
    mailRetryBaseMs: 200,
    mailSendTimeoutMs: 2000,
    // The test runs the sweep itself.
    voteSweepMs: 3_600_000,
  });
  cleanups.push(() => s.dispose());
  const api = apiOf(s);
  const board = await boardWithTargets(s);
  return { relay, s, api, ...board };
}

describe('action mail through a real relay', () => {
  it('mails the owner once when assigned, once when due soon and once when overdue', async () => {
    const { relay, s, api, boardId, cardIds } = await setup();
    const owner = await s.session(boardId, 'council');
    const b = `/boards/${boardId}`;
    const soon = dayOf(Date.now() + 86_400_000);
    const created = await api(`${b}/actions`, {
      body: {
        title: { fr: 'Relire le plan', en: 'Review the plan' },
        ownerId: owner.user.id,
        dueOn: soon,
        target: { kind: 'card', id: cardIds[0] },
        meetingId: null,
        decisionId: null,
      },
    });
    expect(created.status).toBe(201);
    const [assigned] = await relay.waitFor(1);
    expect(assigned!.to).toEqual([owner.user.email]);
    expect(assigned!.subject).toContain('Action assigned: Review the plan');
    expect(assigned!.subject).toContain('Action confiée : Relire le plan');
    expect(assigned!.text).toContain(soon);
    // Due within ACTION_REMIND_DAYS: one reminder, however often the sweep runs.
    expect(await s.meetingSweep.run()).toMatchObject({ reminded: 1 });
    expect(await s.meetingSweep.run()).toMatchObject({ reminded: 0 });
    const [, due] = await relay.waitFor(2);
    expect(due!.subject).toContain('Action due soon: Review the plan');
    // Past its date: one more, as overdue.
    expect(await s.meetingSweep.run(Date.now() + 3 * 86_400_000)).toMatchObject({ reminded: 1 });
    expect(await s.meetingSweep.run(Date.now() + 4 * 86_400_000)).toMatchObject({ reminded: 0 });
    const mails = await relay.waitFor(3);
    expect(mails[2]!.subject).toContain('Action overdue: Review the plan');
    expect(mails[2]!.subject).toContain('Action en retard : Relire le plan');
    // Done: no more reminders even when the date moves.
    const actionId = (created.json.action as { id: string }).id;
    await api(`${b}/actions/${actionId}`, {
      method: 'PATCH',
      cookie: owner.cookie,
      body: { state: 'done' },
    });
    expect(await s.meetingSweep.run(Date.now() + 10 * 86_400_000)).toMatchObject({ reminded: 0 });
    await new Promise((r) => setTimeout(r, 400));
    expect(relay.received).toHaveLength(3);
  });

  it('mails no digest for a decision’s version, nor at the start’s sweep; a named version still gets one', async () => {
    const { relay, s, api, boardId, cardIds } = await setup();
    const council = await s.session(boardId, 'council');
    const b = `/boards/${boardId}`;
    const meeting = await api(`${b}/meetings`, {
      body: { title: { fr: 'Réunion', en: 'Meeting' }, heldOn: dayOf(Date.now()) },
    });
    const meetingId = (meeting.json.meeting as { id: string }).id;
    const decided = await api(`${b}/meetings/${meetingId}/decisions`, {
      body: {
        text: { fr: 'On avance.', en: 'We go ahead.' },
        targets: [{ kind: 'card', id: cardIds[0] }],
      },
    });
    expect(decided.status).toBe(201);
    const deps = {
      accounts: s.auth.store,
      storage: s.storage,
      versions: s.versions,
      publicUrl: () => s.url,
      defaultLang: 'en' as const,
    };
    expect(await sweepDigests(deps)).toBe(0);
    // A version named by hand is announced to the council as before.
    const named = await api(`${b}/versions`, { body: { name: 'Printemps' } });
    expect(named.status).toBe(201);
    const [digest] = await relay.waitFor(1);
    expect(digest!.to).toContain(council.user.email);
    expect(digest!.subject).toContain('Printemps');
    await new Promise((r) => setTimeout(r, 400));
    expect(relay.received).toHaveLength(1);
  });
});
