/**
 * Fills the `{name}` markers of a UI string; a marker without a value stays visible. A value that
 * ends in a full stop swallows the template's own full stop right after it: English Canadian times
 * end in "p.m." and a sentence ending on one takes a single stop ("at 3:03 p.m.", never "p.m..").
 */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}(\.?)/g, (marker, name: string, stop: string) => {
    if (!(name in values)) return marker;
    const value = String(values[name]);
    return stop && value.endsWith('.') ? value : value + stop;
  });
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

/** A timestamp with its time of day, the way each language writes it in Canada. */
export function formatDateTime(value: string | number | Date, lang: 'fr' | 'en'): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateTimeFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

/** The time of day only (for "recorded at 14:32"). */
export function formatTime(value: string | number | Date, lang: 'fr' | 'en'): string {
  return dateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' }).format(new Date(value));
}
