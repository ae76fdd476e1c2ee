import type { ReactNode } from 'react';
import { type Lang, strings } from '../i18n/strings.ts';

/** A field in both languages, French and English side by side. */
export function Bilingual({
  legend,
  lang,
  children,
}: {
  legend: string;
  lang: Lang;
  children: [ReactNode, ReactNode];
}) {
  const t = strings[lang];
  return (
    <fieldset className="fdr-bilingual">
      <legend>{legend}</legend>
      <div className="fdr-bilingual__pair">
        {([t.french, t.english] as const).map((name, side) => (
          <div className="fdr-bilingual__side" key={name}>
            <span className="fdr-bilingual__lang" aria-hidden="true">
              {name}
            </span>
            {children[side]}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
