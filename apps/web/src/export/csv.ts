/*
 * RFC 4180 CSV, both ways. Spreadsheets are where the secretariat edits lists, so what they write
 * must come back: quoted cells, doubled quotes, line breaks inside cells, CRLF or LF, a byte
 * order mark, and the semicolon that French-locale Excel uses instead of the comma.
 */

/** Written first so Excel opens UTF-8 (accents) correctly. */
export const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (CSV injection): `=`, `+`, `-`, `@`, or a tab or
 * carriage return that some of them skip before looking. Such cells get a leading apostrophe,
 * which spreadsheets show as text; `unguardCell` takes it off again on import.
 */
const FORMULA = /^[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value;
}

function quote(value: string, delimiter: string): string {
  return value.includes('"') ||
    value.includes(delimiter) ||
    value.includes('\n') ||
    value.includes('\r') ||
    value !== value.trim()
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** CSV text (CRLF line ends, with a BOM) of rows of cells; every cell is guarded. */
export function toCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  return (
    BOM +
    rows
      .map((row) => row.map((cell) => quote(guardCell(cell), delimiter)).join(delimiter))
      .join('\r\n') +
    '\r\n'
  );
}

/** The delimiter of a file: whichever of `,` `;` or tab occurs most outside quotes in its first line. */
export function detectDelimiter(text: string): string {
  let inQuotes = false;
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** A file that is not CSV; `line` is where the problem starts (1-based). */
export class CsvError extends Error {
  readonly line: number;
  constructor(line: number) {
    super(`unclosed quote starting on line ${line}`);
    this.line = line;
  }
}

/**
 * Rows of cells from CSV text. Blank lines are dropped. An unclosed quote is an error (the rest of
 * the file would silently become one cell otherwise).
 */
export function parseCsv(
  input: string,
  delimiter = detectDelimiter(input.replace(/^\uFEFF/, '')),
): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inQuotes = false;
  let quotedAt = -1;
  const endRow = () => {
    row.push(cell);
    cell = '';
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else cell += char;
    } else if (char === '"' && cell === '') {
      inQuotes = true;
      quotedAt = i;
    } else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else if (char === '\n') {
      endRow();
    } else cell += char;
  }
  if (inQuotes) {
    throw new CsvError(text.slice(0, quotedAt).split('\n').length);
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
