import type { Ref } from 'react';

/**
 * A text's French and English fields, side by side in the form's grid: each with its label,
 * marked with its `lang`, `${id}-fr` and `${id}-en` for ids. `maxLength` is a help: the server
 * stays the judge.
 */
export function BilingualFields({
  id,
  labelFr,
  labelEn,
  fr,
  en,
  onFr,
  onEn,
  maxLength,
  multiline = false,
  describedBy,
  testIdFr,
  testIdEn,
  firstRef,
}: {
  /** The base of the two fields' ids. */
  id: string;
  labelFr: string;
  labelEn: string;
  fr: string;
  en: string;
  onFr: (value: string) => void;
  onEn: (value: string) => void;
  maxLength: number;
  /** Textareas instead of one-line inputs. */
  multiline?: boolean;
  /** The id of a hint both fields are described by. */
  describedBy?: string;
  testIdFr: string;
  testIdEn: string;
  /** The French field (an input, or a textarea when `multiline`), for focus. */
  firstRef?: Ref<HTMLInputElement | HTMLTextAreaElement>;
}) {
  const field = (lang: 'fr' | 'en') => {
    const props = {
      id: `${id}-${lang}`,
      lang,
      value: lang === 'fr' ? fr : en,
      maxLength,
      'aria-describedby': describedBy,
      'data-testid': lang === 'fr' ? testIdFr : testIdEn,
    };
    const set = lang === 'fr' ? onFr : onEn;
    const ref = lang === 'fr' ? firstRef : undefined;
    return multiline ? (
      <textarea
        {...props}
        ref={ref as Ref<HTMLTextAreaElement> | undefined}
        onChange={(event) => set(event.target.value)}
      />
    ) : (
      <input
        {...props}
        ref={ref as Ref<HTMLInputElement> | undefined}
        onChange={(event) => set(event.target.value)}
      />
    );
  };
  return (
    <>
      <div className="fdr-field">
        <label htmlFor={`${id}-fr`}>{labelFr}</label>
        {field('fr')}
      </div>
      <div className="fdr-field">
        <label htmlFor={`${id}-en`}>{labelEn}</label>
        {field('en')}
      </div>
    </>
  );
}
