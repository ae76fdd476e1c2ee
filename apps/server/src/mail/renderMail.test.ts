import { describe, expect, it } from 'vitest';
import type { MailKind, MailPayloads } from './MailKind.ts';
import { renderMail } from './renderMail.ts';

const title = { fr: 'Feuille « A & B »', en: 'Roadmap "A & B"' };
const PAYLOADS: { [K in MailKind]: MailPayloads[K] } = {
  invite: {
    boardId: 'b',
    boardTitle: title,
    inviterName: 'Ada',
    role: 'council',
    link: 'https://x.ca/invite#t',
  },
  'password-reset': { name: 'Ada', link: 'https://x.ca/reset#t' },
  mention: {
    boardId: 'b',
    boardTitle: title,
    authorName: '<b>Bob</b>',
    targetLabel: { fr: 'Carte', en: '' },
    excerpt: '<img src=x onerror=alert(1)>',
    link: 'https://x.ca/b/b?card=c&x="y"',
  },
  reply: {
    boardId: 'b',
    boardTitle: title,
    authorName: 'Bob',
    targetLabel: { fr: 'Carte', en: 'Card' },
    excerpt: 'ok',
    link: 'https://x.ca/b/b?card=c',
  },
  'checkin-reminder': {
    boardId: 'b',
    boardTitle: title,
    cards: [
      { cardId: 'c', label: { fr: 'Carte', en: 'Card' }, lastCheckinAt: null },
      { cardId: 'd', label: { fr: 'Autre', en: 'Other' }, lastCheckinAt: Date.UTC(2026, 0, 15) },
    ],
    link: 'https://x.ca/me',
  },
  digest: {
    boardId: 'b',
    boardTitle: title,
    versionName: 'Printemps',
    lines: [{ fr: '3 cartes déplacées', en: '3 cards moved' }],
    more: 2,
    link: 'https://x.ca/b/b/versions',
  },
  'action-assigned': {
    boardId: 'b',
    boardTitle: title,
    actionTitle: { fr: 'Relire <le> plan', en: '' },
    dueOn: '2026-03-01',
    assignerName: 'Ada',
    link: 'https://x.ca/me',
  },
  'action-due': {
    boardId: 'b',
    boardTitle: title,
    actionTitle: { fr: 'Relire', en: 'Review' },
    dueOn: '2026-03-01',
    overdue: true,
    link: 'https://x.ca/me',
  },
};

describe('renderMail', () => {
  it('writes every kind in both languages, the reader’s first', () => {
    for (const kind of Object.keys(PAYLOADS) as MailKind[]) {
      for (const lang of ['fr', 'en'] as const) {
        const mail = renderMail(kind, PAYLOADS[kind] as never, lang, {
          unsubscribeUrl: 'https://x.ca/api/mail/unsubscribe?token=a.b.c',
        });
        const [first, second] = mail.subject.split(' / ');
        expect(first, kind).toBeTruthy();
        expect(second, kind).toBeTruthy();
        const parts = mail.text.split('\n\n* * *\n\n');
        expect(parts, kind).toHaveLength(2);
        const frIndex = mail.html.indexOf('<div lang="fr">');
        const enIndex = mail.html.indexOf('<div lang="en">');
        expect(frIndex >= 0 && enIndex >= 0, kind).toBe(true);
        expect(lang === 'fr' ? frIndex < enIndex : enIndex < frIndex, kind).toBe(true);
      }
    }
  });

  it('escapes every data text in the HTML', () => {
    const mail = renderMail('mention', PAYLOADS.mention, 'en');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>Bob');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('href="https://x.ca/b/b?card=c&amp;x=&quot;y&quot;"');
    // An empty English label falls back to the French one.
    expect(mail.subject).toContain('mentioned you (Carte)');
  });

  it('puts List-Unsubscribe (one click) on optional kinds only', () => {
    const url = 'https://x.ca/api/mail/unsubscribe?token=a.b.c';
    expect(renderMail('digest', PAYLOADS.digest, 'fr', { unsubscribeUrl: url }).headers).toEqual({
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(renderMail('invite', PAYLOADS.invite, 'fr', { unsubscribeUrl: url }).headers).toEqual(
      {},
    );
    expect(renderMail('digest', PAYLOADS.digest, 'en').text).toContain('and 2 more changes');
  });
});
