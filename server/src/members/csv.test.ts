import { describe, expect, it } from 'vitest';
import { formatCsvRow, parseCsv, unescapeCsvValue } from './csv.ts';

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and newlines, CRLF or LF, a BOM and blank lines', () => {
    const text = '\uFEFFname,notes\r\n"Wang, Li","said ""hi""\nthen left"\n\nBob,\r\nCarol,"x"';
    expect(parseCsv(text)).toEqual({
      ok: true,
      rows: [
        ['name', 'notes'],
        ['Wang, Li', 'said "hi"\nthen left'],
        ['Bob', ''],
        ['Carol', 'x'],
      ],
    });
  });

  it('names the line of a malformed field', () => {
    expect(parseCsv('a,b\n1,"open\n2,3')).toEqual({
      ok: false,
      line: 2,
      message: 'a quoted field is never closed',
    });
    expect(parseCsv('a\nx"y')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a\n"x"y')).toMatchObject({ ok: false, line: 2 });
  });

  it('writes what it reads back unchanged', () => {
    const rows = [
      ['name', 'phone', 'notes'],
      ['Wang, Li', '+86 138 0000 0000', 'line1\nline2 "quoted"'],
      ['  padded ', '', '=SUM(A1)'],
      ['-minus', '@home', '+1'],
    ];
    const text = rows.map(formatCsvRow).join('');
    expect(text).toContain("'=SUM(A1)");
    expect(text).toContain("'@home");
    expect(text).not.toContain("'+86");
    const parsed = parseCsv(text);
    expect(parsed.ok && parsed.rows.map((r) => r.map(unescapeCsvValue))).toEqual(rows);
  });
});
