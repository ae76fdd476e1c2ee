import { archiveCard } from '@fdr/model';
import { afterEach, describe, expect, it } from 'vitest';
import { accountCommand } from '../admin/accounts.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { enqueueMail } from '../mail/enqueueMail.ts';
import { mailWanted } from '../mail/MailPreferences.ts';
import { sweepDigests } from '../mail/sendDigest.ts';
import { wake } from '../mail/wake.ts';
import { type MailRelay, startMailRelay } from './mailRelay.ts';
import { startTestServer, type TestServer } from './testServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup(relayOptions: Parameters<typeof startMailRelay>[0] = {}) {
  const relay: MailRelay = await startMailRelay(relayOptions);
  cleanups.push(() => relay.close());
  const s: TestServer = await startTestServer({
    smtpUrl: relay.url,
    mailFrom: 'Feuille de route <roadmap@example.ca>',
    mailPollMs: 100,
    mailRetryBaseMs: 200,
    mailRetryMaxDelayMs: 2000,
    mailRetryMaxAttempts: 100,
    mailLeaseMs: 10_000,
    mailSendTimeoutMs: 2000,
  });
  cleanups.push(() => s.dispose());
  const api = async (
    path: string,
    init: { method?: string; body?: unknown; cookie?: string | null } = {},
  ) => {
    const res = await fetch(`${s.url}/api${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        'content-type': 'application/json',
        ...(init.cookie === null ? {} : { cookie: init.cookie ?? s.cookie }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {}
    return { status: res.status, json, text };
  };
  const created = await api('/boards', {
    body: { title: { fr: 'Feuille <&>', en: 'Roadmap <&>' }, template: 'joint-councils-2016' },
  });
  const boardId = (created.json.board as { id: string }).id;
  const cards = (await api(`/boards/${boardId}/checkins`)).json.cards as { id: string }[];
  return { relay, s, api, boardId, cardIds: cards.map((c) => c.id) };
}

const comment = (boardId: string, link: string) => ({
  boardId,
  boardTitle: { fr: 'Feuille', en: 'Roadmap' },
  authorName: 'Ada <Lovelace>',
  targetLabel: { fr: 'Carte française', en: 'English card' },
  excerpt: 'See @Test & <script>alert(1)</script>',
  link,
});

describe('mail through a real relay', () => {
  it('mails an invitation whose link is accepted', async () => {
    const { relay, s, api, boardId } = await setup();
    const refused = await api(`/boards/${boardId}/invites`, {
      body: { role: 'observer', email: 'not an address' },
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ code: 'invalid-email' });
    expect(String(refused.json.errorFr)).toMatch(/courriel/);
    const res = await api(`/boards/${boardId}/invites`, {
      body: { role: 'observer', email: 'New.Person@Example.ca' },
    });
    expect(res.status).toBe(201);
    expect(res.json.mailed).toBe(true);
    const [mail] = await relay.waitFor(1);
    expect(mail!.to).toEqual(['new.person@example.ca']);
    expect(mail!.subject).toBe(
      'Invitation to the board “Roadmap <&>” / Invitation au tableau « Feuille <&> »',
    );
    // No unsubscribe on an invitation (it is not optional).
    expect(mail!.header('list-unsubscribe')).toBeUndefined();
    const link = /(http:\/\/\S+\/invite#([A-Za-z0-9_-]+))/.exec(mail!.text);
    expect(link?.[1]).toBe(res.json.url);
    const accepted = await api('/invites/accept', {
      body: {
        token: link![2],
        email: 'new.person@example.ca',
        name: 'New Person',
        password: 'a long enough passphrase 42',
      },
      cookie: null,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.membership).toMatchObject({ boardId, role: 'observer' });
    // The board's outbox, for the secretariat.
    const outbox = await api(`/boards/${boardId}/mail`);
    expect(outbox.json.messages).toEqual([
      expect.objectContaining({
        kind: 'invite',
        email: 'new.person@example.ca',
        state: 'sent',
        attempts: 1,
      }),
    ]);
    expect((await api('/config')).json.mail).toBe(true);
    expect(s.logs.some((l) => l.msg === 'mail sent')).toBe(true);
    expect(JSON.stringify(s.logs)).not.toContain(relay.url);
  });

  it('renders a mention in both languages, the reader’s first, with a one-click unsubscribe', async () => {
    const { relay, s, boardId } = await setup();
    const reader = await s.session(boardId, 'council');
    const sql = s.auth.store.executor;
    await sql.transaction((tx) =>
      enqueueMail(tx, {
        key: `mention:c1:${reader.user.id}`,
        kind: 'mention',
        boardId,
        userId: reader.user.id,
        email: reader.user.email,
        lang: 'fr',
        payload: comment(boardId, `${s.url}/b/${boardId}?card=x`),
      }),
    );
    wake();
    const [mail] = await relay.waitFor(1);
    expect(mail!.subject).toBe(
      'Ada <Lovelace> vous a mentionné (Carte française) / Ada <Lovelace> mentioned you (English card)',
    );
    const fr = mail!.text.indexOf('vous a mentionné dans une discussion');
    const en = mail!.text.indexOf('mentioned you in a discussion');
    expect(fr).toBeGreaterThanOrEqual(0);
    expect(en).toBeGreaterThan(fr);
    // Plain text keeps the words as written; the HTML part escapes them.
    expect(mail!.text).toContain('See @Test & <script>alert(1)</script>');
    const flat = mail!.raw.replace(/=\r?\n/g, '');
    expect(flat).toContain('See @Test &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(flat).not.toMatch(/<p>[^<]*<script>/);
    expect(mail!.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /^<(.+)>$/.exec(mail!.header('list-unsubscribe') ?? '')?.[1];
    expect(unsubscribe).toMatch(/\/api\/mail\/unsubscribe\?token=/);
    // GET shows a page and changes nothing; POST (what a mail client sends) turns it off.
    const page = await fetch(unsubscribe!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    expect(await mailWanted(sql, reader.user.id, 'mention')).toBe(true);
    const posted = await fetch(unsubscribe!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(200);
    expect(await mailWanted(sql, reader.user.id, 'mention')).toBe(false);
    expect(await mailWanted(sql, reader.user.id, 'reply')).toBe(true);
    const forged = await fetch(unsubscribe!.replace(/.{4}$/, 'AAAA'), { method: 'POST' });
    expect(forged.status).toBe(400);
  });

  it('reminds a task team of its stale cards, once per schedule time', async () => {
    const { relay, s, api, boardId, cardIds } = await setup();
    const member = await s.session(boardId, 'task-team', [cardIds[0]!, cardIds[1]!]);
    await s.session(boardId, 'task-team', []);
    expect(
      (await api(`/boards/${boardId}/reminders`, { method: 'PUT', body: { everyDays: 0 } })).status,
    ).toBe(400);
    const set = await api(`/boards/${boardId}/reminders`, {
      method: 'PUT',
      body: { everyDays: 7 },
    });
    expect(set.json.everyDays).toBe(7);
    // Not due yet; then 60 days later every card is past the board's staleness period.
    expect(await s.mail.runReminders()).toBe(0);
    const later = Date.now() + 60 * 86_400_000;
    expect(await s.mail.runReminders(later)).toBe(1);
    expect(await s.mail.runReminders(later)).toBe(0);
    const [mail] = await relay.waitFor(1);
    expect(mail!.to).toEqual([member.user.email]);
    expect(mail!.subject).toMatch(/^Check-ins due: Roadmap <&> \/ Bilans attendus/);
    expect(mail!.text.match(/no check-in yet/g)).toHaveLength(2);
    const schedule = await api(`/boards/${boardId}/reminders`);
    expect(schedule.json.nextAt as number).toBeGreaterThan(later);
  });

  it('mails the digest of a named version to council and secretariat, and the sweep finds a lost one', async () => {
    const { relay, s, api, boardId, cardIds } = await setup();
    const council = await s.session(boardId, 'council');
    const secretariat = await s.session(boardId, 'secretariat');
    await s.session(boardId, 'observer');
    expect((await api(`/boards/${boardId}/versions`, { body: { name: 'V1' } })).status).toBe(201);
    await relay.waitFor(2);
    const board = await s.registry.acquire(boardId);
    archiveCard(board.doc, { id: cardIds[0]! }, 'test');
    archiveCard(board.doc, { id: cardIds[1]! }, 'test');
    await board.whenPersisted();
    s.registry.release(boardId);
    const taken = await api(`/boards/${boardId}/versions`, { body: { name: 'V2' } });
    const mails = await relay.waitFor(4);
    const second = mails.slice(2);
    expect(second.map((m) => m.to[0]).sort()).toEqual(
      [council.user.email, secretariat.user.email].sort(),
    );
    expect(second[0]!.subject).toMatch(/^Version “V2”: Roadmap <&> \/ Version « V2 »/);
    expect(second[0]!.text).toContain('- 2 cards archived');
    expect(second[0]!.text).toContain('- 2 cartes archivées');
    // A crash between the version and its mail: the start's sweep enqueues it, once.
    const versionId = (taken.json.version as { id: string }).id;
    const sql = s.auth.store.executor;
    await sql.run('DELETE FROM mail_outbox WHERE idem_key LIKE ?', [`digest:${versionId}:%`]);
    const deps = {
      accounts: s.auth.store,
      storage: s.storage,
      versions: s.versions,
      publicUrl: () => s.url,
      defaultLang: 'en' as const,
    };
    expect(await sweepDigests(deps)).toBe(2);
    expect(await sweepDigests(deps)).toBe(0);
  });

  it('mails a reset link from the command line and waits for the relay to take it', async () => {
    const { relay, s, boardId } = await setup();
    const person = await s.session(boardId, 'observer');
    const lines: string[] = [];
    const env = { DATA_DIR: s.dataDir, SQLITE_BUSY_TIMEOUT_MS: '5000', SCRYPT_LOG2N: '10' };
    const args = ['--email', person.user.email, '--send'];
    const logger = createLogger('silent');
    expect(
      await accountCommand('reset-password', args, loadConfig(env), logger, (l) => lines.push(l)),
    ).toBe(1);
    expect(lines.pop()).toMatch(/relay is not configured/);
    const config = loadConfig({ ...env, SMTP_URL: relay.url, PUBLIC_URL: s.url });
    expect(await accountCommand('reset-password', args, config, logger, (l) => lines.push(l))).toBe(
      0,
    );
    expect(lines.pop()).toBe(`reset link mailed to ${person.user.email}`);
    const [mail] = await relay.waitFor(1);
    expect(mail!.to).toEqual([person.user.email]);
    expect(mail!.text).toMatch(new RegExp(`${s.url}/reset#[A-Za-z0-9_-]+`));
  });

  it('keeps each person’s preferences, and the outbox and reminders are the secretariat’s', async () => {
    const { api, s, boardId } = await setup();
    const council = await s.session(boardId, 'council');
    const mine = await api('/account/mail', { cookie: council.cookie });
    expect(mine.json).toEqual({ lang: 'en', off: [], mailConfigured: true });
    const put = await api('/account/mail', {
      method: 'PUT',
      body: { lang: 'fr', off: ['digest', 'reply'] },
      cookie: council.cookie,
    });
    expect(put.json).toEqual({ lang: 'fr', off: ['reply', 'digest'], mailConfigured: true });
    const bad = await api('/account/mail', {
      method: 'PUT',
      body: { off: ['invite'] },
      cookie: council.cookie,
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ code: 'invalid-kinds' });
    expect((await api('/account/mail', { cookie: null })).status).toBe(401);
    expect((await api(`/boards/${boardId}/mail`, { cookie: council.cookie })).status).toBe(403);
    expect((await api(`/boards/${boardId}/reminders`, { cookie: council.cookie })).status).toBe(
      403,
    );
    expect((await api(`/boards/${boardId}/reminders`)).json).toEqual({
      everyDays: null,
      nextAt: null,
    });
  });

  it('marks a refused recipient failed at once and sends the others', async () => {
    const { relay, s, boardId } = await setup({ refuse: (a) => a.startsWith('nobody') });
    const sql = s.auth.store.executor;
    await sql.transaction(async (tx) => {
      for (const [i, email] of ['a@example.ca', 'nobody@example.ca', 'b@example.ca'].entries()) {
        await enqueueMail(tx, {
          key: `mention:refuse:${i}`,
          kind: 'mention',
          boardId,
          email,
          lang: 'en',
          payload: comment(boardId, s.url),
        });
      }
    });
    wake();
    await relay.waitFor(2);
    let rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 100; i++) {
      rows = await sql.all(
        'SELECT email, state, attempts, last_error FROM mail_outbox ORDER BY id',
      );
      if (rows.every((r) => r.state !== 'pending')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(rows.map((r) => [r.email, r.state, r.attempts])).toEqual([
      ['a@example.ca', 'sent', 1],
      ['nobody@example.ca', 'failed', 1],
      ['b@example.ca', 'sent', 1],
    ]);
    expect(String(rows[1]!.last_error)).toMatch(/550/);
  });

  it('delivers every message exactly once after the relay was down for 30 s', async () => {
    const { relay, s } = await setup();
    await relay.down();
    const sql = s.auth.store.executor;
    const count = 50;
    const started = Date.now();
    await sql.transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        await enqueueMail(tx, {
          key: `password-reset:down:${i}`,
          kind: 'password-reset',
          email: `person${i}@example.ca`,
          lang: i % 2 ? 'fr' : 'en',
          payload: { name: `Person ${i}`, link: `${s.url}/reset#t${i}` },
        });
      }
    });
    wake();
    await new Promise((r) => setTimeout(r, 30_000));
    const [deferred] = await sql.all(
      "SELECT COUNT(*) AS n FROM mail_outbox WHERE state = 'pending' AND attempts > 1",
    );
    expect(Number(deferred!.n)).toBe(count);
    await relay.up();
    const upAt = Date.now();
    await relay.waitFor(count, 15_000);
    const deliveredMs = Date.now() - upAt;
    await new Promise((r) => setTimeout(r, 1000));
    const ids = relay.received.map((m) => m.messageId);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    const [sent] = await sql.all("SELECT COUNT(*) AS n FROM mail_outbox WHERE state = 'sent'");
    expect(Number(sent!.n)).toBe(count);
    console.log(
      `relay down 30 s: ${count} messages, all delivered ${deliveredMs} ms after it came back (${Date.now() - started} ms in all), ${ids.length - new Set(ids).size} duplicates`,
    );
  }, 60_000);
});
