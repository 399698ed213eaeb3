import type { ErrorDetail } from '../errors.ts';
import { unescapeCsvValue } from './csv.ts';

/** One checked CSV row, ready to write. `line` is the spreadsheet row number (the header is row 1). */
export type ImportRow = {
  row: number;
  name: string;
  phone: string | null;
  storeCode: string | null;
  tagNames: string[];
  externalRef: string | null;
};

const columnAliases: Record<string, ImportColumn | undefined> = {
  name: 'name',
  phone: 'phone',
  store: 'storeCode',
  store_code: 'storeCode',
  'store code': 'storeCode',
  tags: 'tagNames',
  external_id: 'externalRef',
  'external id': 'externalRef',
};

export const phonePattern = /^\+?[0-9][0-9 ()-]{3,24}$/;

/**
 * Rows of a members CSV read by header name (case-insensitive; unknown columns such as an export's `stage` are
 * ignored) and checked one by one. Every problem is reported, not just the first, so a file is fixed in one pass.
 */
export type ImportColumn = keyof Omit<ImportRow, 'row'>;

export const readImportRows = (
  records: string[][],
): { rows: ImportRow[]; problems: ErrorDetail[]; columns: Set<ImportColumn> } => {
  const [header, ...data] = records;
  if (!header)
    return { rows: [], problems: [{ path: 'csv', message: 'the file is empty' }], columns: new Set() };
  const columns = header.map((h) => columnAliases[h.trim().toLowerCase()]);
  if (!columns.includes('name')) {
    return {
      rows: [],
      problems: [{ path: 'row 1', message: 'the header has no "name" column' }],
      columns: new Set(),
    };
  }
  const present = new Set(columns.filter((c) => c !== undefined));
  if (data.length === 0)
    return { rows: [], problems: [{ path: 'csv', message: 'the file has no rows' }], columns: present };
  const problems: ErrorDetail[] = [];
  const rows: ImportRow[] = [];
  const seenRefs = new Map<string, number>();
  data.forEach((record, index) => {
    const row = index + 2;
    const problem = (column: string, message: string) =>
      problems.push({ path: `row ${row}.${column}`, message });
    if (record.length > header.length)
      problem('(row)', `${record.length} fields, the header has ${header.length}`);
    const cell = (key: ImportColumn) => {
      const i = columns.indexOf(key);
      const value = i >= 0 ? unescapeCsvValue((record[i] ?? '').trim()) : '';
      return value === '' ? null : value;
    };
    const name = cell('name');
    if (!name) problem('name', 'required');
    else if (name.length > 100) problem('name', 'longer than 100 characters');
    const phone = cell('phone');
    if (phone && !phonePattern.test(phone)) problem('phone', `"${phone}" is not a phone number`);
    const externalRef = cell('externalRef');
    if (externalRef && externalRef.length > 100) problem('external_id', 'longer than 100 characters');
    if (externalRef && seenRefs.has(externalRef)) {
      problem('external_id', `"${externalRef}" repeats row ${seenRefs.get(externalRef)}`);
    }
    if (externalRef) seenRefs.set(externalRef, row);
    const tagNames = [
      ...new Set(
        (cell('tagNames') ?? '')
          .split(';')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
    const longTag = tagNames.find((t) => t.length > 50);
    if (longTag) problem('tags', `tag "${longTag.slice(0, 20)}…" is longer than 50 characters`);
    rows.push({ row, name: name ?? '', phone, storeCode: cell('storeCode'), tagNames, externalRef });
  });
  return { rows, problems, columns: present };
};
