/*
 * The structure editor dates phases and periods by month, as the councils plan them: a start
 * month's first day and an end month's last day. Dates are `YYYY-MM-DD` strings, read in UTC.
 */

/** `YYYY-MM` of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The first day of a `YYYY-MM` month. */
export function firstDay(month: string): string {
  return `${month}-01`;
}

/** The last day of a `YYYY-MM` month. */
export function lastDay(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The month `count` months after `month` (negative: before). */
export function addMonths(month: string, count: number): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whether a text is a `YYYY-MM` month (what `<input type="month">` gives, or a person types). */
export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
