import { contentDisposition, neutralizeCell, restoreCell, safeFilename } from '@anett/shared/csv-cell';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answers } from '../support/answers.ts';

describe('neutralizeCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['=1+1', "'=1+1"],
    ['@SUM(1,1)', "'@SUM(1,1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['=HYPERLINK("http://evil.example","Klick")', '\'=HYPERLINK("http://evil.example","Klick")'],
    // A function name, a cell reference or a DDE call after '+' or '-'.
    ['+HYPERLINK("http://evil.example")', '\'+HYPERLINK("http://evil.example")'],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['+A1', "'+A1"],
    ['-Plus', "'-Plus"],
    ['- Vertrieb -', "'- Vertrieb -"],
    // Values that look neutralised already get one more apostrophe, so the import can undo exactly one.
    ["'=1", "''=1"],
    ["''+A1", "'''+A1"],
  ])('neutralises %j', (value, expected) => {
    expect(neutralizeCell(value)).toBe(expected);
    expect(restoreCell(neutralizeCell(value))).toBe(value);
  });

  it.each([
    '',
    'Müller GmbH',
    '5',
    '0,5',
    'a=b',
    ' =1',
    'E-Mail',
    'info@example.de',
    // Phone numbers and numbers: at most a number to a spreadsheet, never a formula.
    '+49 3641 681-123',
    '+49 (0)3641 / 681-123',
    '+4936416811',
    '-5',
    '-1,5',
    '-',
    "'abc",
    "'+49 3641 681-123",
  ])('keeps %j', (value) => {
    expect(neutralizeCell(value)).toBe(value);
    expect(restoreCell(value)).toBe(value);
  });

  it('is undone exactly by restoreCell for every string', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '1', ' ', 'a', '|', '(') }), (s) => {
        expect(restoreCell(neutralizeCell(s))).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('safeFilename', () => {
  answers('transliterates and replaces unsafe characters', safeFilename, [
    ['Förderprojekte Jena/Gera 2025', 'xlsx', 'Foerderprojekte-Jena-Gera-2025.xlsx'],
    ['Kontakte Sömmerda & Weißensee', '.csv', 'Kontakte-Soemmerda-Weissensee.csv'],
    ['ÄÖÜ äöü ß', 'csv', 'AeOeUe-aeoeue-ss.csv'],
    ['Café "Crème" <test>', 'csv', 'Cafe-Creme-test.csv'],
    ['a   --  b', 'csv', 'a-b.csv'],
    ['report_v1.2', 'pdf', 'report_v1.2.pdf'],
  ]);

  answers('never returns an empty name or one starting with a dot', safeFilename, [
    ['', 'csv', 'export.csv'],
    ['???', 'csv', 'export.csv'],
    ['日本語', '', 'export'],
    ['.htaccess', 'txt', 'htaccess.txt'],
    ['../../etc/passwd', '', 'etc-passwd'],
  ]);

  it('limits the length to 100 characters including the extension', () => {
    const name = safeFilename('Ä'.repeat(200), 'xlsx');
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name.endsWith('.xlsx')).toBe(true);
    expect(safeFilename('x'.repeat(300), '')).toHaveLength(100);
  });

  it('only contains safe ASCII characters', () => {
    const name = safeFilename('Ünïcödé – “quotes” \\ / : * ? | \u0000 \n', 'csv');
    expect(name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the percent-encoded UTF-8 name', () => {
    expect(contentDisposition('Übersicht.csv')).toBe(
      `attachment; filename="Uebersicht.csv"; filename*=UTF-8''%C3%9Cbersicht.csv`,
    );
    expect(contentDisposition('Kontakte Jena (2025).xlsx')).toBe(
      `attachment; filename="Kontakte-Jena-2025.xlsx"; filename*=UTF-8''Kontakte%20Jena%20%282025%29.xlsx`,
    );
  });

  it('cannot break out of the header', () => {
    const header = contentDisposition('a"b\r\nSet-Cookie: x=1.csv');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
  });

  it('encodes characters that are not RFC 5987 attr-chars', () => {
    const header = contentDisposition("it's*.csv");
    expect(header).toContain("filename*=UTF-8''it%27s%2A.csv");
  });
});
