/**
 * Writing a list as CSV or XLSX. Pure: columns and rows in, bytes out.
 *
 * CSV choices, each for a reason:
 * - UTF-8 with a byte-order mark: without it Excel reads the file as the system's code page and
 *   shows "MÃ©tropole" for "Métropole" and nothing legible for Hangul; every other tool ignores it.
 * - Comma as separator (RFC 4180): what Korean Excel, LibreOffice, Google Sheets, Python and R
 *   read by default, and our numbers (population, coordinates) are written with a dot, so a
 *   comma never clashes with a decimal. French Excel expects ";" when a CSV is double-clicked:
 *   that is what the XLSX export is for, and the import reads both "," and ";" (a file saved
 *   again by French Excel comes back).
 * - CRLF line ends (RFC 4180), every text cell quoted only when it must be.
 * - A cell starting with = + - @ (or a tab or carriage return) is written with a leading
 *   apostrophe, so a spreadsheet shows it as text instead of running it as a formula
 *   (OWASP "CSV injection"); the import removes that apostrophe again. Numbers are written as
 *   numbers and need no guard.
 *
 * XLSX: one sheet, a bold header row frozen in place with a filter, column widths from the
 * content; text stays text (exceljs writes strings as strings, never as formulas).
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type CellValue = string | number | boolean | null;

export interface SheetColumn<Row> {
	/** The header, in the stable machine form documented on the exchange page (snake_case). */
	key: string;
	value: (row: Row) => CellValue;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as written to CSV: guarded against formula injection. */
export function guardCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvCell(value: CellValue): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return guardCell(value);
}

/** The list as CSV bytes: UTF-8 with BOM, comma-separated, header first. */
export function writeCsv<Row>(columns: SheetColumn<Row>[], rows: Row[]): Uint8Array {
	const records = [columns.map((column) => column.key), ...rows.map((row) => columns.map((column) => csvCell(column.value(row))))];
	const text = stringify(records, { delimiter: ',', record_delimiter: '\r\n', quoted_match: /^\s|\s$/ });
	return new TextEncoder().encode(`\ufeff${text}`);
}

/** Widths in characters: from the longest value (first 500 rows), between 8 and 60. Hangul counts double. */
function columnWidth(values: string[]): number {
	const widest = Math.max(...values.map((value) => [...value.split('\n')[0]].reduce((sum, character) => sum + (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(character) ? 2 : 1), 0)));
	return Math.min(60, Math.max(8, widest + 2));
}

/** The list as an XLSX workbook of one sheet. */
export async function writeXlsx<Row>(sheetName: string, columns: SheetColumn<Row>[], rows: Row[]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Dari';
	// Fixed, so the same data gives the same file (the clock is not read here).
	workbook.created = new Date(0);
	workbook.modified = new Date(0);
	const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
	const values = rows.map((row) => columns.map((column) => column.value(row)));
	sheet.columns = columns.map((column, index) => ({
		header: column.key,
		key: column.key,
		width: columnWidth([column.key, ...values.slice(0, 500).map((cells) => (cells[index] === null ? '' : String(cells[index])))])
	}));
	for (const cells of values) sheet.addRow(cells.map((cell) => (cell === null ? null : cell)));
	sheet.getRow(1).font = { bold: true };
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}
