import { AppError, type ErrorDetail } from '../errors.ts';

/**
 * A small RFC 4180 CSV reader and writer: quoted fields may hold commas, quotes ("") and newlines;
 * CRLF or LF line ends; a UTF-8 BOM (Excel) is dropped. Small enough to own, so no dependency.
 */
export type CsvParseResult = { ok: true; rows: string[][] } | { ok: false; line: number; message: string };

export const parseCsv = (input: string): CsvParseResult => {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  let line = 1;
  let quoteLine = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    // A blank line (one empty field) carries no record.
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (isQuoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        isQuoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          return { ok: false, line, message: 'unexpected character after a closing quote' };
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== '') return { ok: false, line, message: 'a quote inside an unquoted field' };
      isQuoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
    } else {
      field += ch;
    }
    i++;
  }
  if (isQuoted) return { ok: false, line: quoteLine, message: 'a quoted field is never closed' };
  if (field !== '' || row.length > 0) endRow();
  return { ok: true, rows };
};

const needsQuotes = /[",\r\n]|^\s|\s$/;
/**
 * Cells a spreadsheet would run as a formula get a leading ' (CSV injection); a plain signed number such as the
 * phone +86 138 0000 0000 is left alone. The reader takes the ' off again, so a file round-trips.
 */
const formulaStart = /^[=@\t\r]|^[+-](?![\d\s()-]*$)/;
const escapedFormula = /^'(?:[=@\t\r]|[+-](?![\d\s()-]*$))/;

export const unescapeCsvValue = (value: string): string =>
  escapedFormula.test(value) ? value.slice(1) : value;

export const formatCsvField = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const formatCsvRow = (fields: (string | number | null | undefined)[]): string =>
  `${fields.map(formatCsvField).join(',')}\r\n`;

/** Up to this many problems of a refused import are listed (the message names the first five). */
const MAX_REPORTED = 200;

/** Refuse a whole CSV import (one bad row imports nothing): a validation error naming its problems. */
export const refuseCsvImport = (problems: ErrorDetail[]): never => {
  const shown = problems.slice(0, MAX_REPORTED);
  const summary = shown
    .slice(0, 5)
    .map((p) => `${p.path}: ${p.message}`)
    .join('; ');
  throw new AppError(
    'validation_failed',
    `${problems.length} problem(s) in the CSV, nothing imported: ${summary}`,
    shown,
  );
};
