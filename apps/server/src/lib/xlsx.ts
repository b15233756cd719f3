import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from './errors';

/** The media type of an Excel workbook (.xlsx). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Columns read from a sheet: every import of ours needs far fewer; the rest are never looked at. */
const MAX_COLUMNS = 50;

/** A cell as the text a person typed or saw: the result of a formula, the text of a link or rich text. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return '';
}

/**
 * The first worksheet of an .xlsx workbook as CSV text, so a spreadsheet goes through exactly the
 * same import (validation, plain-word errors, line numbers) as a CSV file. The sheet is streamed
 * and reading stops after `maxRows` data rows plus the header, so a huge or hostile workbook cannot
 * hold the server: the import then refuses the file for having too many rows. Empty rows are kept
 * as empty lines so the line numbers in errors match the rows the person sees in Excel.
 */
export async function xlsxToCsv(buffer: Buffer, maxRows: number): Promise<string> {
  const lines: string[][] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
    outer: for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        while (lines.length < row.number - 1) lines.push([]);
        const values = (row.values as ExcelJS.CellValue[]).slice(1, MAX_COLUMNS + 1);
        lines.push(values.map(cellText));
        if (lines.length > maxRows + 1) break outer;
      }
      break; // the first worksheet only
    }
  } catch {
    throw new AppError('validation', 'The file is not an Excel workbook (.xlsx) that can be read; save it again as .xlsx or as CSV');
  }
  if (lines.length === 0) throw new AppError('validation', 'The workbook’s first sheet is empty: put the header on the first row');
  const width = Math.max(...lines.map((l) => l.length));
  return Papa.unparse(lines.map((l) => [...l, ...Array<string>(width - l.length).fill('')]), { newline: '\r\n' }) + '\r\n';
}

/** One worksheet with a header row and rows of text, as an .xlsx file. Cells are text, never formulas. */
export async function csvRowsToXlsx(sheetName: string, header: readonly string[], rows: readonly (readonly string[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([...header]).font = { bold: true };
  for (const r of rows) ws.addRow([...r]);
  ws.columns.forEach((c) => {
    c.width = 22;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
