import { type Localized, localize } from '@fdr/model';
import type { Lang } from '../i18n/strings.ts';

/** A text in the UI language, or in the other one (marked, for screen readers) when missing. */
export function LocalizedText({ text, lang }: { text: Localized; lang: Lang }) {
  const shown = localize(text, lang);
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return <span lang={text[lang].trim() === '' ? other : lang}>{shown}</span>;
}

/** True when the text has something in either language. */
export function hasText(text: Localized): boolean {
  return text.fr.trim() !== '' || text.en.trim() !== '';
}
