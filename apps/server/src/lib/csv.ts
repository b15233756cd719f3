import Papa from 'papaparse';
import { AppError } from './errors';

/** Starts that a spreadsheet reads as a formula, plus the quote itself so that escaping can be undone. */
const NEEDS_QUOTE = /^[=+\-@\t\r']/;

/**
 * Neutralises spreadsheet formulas: a cell starting with = + - @ (or a tab or carriage return)
 * is prefixed with a single quote so that Excel and LibreOffice show it as text (OWASP CSV
 * injection). Every CSV export goes through this one rule. A value that itself starts with a
 * quote gets one more, so that `unescapeCsvCell` restores every value exactly.
 */
export function escapeCsvCell(value: string): string {
  return NEEDS_QUOTE.test(value) ? `'${value}` : value;
}

/** The inverse of `escapeCsvCell`: an exported file imports back to the values it came from. */
export function unescapeCsvCell(cell: string): string {
  return cell.startsWith("'") && NEEDS_QUOTE.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export interface CsvRecord {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  /** Cells by lower-cased header name, trimmed. */
  record: Record<string, string>;
}

/**
 * Parses an uploaded CSV whose header names exactly the `expected` columns, in any order.
 * A wrong header is one 400 for line 1; rows with the wrong number of fields go to `errors`
 * with their line; blank lines are skipped; cells escaped by `escapeCsvCell` are unescaped. Nothing is written here: the caller validates each
 * record and inserts the good ones in one transaction.
 */
export function parseCsvWithHeader(
  csv: string,
  expected: readonly string[],
  maxRows: number,
  errors: { line: number; message: string }[],
  optional: readonly string[] = [],
): CsvRecord[] {
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = expected.filter((h) => !header.includes(h));
  const unknown = header.filter((h) => h !== '' && !expected.includes(h) && !optional.includes(h));
  if (missing.length || unknown.length) {
    throw new AppError('validation', `The CSV header must be ${expected.join(',')}`, [
      { line: 1, message: [missing.length ? `missing: ${missing.join(', ')}` : '', unknown.length ? `unknown: ${unknown.join(', ')}` : ''].filter(Boolean).join('; ') },
    ]);
  }
  if (rows.length - 1 > maxRows) throw new AppError('payload_too_large', `At most ${maxRows} rows per import`);
  const out: CsvRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!;
    const line = i + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length !== header.length) {
      errors.push({ line, message: `expected ${header.length} fields, found ${cells.length}` });
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((h, j) => (record[h] = unescapeCsvCell(cells[j] ?? '').trim()));
    out.push({ line, record });
  }
  return out;
}
