/** Fills the `{name}` markers of a UI string; a marker without a value stays visible. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (marker, name: string) =>
    name in values ? String(values[name]) : marker,
  );
}

/**
 * Formatters by language and zone. Creating an Intl.DateTimeFormat costs far more than using one:
 * a 300-card board formats a date per card, and building one each time took ~45 ms of its first
 * render.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: 'fr' | 'en', utc: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${utc}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(`${lang}-CA`, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: utc ? 'UTC' : undefined,
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** A date (`YYYY-MM-DD` or ISO timestamp) the way each language writes it in Canada. */
export function formatDate(value: string, lang: 'fr' | 'en'): string {
  const day = value.length === 10;
  const date = new Date(day ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(lang, day).format(date);
}
