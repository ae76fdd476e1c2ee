import type { Localized } from '../records/localized.ts';

/**
 * White space by Unicode's definition (no-break, ideographic, ...) plus the zero-width
 * characters people paste from documents without seeing them (ZWSP, ZWNJ, ZWJ, word joiner,
 * BOM): none of them belongs at either end of a title.
 */
const EDGES =
  /^[\p{White_Space}\u200B-\u200D\u2060\uFEFF]+|[\p{White_Space}\u200B-\u200D\u2060\uFEFF]+$/gu;
/** Control characters (C0, DEL, C1): a title is one line of text. */
const CONTROL = /\p{Cc}/u;
/** Something visible: not white space and not an invisible format character. */
const VISIBLE = /[^\p{White_Space}\p{Cf}]/u;

export type TitleCheck =
  | { readonly ok: true; readonly title: string }
  | { readonly ok: false; readonly problem: 'control' | 'too-long'; readonly messages: Localized };

/**
 * The rule for a title typed by a person (a board title in one language): trimmed of white
 * space at both ends; empty when nothing visible is left; refused when it holds control
 * characters (a line break, a tab, an escape) or is longer than `max` once trimmed. The server
 * and the web app apply the same rule.
 */
export function normalizeTitle(raw: string, max = 200): TitleCheck {
  const trimmed = raw.replace(EDGES, '');
  if (CONTROL.test(trimmed)) {
    return {
      ok: false,
      problem: 'control',
      messages: {
        fr: 'le titre ne peut contenir ni saut de ligne, ni tabulation, ni caractère de contrôle.',
        en: 'the title may not contain line breaks, tabs or other control characters.',
      },
    };
  }
  if (trimmed.length > max) {
    return {
      ok: false,
      problem: 'too-long',
      messages: {
        fr: `le titre dépasse ${max} caractères.`,
        en: `the title is longer than ${max} characters.`,
      },
    };
  }
  return { ok: true, title: VISIBLE.test(trimmed) ? trimmed : '' };
}
