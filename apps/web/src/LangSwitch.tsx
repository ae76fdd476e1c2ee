import { type Lang, strings } from './i18n/strings.ts';

/** Switches the UI language; its label is written in the language it switches to. */
export function LangSwitch({ lang, setLang }: { lang: Lang; setLang: (lang: Lang) => void }) {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="fdr-lang-switch"
      lang={other}
      title={strings[lang].switchToLabel}
      data-testid="lang-switch"
      onClick={() => setLang(other)}
    >
      {strings[lang].switchTo}
    </button>
  );
}
