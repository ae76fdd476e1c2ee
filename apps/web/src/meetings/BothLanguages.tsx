import type { Lang } from '../i18n/strings.ts';
import type { LocalizedText } from './meetingApi.ts';
import { recordStrings } from './recordStrings.ts';

/**
 * A text recorded in both languages: the UI language first, the other beside it (marked with its
 * `lang` so a screen reader reads it right). A side left empty is not shown.
 */
export function BothLanguages({ text, lang }: { text: LocalizedText; lang: Lang }) {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const first = text[lang].trim();
  const second = text[other].trim();
  if (first === '') return <span lang={other}>{second}</span>;
  return (
    <>
      <span lang={lang}>{first}</span>
      {second !== '' && second !== first && (
        <span className="fdr-record__other">
          {' '}
          <span className="fdr-record__other-label">{recordStrings[lang].otherLanguage}</span>{' '}
          <span lang={other}>{second}</span>
        </span>
      )}
    </>
  );
}
