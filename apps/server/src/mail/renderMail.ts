import { BOARD_ROLE_LABELS, isBoardRole } from '@fdr/model';
import type { Bilingual, MailKind, MailPayloads } from './MailKind.ts';
import { isOptionalKind } from './unsubscribeToken.ts';

export type Lang = 'fr' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe on the kinds a person may turn off). */
  headers: Record<string, string>;
}

/** One language's part of a message. */
interface Part {
  subject: string;
  /** Paragraphs of plain text (escaped for HTML when rendered). */
  paragraphs: string[];
  list?: string[];
  action: { label: string; href: string };
  footer?: string;
}

/** A text in one language, or the other when that one is empty. */
function pick(text: Bilingual, lang: Lang): string {
  return text[lang].trim() || text[lang === 'fr' ? 'en' : 'fr'].trim();
}

function date(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(ms));
}

const OFF_FOOTER: Record<Lang, string> = {
  en: 'You receive this message because of your mail preferences; you may turn it off in your account or with the unsubscribe link.',
  fr: 'Vous recevez ce message selon vos préférences de courriel; vous pouvez le désactiver dans votre compte ou par le lien de désabonnement.',
};

const PARTS: { [K in MailKind]: (payload: MailPayloads[K], lang: Lang) => Part } = {
  invite: (p, lang) => {
    const board = pick(p.boardTitle, lang);
    const role = isBoardRole(p.role) ? BOARD_ROLE_LABELS[p.role][lang] : p.role;
    return lang === 'fr'
      ? {
          subject: `Invitation au tableau « ${board} »`,
          paragraphs: [
            `${p.inviterName} vous invite au tableau « ${board} » (rôle : ${role}).`,
            'Le lien sert une seule fois et expire dans quelques jours.',
          ],
          action: { label: 'Accepter l’invitation', href: p.link },
        }
      : {
          subject: `Invitation to the board “${board}”`,
          paragraphs: [
            `${p.inviterName} invites you to the board “${board}” (role: ${role}).`,
            'The link works once and expires in a few days.',
          ],
          action: { label: 'Accept the invitation', href: p.link },
        };
  },
  'password-reset': (p, lang) =>
    lang === 'fr'
      ? {
          subject: 'Nouveau mot de passe',
          paragraphs: [
            `Bonjour ${p.name},`,
            'Un administrateur vous envoie ce lien pour choisir un nouveau mot de passe. Il sert une seule fois et expire dans 24 heures.',
            'Si vous ne l’attendiez pas, ignorez ce message.',
          ],
          action: { label: 'Choisir un mot de passe', href: p.link },
        }
      : {
          subject: 'New password',
          paragraphs: [
            `Hello ${p.name},`,
            'An administrator sends you this link to choose a new password. It works once and expires in 24 hours.',
            'If you did not expect it, ignore this message.',
          ],
          action: { label: 'Choose a password', href: p.link },
        },
  mention: (p, lang) =>
    lang === 'fr'
      ? {
          subject: `${p.authorName} vous a mentionné (${pick(p.targetLabel, lang)})`,
          paragraphs: [
            `${p.authorName} vous a mentionné dans une discussion sur « ${pick(p.targetLabel, lang)} », tableau « ${pick(p.boardTitle, lang)} » :`,
            p.excerpt,
          ],
          action: { label: 'Ouvrir la discussion', href: p.link },
          footer: OFF_FOOTER.fr,
        }
      : {
          subject: `${p.authorName} mentioned you (${pick(p.targetLabel, lang)})`,
          paragraphs: [
            `${p.authorName} mentioned you in a discussion on “${pick(p.targetLabel, lang)}”, board “${pick(p.boardTitle, lang)}”:`,
            p.excerpt,
          ],
          action: { label: 'Open the discussion', href: p.link },
          footer: OFF_FOOTER.en,
        },
  reply: (p, lang) =>
    lang === 'fr'
      ? {
          subject: `${p.authorName} a répondu (${pick(p.targetLabel, lang)})`,
          paragraphs: [
            `${p.authorName} a répondu dans une discussion où vous avez écrit, sur « ${pick(p.targetLabel, lang)} », tableau « ${pick(p.boardTitle, lang)} » :`,
            p.excerpt,
          ],
          action: { label: 'Ouvrir la discussion', href: p.link },
          footer: OFF_FOOTER.fr,
        }
      : {
          subject: `${p.authorName} replied (${pick(p.targetLabel, lang)})`,
          paragraphs: [
            `${p.authorName} replied in a discussion you wrote in, on “${pick(p.targetLabel, lang)}”, board “${pick(p.boardTitle, lang)}”:`,
            p.excerpt,
          ],
          action: { label: 'Open the discussion', href: p.link },
          footer: OFF_FOOTER.en,
        },
  'checkin-reminder': (p, lang) => {
    const board = pick(p.boardTitle, lang);
    const list = p.cards.map((card) => {
      const label = pick(card.label, lang);
      if (card.lastCheckinAt === null)
        return lang === 'fr' ? `${label} : aucun bilan encore` : `${label}: no check-in yet`;
      return lang === 'fr'
        ? `${label} : dernier bilan le ${date(card.lastCheckinAt, lang)}`
        : `${label}: last check-in on ${date(card.lastCheckinAt, lang)}`;
    });
    return lang === 'fr'
      ? {
          subject: `Bilans attendus : ${board}`,
          paragraphs: [
            `Ces cartes de votre équipe spéciale attendent un bilan sur le tableau « ${board} » :`,
          ],
          list,
          action: { label: 'Enregistrer un bilan', href: p.link },
          footer: OFF_FOOTER.fr,
        }
      : {
          subject: `Check-ins due: ${board}`,
          paragraphs: [`These cards of your task team are due a check-in on the board “${board}”:`],
          list,
          action: { label: 'Record a check-in', href: p.link },
          footer: OFF_FOOTER.en,
        };
  },
  digest: (p, lang) => {
    const board = pick(p.boardTitle, lang);
    const list = p.lines.map((line) => pick(line, lang));
    if (p.more > 0)
      list.push(lang === 'fr' ? `et ${p.more} autres changements` : `and ${p.more} more changes`);
    const none = list.length === 0;
    return lang === 'fr'
      ? {
          subject: `Version « ${p.versionName} » : ${board}`,
          paragraphs: [
            none
              ? `La version « ${p.versionName} » du tableau « ${board} » a été prise; rien n’a changé depuis la précédente.`
              : `La version « ${p.versionName} » du tableau « ${board} » a été prise. Depuis la version nommée précédente :`,
          ],
          list,
          action: { label: 'Voir les versions', href: p.link },
          footer: OFF_FOOTER.fr,
        }
      : {
          subject: `Version “${p.versionName}”: ${board}`,
          paragraphs: [
            none
              ? `The version “${p.versionName}” of the board “${board}” was taken; nothing changed since the previous one.`
              : `The version “${p.versionName}” of the board “${board}” was taken. Since the previous named version:`,
          ],
          list,
          action: { label: 'See the versions', href: p.link },
          footer: OFF_FOOTER.en,
        };
  },
  'action-assigned': (p, lang) => {
    const board = pick(p.boardTitle, lang);
    const title = pick(p.actionTitle, lang);
    return lang === 'fr'
      ? {
          subject: `Action confiée : ${title}`,
          paragraphs: [
            `${p.assignerName} vous a confié une action sur le tableau « ${board} » : « ${title} », attendue le ${p.dueOn}.`,
          ],
          action: { label: 'Voir mes actions', href: p.link },
        }
      : {
          subject: `Action assigned: ${title}`,
          paragraphs: [
            `${p.assignerName} assigned you an action on the board “${board}”: “${title}”, due on ${p.dueOn}.`,
          ],
          action: { label: 'See my actions', href: p.link },
        };
  },
  'action-due': (p, lang) => {
    const board = pick(p.boardTitle, lang);
    const title = pick(p.actionTitle, lang);
    if (lang === 'fr') {
      return {
        subject: p.overdue ? `Action en retard : ${title}` : `Action bientôt due : ${title}`,
        paragraphs: [
          p.overdue
            ? `Votre action « ${title} » (tableau « ${board} ») était attendue le ${p.dueOn} et reste ouverte.`
            : `Votre action « ${title} » (tableau « ${board} ») est attendue le ${p.dueOn}.`,
        ],
        action: { label: 'Voir mes actions', href: p.link },
      };
    }
    return {
      subject: p.overdue ? `Action overdue: ${title}` : `Action due soon: ${title}`,
      paragraphs: [
        p.overdue
          ? `Your action “${title}” (board “${board}”) was due on ${p.dueOn} and is still open.`
          : `Your action “${title}” (board “${board}”) is due on ${p.dueOn}.`,
      ],
      action: { label: 'See my actions', href: p.link },
    };
  },
};

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const UNSUBSCRIBE: Record<Lang, string> = {
  en: 'Unsubscribe from these messages',
  fr: 'Se désabonner de ces messages',
};

