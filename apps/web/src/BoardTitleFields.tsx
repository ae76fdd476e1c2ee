import { BOARD_TITLE_MAX, type Localized } from '@fdr/model';
import { type Lang, strings } from './i18n/strings.ts';

/** A new board's title in French and in English, side by side, each field in its language. */
export function BoardTitleFields({
  id,
  lang,
  title,
  onChange,
}: {
  /** The form's `useId`: the fields are `<id>-fr` and `<id>-en`. */
  id: string;
  lang: Lang;
  title: Localized;
  onChange: (title: Localized) => void;
}) {
  const t = strings[lang];
  return (
    <div className="fdr-two-columns">
      <div className="fdr-field">
        <label htmlFor={`${id}-fr`}>{t.titleFr}</label>
        <input
          id={`${id}-fr`}
          lang="fr"
          maxLength={BOARD_TITLE_MAX}
          value={title.fr}
          onChange={(e) => onChange({ ...title, fr: e.target.value })}
        />
      </div>
      <div className="fdr-field">
        <label htmlFor={`${id}-en`}>{t.titleEn}</label>
        <input
          id={`${id}-en`}
          lang="en"
          maxLength={BOARD_TITLE_MAX}
          value={title.en}
          onChange={(e) => onChange({ ...title, en: e.target.value })}
        />
      </div>
    </div>
  );
}
