import { type Localized, localize } from '@fdr/model';
import type { Lang } from '../i18n/strings.ts';

/** A text in the UI language, marked with the other language when it falls back to it. */
export function Text({ text, lang }: { text: Localized; lang: Lang }) {
  const shown = localize(text, lang);
  const fallback = text[lang] === '' && shown !== '';
  return fallback ? <span lang={lang === 'fr' ? 'en' : 'fr'}>{shown}</span> : shown;
}
