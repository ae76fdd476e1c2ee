import { canAdminister } from '@fdr/model';
import { type Context, Hono } from 'hono';
import type { Auth } from '../auth/Auth.ts';
import { AuthError } from '../auth/AuthError.ts';
import { OPTIONAL_MAIL_KINDS } from '../mail/MailKind.ts';
import { getMailPreferences, setMailPreferences, turnOff } from '../mail/MailPreferences.ts';
import type { MailService } from '../mail/MailService.ts';
import {
  getReminderSchedule,
  REMINDER_DAYS_MAX,
  setReminderSchedule,
} from '../mail/reminderSchedule.ts';
import { escapeHtml } from '../mail/renderMail.ts';
import { isOptionalKind, readUnsubscribeToken } from '../mail/unsubscribeToken.ts';
import { type AuthEnv, currentUser } from './authRoutes.ts';
import { jsonBody } from './jsonBody.ts';

const OUTBOX_LIMIT = 200;

const KIND_NAMES: Record<(typeof OPTIONAL_MAIL_KINDS)[number], { en: string; fr: string }> = {
  mention: { en: 'mentions', fr: 'mentions' },
  reply: { en: 'replies', fr: 'réponses' },
  'checkin-reminder': { en: 'check-in reminders', fr: 'rappels de bilan' },
  digest: { en: 'version digests', fr: 'résumés de version' },
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title></head>
<body style="font-family:sans-serif;max-width:36em;margin:2em auto;line-height:1.5">
${body}
</body></html>`;
}

const badLink = () =>
  page(
    'Lien invalide / Invalid link',
    `<h1>Lien invalide <span lang="en">/ Invalid link</span></h1>
<p>Ce lien de désabonnement n’est pas valide.</p>
<p lang="en">This unsubscribe link is not valid.</p>`,
  );

/**
 * Mail preferences, unsubscribe links (RFC 8058 one-click), a board's outbox for the
 * secretariat and the board's check-in reminder schedule.
 */
export function mailRoutes(deps: { auth: Auth; mail: MailService }) {
  const { auth, mail } = deps;
  const app = new Hono<AuthEnv>();

  app.get('/account/mail', async (c) => {
    const user = currentUser(c);
    const prefs = await getMailPreferences(mail.sql, user.id, mail.defaultLang);
    return c.json({ ...prefs, mailConfigured: mail.configured });
  });

  app.put('/account/mail', async (c) => {
    const user = currentUser(c);
    const input = await jsonBody(c);
    const { lang, off } = input;
    if (lang !== undefined && lang !== 'fr' && lang !== 'en') {
      throw new AuthError(400, 'invalid-lang', {
        en: 'The language must be "fr" or "en".',
        fr: 'La langue doit être « fr » ou « en ».',
      });
    }
    if (off !== undefined && (!Array.isArray(off) || !off.every(isOptionalKind))) {
      throw new AuthError(400, 'invalid-kinds', {
        en: `"off" must list kinds among: ${OPTIONAL_MAIL_KINDS.join(', ')}.`,
        fr: `« off » doit énumérer des genres parmi : ${OPTIONAL_MAIL_KINDS.join(', ')}.`,
      });
    }
    await setMailPreferences(mail.sql, user.id, {
      ...(lang !== undefined ? { lang } : {}),
      ...(off !== undefined ? { off } : {}),
    });
    const prefs = await getMailPreferences(mail.sql, user.id, mail.defaultLang);
    return c.json({ ...prefs, mailConfigured: mail.configured });
  });

  // GET never changes anything (mail scanners follow links): it shows a button that posts.
  app.get('/mail/unsubscribe', (c) => {
    const token = c.req.query('token');
    const found = readUnsubscribeToken(mail.tokenKey(), token);
    c.header('Cache-Control', 'no-store');
    if (!found) return c.html(badLink(), 400);
    const name = KIND_NAMES[found.kind];
    const action = `/api/mail/unsubscribe?token=${encodeURIComponent(token ?? '')}`;
    return c.html(
      page(
        'Se désabonner / Unsubscribe',
        `<h1>Se désabonner <span lang="en">/ Unsubscribe</span></h1>
<p>Ne plus recevoir de courriels : ${escapeHtml(name.fr)}.</p>
<p lang="en">Stop receiving these messages: ${escapeHtml(name.en)}.</p>
<form method="post" action="${escapeHtml(action)}">
<button type="submit">Me désabonner <span lang="en">/ Unsubscribe me</span></button>
</form>`,
      ),
    );
  });

  app.post('/mail/unsubscribe', async (c) => {
    const found = readUnsubscribeToken(mail.tokenKey(), c.req.query('token'));
    c.header('Cache-Control', 'no-store');
    if (!found || !(await turnOff(mail.sql, found.userId, found.kind))) {
      return c.html(badLink(), 400);
    }
    const name = KIND_NAMES[found.kind];
    return c.html(
      page(
        'Désabonnement fait / Unsubscribed',
        `<h1>C’est fait <span lang="en">/ Done</span></h1>
<p>Vous ne recevrez plus de courriels : ${escapeHtml(name.fr)}. Vos préférences de courriel les rétablissent.</p>
<p lang="en">You will no longer receive: ${escapeHtml(name.en)}. Your mail preferences can turn them back on.</p>`,
      ),
    );
  });

  const requireSecretariat = async (c: Context<AuthEnv>, boardId: string) => {
    const user = currentUser(c);
    const membership = await auth.membership(user, boardId);
    if (!canAdminister(membership?.role ?? null, user.isAdmin)) {
      throw new AuthError(403, 'forbidden', {
        en: 'Only the secretariat may do this.',
        fr: 'Seul le secrétariat peut faire cela.',
      });
    }
    return user;
  };

  app.get('/boards/:boardId/mail', async (c) => {
    const boardId = c.req.param('boardId');
    await requireSecretariat(c, boardId);
    const limit = Math.min(OUTBOX_LIMIT, Math.max(1, Number(c.req.query('limit')) || 100));
    const rows = await mail.sql.all(
      `SELECT id, kind, email, state, attempts, last_error, created_at, sent_at, claimed_until
       FROM mail_outbox WHERE board_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
      [boardId, limit],
    );
    const now = Date.now();
    return c.json({
      mailConfigured: mail.configured,
      messages: rows.map((r) => ({
        id: String(r.id),
        kind: String(r.kind),
        email: String(r.email),
        // `sending`: claimed by a sender right now.
        state:
          r.state === 'pending' && r.claimed_until != null && Number(r.claimed_until) > now
            ? 'sending'
            : String(r.state),
        attempts: Number(r.attempts),
        lastError: r.last_error == null ? null : String(r.last_error),
        createdAt: Number(r.created_at),
        sentAt: r.sent_at == null ? null : Number(r.sent_at),
      })),
    });
  });

  app.get('/boards/:boardId/reminders', async (c) => {
    const boardId = c.req.param('boardId');
    await requireSecretariat(c, boardId);
    return c.json(await getReminderSchedule(mail.sql, boardId));
  });

  app.put('/boards/:boardId/reminders', async (c) => {
    const boardId = c.req.param('boardId');
    const user = await requireSecretariat(c, boardId);
    const { everyDays } = await jsonBody(c);
    if (
      everyDays !== null &&
      !(
        Number.isInteger(everyDays) &&
        (everyDays as number) >= 1 &&
        (everyDays as number) <= REMINDER_DAYS_MAX
      )
    ) {
      throw new AuthError(400, 'invalid-reminder', {
        en: `"everyDays" must be a whole number of days from 1 to ${REMINDER_DAYS_MAX}, or null to turn reminders off.`,
        fr: `« everyDays » doit être un nombre entier de jours de 1 à ${REMINDER_DAYS_MAX}, ou null pour arrêter les rappels.`,
      });
    }
    const schedule = await setReminderSchedule(
      mail.sql,
      boardId,
      everyDays as number | null,
      user.id,
    );
    await auth.record(user, 'reminders-set', boardId, null, { everyDays });
    return c.json(schedule);
  });

  return app;
}
