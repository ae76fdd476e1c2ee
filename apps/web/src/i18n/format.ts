/** Fills the `{name}` markers of a UI string; a marker without a value stays visible. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (marker, name: string) =>
    name in values ? String(values[name]) : marker,
  );
}

/**
 * Formatters by language and options. Creating an Intl.DateTimeFormat costs far more than using
 * one: a 300-card board formats a date per card, and building one each time took ~45 ms of its
 * first render.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The `${lang}-CA` formatter with these options, built once. */
export function dateTimeFormat(
  lang: 'fr' | 'en',
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let found = dateFormats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(`${lang}-CA`, options);
    dateFormats.set(key, found);
  }
  return found;
}

/** A date (`YYYY-MM-DD` or ISO timestamp) the way each language writes it in Canada. */
export function formatDate(value: string, lang: 'fr' | 'en'): string {
  const day = value.length === 10;
  const date = new Date(day ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: day ? 'UTC' : undefined,
  }).format(date);
}

/** A month ("Apr 2027", "avr. 2027") from `YYYY-MM` or a `YYYY-MM-DD` day of it. */
export function formatMonth(value: string, lang: 'fr' | 'en'): string {
  const date = new Date(`${value.slice(0, 7)}-15T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(lang, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}
