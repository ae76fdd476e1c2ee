import { describe, expect, it } from 'vitest';
import { BOM, CsvError, detectDelimiter, guardCell, parseCsv, toCsv, unguardCell } from './csv.ts';

describe('CSV', () => {
  it('round-trips quotes, delimiters, line breaks, accents and leading spaces', () => {
    const rows = [
      ['id', 'titre'],
      ['a', 'Équipe « spéciale », "cloud"'],
      ['b', 'two\nlines'],
      ['c', '  padded  '],
      ['d', ''],
    ];
    const text = toCsv(rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual(rows);
  });

  it('guards cells a spreadsheet would run as formulas, and unguards them on import', () => {
    for (const danger of ['=1+1', '+33', '-2', '@SUM(A1)', '\tx', '\rx']) {
      expect(guardCell(danger)).toBe(`'${danger}`);
      expect(unguardCell(guardCell(danger))).toBe(danger);
    }
    expect(guardCell('Ontario')).toBe('Ontario');
    // An apostrophe someone typed before ordinary text stays.
    expect(unguardCell("'quoted")).toBe("'quoted");
    const [, row] = parseCsv(toCsv([['x'], ['=HYPERLINK("http://evil")']]));
    expect(row?.[0]).toBe('\'=HYPERLINK("http://evil")');
  });

  it('reads semicolon and tab files (French-locale spreadsheets), LF or CRLF, blank lines skipped', () => {
    expect(detectDelimiter('a;b;"c,d"\n1;2;3')).toBe(';');
    expect(parseCsv('a;b\n1;"x;y"\n\n2;3\n')).toEqual([
      ['a', 'b'],
      ['1', 'x;y'],
      ['2', '3'],
    ]);
    expect(parseCsv('a\tb\r\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses an unclosed quote with its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrowError(CsvError);
    try {
      parseCsv('a,b\n1,"open\n2,3');
    } catch (error) {
      expect((error as CsvError).line).toBe(2);
    }
  });
});
