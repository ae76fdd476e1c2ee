/** What a person may write in a comment, and how its mentions are read. */

/** `@[Display Name](userId)`: the name stops at `]`, the id at `)`; both are bounded. */
const MENTION = /@\[([^\]\n]{1,200})\]\(([A-Za-z0-9_-]{1,100})\)/g;
/** Control characters other than the line break and the tab. */
const CONTROL = /(?![\n\t])\p{Cc}/u;

export type BodyCheck =
  | { ok: true; body: string; mentionIds: string[] }
  | {
      ok: false;
      code: 'empty' | 'too-long' | 'control' | 'too-many-mentions';
      en: string;
      fr: string;
    };

/**
 * A comment's body as typed: line endings made `\n`, trimmed, then refused when empty, longer
 * than `maxChars` (UTF-16 units, as a text field counts them), holding a control character, or
 * naming more than `maxMentions` people. The mention ids are returned, each once, in order.
 */
export function checkCommentBody(raw: string, maxChars: number, maxMentions: number): BodyCheck {
  // Cut before any scan: a body far over the limit costs nothing more than its length check.
  if (raw.length > maxChars * 2 + 1024) return tooLong(maxChars);
  const body = raw.replace(/\r\n?/g, '\n').trim();
  if (body === '') {
    return {
      ok: false,
      code: 'empty',
      en: 'The comment is empty.',
      fr: 'Le commentaire est vide.',
    };
  }
  if (body.length > maxChars) return tooLong(maxChars);
  if (CONTROL.test(body)) {
    return {
      ok: false,
      code: 'control',
      en: 'The comment may not contain control characters (line breaks and tabs are fine).',
      fr: 'Le commentaire ne peut contenir de caractère de contrôle (sauts de ligne et tabulations permis).',
    };
  }
  const ids: string[] = [];
  for (const match of body.matchAll(MENTION)) {
    const id = match[2]!;
    if (ids.includes(id)) continue;
    ids.push(id);
    if (ids.length > maxMentions) {
      return {
        ok: false,
        code: 'too-many-mentions',
        en: `A comment may mention at most ${maxMentions} people.`,
        fr: `Un commentaire peut mentionner au plus ${maxMentions} personnes.`,
      };
    }
  }
  return { ok: true, body, mentionIds: ids };
}

function tooLong(maxChars: number): BodyCheck {
  return {
    ok: false,
    code: 'too-long',
    en: `The comment is longer than ${maxChars} characters.`,
    fr: `Le commentaire dépasse ${maxChars} caractères.`,
  };
}

/** The body as read: each mention as `@Name`; cut to `max` characters (with an ellipsis). */
export function commentExcerpt(body: string, max = 140): string {
  const plain = body.replace(MENTION, (_all, name: string) => `@${name}`);
  return plain.length <= max ? plain : `${plain.slice(0, max - 1)}…`;
}
