/** `YYYY-MM-DD` of a moment in the browser's time zone (what a date field shows). */
export function localDay(value: number | Date): string {
  const date = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
