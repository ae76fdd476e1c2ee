import { LABEL_MAX, type Localized, localize } from '@fdr/model';
import { type FormEvent, useId, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { Dialog } from '../table/Dialog.tsx';
import { DOMAIN_PALETTE, paletteEntry } from './domainPalette.ts';
import { isMonth } from './months.ts';
import { structureStrings } from './structureStrings.ts';

/** What one dialog of the structure editor asks for; the fields absent are not shown. */
export interface DialogFields {
  labels?: Localized;
  colour?: string;
  /** Months `YYYY-MM`; `end: null` is an open-ended phase when `allowOpen`. */
  dates?: { start: string; end: string | null; allowOpen: boolean };
  /** The domains that may receive a removed domain's cards and items. */
  moveTo?: { options: { id: string; label: Localized }[]; explain: string };
}

export interface DialogValues {
  labels: Localized;
  colour: string;
  start: string;
  end: string | null;
  moveTo: string;
}

/**
 * The one form of the structure editor, in the app's modal dialog (focus kept inside, Escape
 * closes): names in both languages side by side, a colour from the accessible palette (radio
 * buttons named in words), first and last months, or the domain that receives a removed one's
 * cards. `onSubmit` runs one model command and answers the model's refusal, shown in place.
 */
export function StructureDialog({
  heading,
  fields,
  submitLabel,
  lang,
  onSubmit,
  onClose,
}: {
  heading: string;
  fields: DialogFields;
  submitLabel: string;
  lang: Lang;
  onSubmit: (values: DialogValues) => string | null;
  onClose: () => void;
}) {
  const t = structureStrings[lang];
  const id = useId();
  const [fr, setFr] = useState(fields.labels?.fr ?? '');
  const [en, setEn] = useState(fields.labels?.en ?? '');
  const [colour, setColour] = useState(fields.colour ?? DOMAIN_PALETTE[0]?.colour ?? '');
  const [start, setStart] = useState(fields.dates?.start ?? '');
  const [end, setEnd] = useState(fields.dates?.end ?? '');
  const [open, setOpen] = useState(fields.dates?.end === null);
  const [moveTo, setMoveTo] = useState(fields.moveTo?.options[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (fields.labels && fr.trim() === '' && en.trim() === '') {
      setError(t.labelRequired);
      return;
    }
    if (fields.dates && (!isMonth(start) || (!open && !isMonth(end)))) {
      setError(t.invalidMonth);
      return;
    }
    const refused = onSubmit({
      labels: { fr: fr.trim(), en: en.trim() },
      colour,
      start,
      end: open ? null : end,
      moveTo,
    });
    if (refused === null) onClose();
    else setError(refused);
  };
  const custom = fields.colour !== undefined && paletteEntry(fields.colour) === null;
  return (
    <Dialog heading={heading} onClose={onClose} testId="structure-dialog">
      <form onSubmit={submit} className="fdr-structure-form" noValidate>
        {fields.labels && (
          <div className="fdr-structure-form__pair">
            <label htmlFor={`${id}-fr`}>
              {t.labelFr}
              <input
                id={`${id}-fr`}
                lang="fr"
                value={fr}
                maxLength={LABEL_MAX}
                onChange={(e) => setFr(e.target.value)}
              />
            </label>
            <label htmlFor={`${id}-en`}>
              {t.labelEn}
              <input
                id={`${id}-en`}
                lang="en"
                value={en}
                maxLength={LABEL_MAX}
                onChange={(e) => setEn(e.target.value)}
              />
            </label>
          </div>
        )}
        {fields.colour !== undefined && (
          <fieldset className="fdr-palette">
            <legend>{t.colour}</legend>
            {custom && (
              <label className="fdr-palette__choice">
                <input
                  type="radio"
                  name={`${id}-colour`}
                  checked={colour === fields.colour}
                  onChange={() => setColour(fields.colour ?? '')}
                />
                <span className="fdr-palette__swatch" style={{ background: fields.colour }}>
                  Aa
                </span>
                {format(t.customColour, { colour: fields.colour ?? '' })}
              </label>
            )}
            {DOMAIN_PALETTE.map((entry) => (
              <label key={entry.colour} className="fdr-palette__choice">
                <input
                  type="radio"
                  name={`${id}-colour`}
                  value={entry.colour}
                  checked={colour === entry.colour}
                  onChange={() => setColour(entry.colour)}
                  data-autofocus={
                    fields.labels === undefined && colour === entry.colour ? '' : undefined
                  }
                />
                <span
                  className="fdr-palette__swatch"
                  style={{ background: entry.colour }}
                  aria-hidden="true"
                >
                  Aa
                </span>
                {localize(entry.name, lang)}
              </label>
            ))}
          </fieldset>
        )}
        {fields.dates && (
          <div className="fdr-structure-form__pair">
            <label htmlFor={`${id}-start`}>
              {t.firstMonth}
              <input
                id={`${id}-start`}
                type="month"
                value={start}
                placeholder={t.monthHint}
                aria-describedby={`${id}-hint`}
                onChange={(e) => setStart(e.target.value)}
                data-testid="structure-start"
              />
            </label>
            <label htmlFor={`${id}-end`}>
              {t.lastMonth}
              <input
                id={`${id}-end`}
                type="month"
                value={open ? '' : (end ?? '')}
                disabled={open}
                placeholder={t.monthHint}
                aria-describedby={`${id}-hint`}
                onChange={(e) => setEnd(e.target.value)}
                data-testid="structure-end"
              />
            </label>
            <p id={`${id}-hint`} className="fdr-hint">
              {t.monthHint}
            </p>
            {fields.dates.allowOpen && (
              <label className="fdr-checkbox">
                <input type="checkbox" checked={open} onChange={(e) => setOpen(e.target.checked)} />
                {t.openEnded}
              </label>
            )}
          </div>
        )}
        {fields.moveTo && (
          <>
            <p>{fields.moveTo.explain}</p>
            <label htmlFor={`${id}-move`}>
              {t.removeTarget}
              <select id={`${id}-move`} value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
                {fields.moveTo.options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {localize(option.label, lang)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <ErrorAlert message={error} />
        <div className="fdr-actions">
          <button type="submit" className="fdr-button fdr-button--primary">
            {submitLabel}
          </button>
          <button type="button" className="fdr-button fdr-button--quiet" onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
