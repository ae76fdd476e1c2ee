import type { Localized } from '@fdr/model';

/*
 * A form edits a draft: one plain value per field, as the fields show it (texts per language,
 * lists as lines). When it is saved, only what the person changed is written, one language at a
 * time, so that a peer's concurrent edit of another field, or of the other language, survives.
 * This file holds what every kind of record (cards, roadmap items, comments) needs for that; each
 * record says how its fields compare (`SameRules`) and turns the changes into its command's patch.
 */

/** Whether a field still holds what it started with, the way the record will store it. */
export type Same<V> = (before: V, after: V) => boolean;

/** One rule per field of the draft, so that a new field cannot be forgotten. */
export type SameRules<D> = { readonly [K in keyof D]-?: Same<D[K]> };

/** A text is stored trimmed: spaces added around it change nothing. */
export const sameText: Same<string> = (a, b) => a.trim() === b.trim();
/** A value picked from a list (a role, a state, an id). */
export const sameValue = <V>(a: V, b: V) => Object.is(a, b);
/** A list of ids in order. */
export const sameIds: Same<readonly string[]> = (a, b) =>
  a.length === b.length && a.every((id, i) => id === b[i]);
/** A list typed one entry a line: blank lines and spaces around entries change nothing. */
export const sameLines: Same<string> = (a, b) => sameIds(lines(a), lines(b));

/** The non-blank lines of a text (a form's, or a CSV cell's with CRLF), trimmed. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Line n of the French list goes with line n of the English one; pairs blank in both go. */
export function pairedLines(fr: string, en: string): Localized[] {
  const a = fr.split(/\r?\n/).map((line) => line.trim());
  const b = en.split(/\r?\n/).map((line) => line.trim());
  const pairs: Localized[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const pair = { fr: a[i] ?? '', en: b[i] ?? '' };
    if (pair.fr !== '' || pair.en !== '') pairs.push(pair);
  }
  return pairs;
}

/** The keys of a draft whose values are strings (the two sides of a bilingual text). */
type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D];

/** What changed between the draft a form opened with and the one it holds now. */
export interface DraftChanges<D> {
  changed(key: keyof D): boolean;
  /** The languages of a bilingual text that changed, trimmed; undefined if neither did. */
  text(fr: TextKey<D>, en: TextKey<D>): Partial<Localized> | undefined;
}

export function draftChanges<D>(rules: SameRules<D>, initial: D, draft: D): DraftChanges<D> {
  const changed = (key: keyof D) => !rules[key](initial[key], draft[key]);
  return {
    changed,
    text(fr, en) {
      const value: { fr?: string; en?: string } = {};
      if (changed(fr)) value.fr = (draft[fr] as string).trim();
      if (changed(en)) value.en = (draft[en] as string).trim();
      return value.fr === undefined && value.en === undefined ? undefined : value;
    },
  };
}
