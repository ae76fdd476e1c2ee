/** Every human-readable text in the model exists in both official languages. */
export type Localized = {
  readonly fr: string;
  readonly en: string;
};

export type Locale = keyof Localized;

export const LOCALES: readonly Locale[] = ['fr', 'en'];

export const EMPTY_TEXT: Localized = { fr: '', en: '' };

/**
 * A team may write only in one language; readers fall back to the other one rather than show
 * an empty label.
 */
export function localize(text: Localized, locale: Locale): string {
  const wanted = text[locale];
  if (wanted !== '') return wanted;
  return locale === 'fr' ? text.en : text.fr;
}

export function sameText(a: Localized, b: Localized): boolean {
  return a.fr === b.fr && a.en === b.en;
}
