import './account.css';
import { type ReactNode, useEffect } from 'react';
import type { Lang } from '../i18n/strings.ts';
import { strings } from '../i18n/strings.ts';
import { LangSwitch } from '../LangSwitch.tsx';

/** The frame of the account pages: one heading, the language switch, a narrow column. */
export function AccountLayout(props: {
  lang: Lang;
  setLang: (lang: Lang) => void;
  title: string;
  children: ReactNode;
  /** A wider column, for tables (the members page). */
  wide?: boolean;
}) {
  useEffect(() => {
    document.title = `${props.title} — ${strings[props.lang].title}`;
  }, [props.title, props.lang]);
  return (
    <main className={`fdr-home fdr-account${props.wide ? ' fdr-account--wide' : ''}`}>
      <header className="fdr-home__header">
        <h1>{props.title}</h1>
        <LangSwitch lang={props.lang} setLang={props.setLang} />
      </header>
      {props.children}
    </main>
  );
}
