import { dateTimeFormat } from '../i18n/format.ts';

/** A timestamp with its time of day, the way each language writes it in Canada. */
export function formatDateTime(value: string | number, lang: 'fr' | 'en'): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateTimeFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** The time of day only (for "recorded at 14:32"). */
export function formatTime(value: string | number | Date, lang: 'fr' | 'en'): string {
  return dateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(value));
}

/** `YYYY-MM-DD` of a moment in the browser's time zone (what a date field shows). */
export function localDay(value: number | Date): string {
  const date = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
