/** Fills the `{name}` markers of a UI string; a marker without a value stays visible. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (marker, name: string) =>
    name in values ? String(values[name]) : marker,
  );
}

/** A date (`YYYY-MM-DD` or ISO timestamp) the way each language writes it in Canada. */
export function formatDate(value: string, lang: 'fr' | 'en'): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(`${lang}-CA`, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: value.length === 10 ? 'UTC' : undefined,
  }).format(date);
}
