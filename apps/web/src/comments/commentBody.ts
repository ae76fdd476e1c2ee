/*
 * A comment's body is plain text in which a mention is written `@[Display Name](userId)`. The
 * server keeps as mentions only ids of the board's members (`mentions`); any other markup is
 * shown as the text it is.
 */

/** The longest body the server takes by default (it is the judge; COMMENT_MAX_CHARS). */
export const COMMENT_MAX_CHARS = 4000;

/** From how many characters left the counter shows. */
export const COUNTER_FROM = 400;

export type BodyPart =
  | { kind: 'text'; text: string }
  | { kind: 'mention'; id: string; name: string };

const MARKUP = /@\[([^\]\n]{1,200})\]\(([A-Za-z0-9_-]{1,128})\)/g;

/**
 * The body as text and mentions. `members` are the ids the server kept: markup naming anyone
 * else stays plain text, brackets included, so a comment cannot pretend someone was notified.
 */
export function bodyParts(body: string, members: ReadonlySet<string> | null = null): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(MARKUP)) {
    const [whole, name, id] = match as unknown as [string, string, string];
    if (members && !members.has(id)) continue;
    const at = match.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: body.slice(last, at) });
    parts.push({ kind: 'mention', id, name });
    last = at + whole.length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return merge(parts);
}

function merge(parts: BodyPart[]): BodyPart[] {
  const out: BodyPart[] = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    if (part.kind === 'text' && prev?.kind === 'text') prev.text += part.text;
    else out.push(part);
  }
  return out;
}

/** The body as one line of text with mentions as `@Name` (excerpts, reports). */
export function plainBody(body: string, members: ReadonlySet<string> | null = null): string {
  return bodyParts(body, members)
    .map((part) => (part.kind === 'text' ? part.text : `@${part.name}`))
    .join('');
}

/** The first `max` characters of the plain body, on one line, with an ellipsis when cut. */
export function excerpt(body: string, max = 140): string {
  const text = plainBody(body).replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** The markup of a mention; brackets and parentheses of a name would break it, so they go. */
export function mentionMarkup(person: { id: string; name: string }): string {
  const name =
    person.name
      .replace(/[[\]()\n\r]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || '?';
  return `@[${name}](${person.id})`;
}

/**
 * The mention being typed at the caret: an `@` at the start or after a space, then up to 40
 * characters without a line break or another `@`. Null when the caret is not in one.
 */
export function activeMention(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(before[at - 1] ?? '')) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@[\]()]/.test(query)) return null;
  // Two spaces end it: the person moved on.
  if (/\s\s/.test(query)) return null;
  return { start: at, query };
}

/** People matching what follows the `@`: names starting with it first, then containing it. */
export function matchPeople<P extends { id: string; name: string }>(
  people: readonly P[],
  query: string,
  limit = 8,
): P[] {
  const q = fold(query.trim());
  const starts: P[] = [];
  const contains: P[] = [];
  for (const person of people) {
    const name = fold(person.name);
    if (q === '' || name.startsWith(q) || name.split(/\s+/).some((word) => word.startsWith(q)))
      starts.push(person);
    else if (name.includes(q)) contains.push(person);
  }
  return [...starts, ...contains].slice(0, limit);
}

/** Lower case without accents, so "eve" finds "Ève". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/** The text with the mention being typed (from `start` to the caret) replaced by the markup. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  person: { id: string; name: string },
): { text: string; caret: number } {
  const markup = `${mentionMarkup(person)} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, start) + markup + after, caret: start + markup.length };
}

/** Characters as the server counts them (code points), after trimming. */
export function bodyLength(body: string): number {
  return [...body.trim()].length;
}
