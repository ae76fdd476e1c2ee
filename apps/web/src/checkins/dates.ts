/** Formatters by language and kind: building one costs far more than using it (lists of many). */
const formats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** A timestamp with its time of day, the way each language writes it in Canada. */
export function formatDateTime(value: string | number, lang: 'fr' | 'en'): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return cached(
    `datetime:${lang}`,
    () =>
      new Intl.DateTimeFormat(`${lang}-CA`, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
  ).format(date);
}

/** The time of day only (for "recorded at 14:32"). */
export function formatTime(value: string | number | Date, lang: 'fr' | 'en'): string {
  return cached(
    `time:${lang}`,
    () => new Intl.DateTimeFormat(`${lang}-CA`, { hour: '2-digit', minute: '2-digit' }),
  ).format(new Date(value));
}

/** `YYYY-MM-DD` of a moment in the browser's time zone (what a date field shows). */
export function localDay(value: number | Date): string {
  const date = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