function textPart(part: Part, lang: Lang, unsubscribeUrl?: string): string {
  const lines = [...part.paragraphs.flatMap((p) => [p, ''])];
  if (part.list?.length) lines.push(...part.list.map((item) => `- ${item}`), '');
  lines.push(`${part.action.label}: ${part.action.href}`);
  if (part.footer) lines.push('', part.footer);
  if (unsubscribeUrl) lines.push(`${UNSUBSCRIBE[lang]}: ${unsubscribeUrl}`);
  return lines.join('\n');
}

function htmlPart(part: Part, lang: Lang, unsubscribeUrl?: string): string {
  const paragraphs = part.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const list = part.list?.length
    ? `<ul>\n${part.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`
    : '';
  const action = `<p><a href="${escapeHtml(part.action.href)}">${escapeHtml(part.action.label)}</a></p>`;
  const footer = part.footer
    ? `<p style="color:#555;font-size:90%">${escapeHtml(part.footer)}${
        unsubscribeUrl
          ? ` <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(UNSUBSCRIBE[lang])}</a>`
          : ''
      }</p>`
    : '';
  return `<div lang="${lang}">\n${paragraphs}\n${list}\n${action}\n${footer}\n</div>`;
}

/**
 * A message in both official languages, the reader's first then the other, as federal
 * correspondence does: subject `first / second`, plain text and HTML with a rule between the
 * two parts. Every data text is escaped in the HTML. The optional kinds carry an unsubscribe
 * link and the one-click headers (RFC 8058) when `unsubscribeUrl` is given.
 */
export function renderMail<K extends MailKind>(
  kind: K,
  payload: MailPayloads[K],
  lang: Lang,
  options: { unsubscribeUrl?: string } = {},
): RenderedMail {
  const order: Lang[] = lang === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  const make = PARTS[kind] as (payload: MailPayloads[K], lang: Lang) => Part;
  const parts = order.map((l) => ({ lang: l, part: make(payload, l) }));
  const unsubscribeUrl = isOptionalKind(kind) ? options.unsubscribeUrl : undefined;
  const subject = parts.map(({ part }) => part.subject).join(' / ');
  const text = parts
    .map(({ lang: l, part }) => textPart(part, l, unsubscribeUrl))
    .join('\n\n* * *\n\n');
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:sans-serif;line-height:1.5;max-width:40em">
${parts.map(({ lang: l, part }) => htmlPart(part, l, unsubscribeUrl)).join('\n<hr>\n')}
</body></html>
`;
  const headers: Record<string, string> = unsubscribeUrl
    ? {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      }
    : {};
  return { subject, text, html, headers };
}
