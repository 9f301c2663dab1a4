/**
 * Reading an uploaded CSV file: its encoding, its separator, its header and its lines, with the
 * line number people see in a text editor or a spreadsheet (the header is line 1). Pure: bytes in,
 * data out; what the columns mean is the import service's business.
 */
import { parse } from 'csv-parse/sync';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'euc-kr';
export type CsvSeparator = ',' | ';';

export type DecodedCsv = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; reason: 'EMPTY_FILE' | 'NOT_CSV' | 'UTF16' };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The text of the file. UTF-8 (with or without the byte-order mark Excel writes) first; a file
 * that is not valid UTF-8 is read as EUC-KR when it is plainly Korean (below), else as
 * Windows-1252, what Excel on French Windows saves as "CSV (séparateur : point-virgule)".
 * Latin-1 is a subset of it, so ISO-8859-1 files read right too.
 * Refused with a reason: an empty file, a spreadsheet or other binary file sent by mistake, and
 * UTF-16 ("Unicode text" in Excel), whose bytes would otherwise decode to garbage.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
	if (bytes.length === 0) return { ok: false, reason: 'EMPTY_FILE' };
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, reason: 'UTF16' };
	// XLSX/ODS are ZIP archives ("PK\x03\x04"), XLS an OLE file (D0 CF 11 E0); no text file holds a NUL byte.
	const startsWith = (signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
	if (startsWith([0x50, 0x4b, 0x03, 0x04]) || startsWith([0xd0, 0xcf, 0x11, 0xe0]) || bytes.includes(0)) return { ok: false, reason: 'NOT_CSV' };
	const hasBom = startsWith(UTF8_BOM);
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		if (text.trim() === '') return { ok: false, reason: 'EMPTY_FILE' };
		return { ok: true, text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
	} catch {
		if (isKoreanLegacyEncoding(bytes)) return { ok: true, text: new TextDecoder('euc-kr').decode(bytes), encoding: 'euc-kr' };
		return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
}

/**
 * Excel on Korean Windows saves "CSV (쉼표로 분리)" in EUC-KR (code page 949), not UTF-8: without
 * this, a Korean coordinator's file would read as Windows-1252 gibberish. Recognised strictly: every
 * byte above 0x7F is half of a KS X 1001 pair (both bytes 0xA1–0xFE) and the text holds Hangul. A
 * French Windows-1252 file fails this at its first accented letter followed by a plain one
 * ("é" then "s"); the rare Hangul outside KS X 1001 (CP949's extension) are not recognised this way.
 */
function isKoreanLegacyEncoding(bytes: Uint8Array): boolean {
	let hangulPairs = 0;
	for (let index = 0; index < bytes.length; index++) {
		const byte = bytes[index];
		if (byte < 0x80) continue;
		const next = bytes[index + 1];
		if (byte < 0xa1 || byte > 0xfe || next === undefined || next < 0xa1 || next > 0xfe) return false;
		// KS X 1001 puts the 2,350 Hangul syllables on lead bytes 0xB0–0xC8.
		if (byte >= 0xb0 && byte <= 0xc8) hangulPairs++;
		index++;
	}
	return hangulPairs > 0;
}

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, where it puts € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” •
 * – — ˜ ™ š › œ ž Ÿ (French text uses œ, ’, « », …). Written out here because Node 20's
 * TextDecoder('windows-1252') decodes those bytes as Latin-1 control characters (seen on this machine):
 * "Cœur" came out as "C\u009cur". The five bytes the code page leaves undefined keep their value.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
	return text;
}

/** The header line's separator: the one of `,` and `;` that appears more often outside quotes. */
export function detectSeparator(text: string): CsvSeparator {
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	for (const character of text) {
		if (character === '"') quoted = !quoted;
		else if (!quoted && (character === '\n' || character === '\r')) break;
		else if (!quoted && character === ',') commas++;
		else if (!quoted && character === ';') semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

export interface CsvLine {
	/** 1-based line number in the file where the record starts (the header is line 1). */
	line: number;
	cells: string[];
}

export type CsvTable =
	| { ok: true; separator: CsvSeparator; header: string[]; lines: CsvLine[] }
	| { ok: false; reason: 'MALFORMED_CSV'; line: number }
	| { ok: false; reason: 'EMPTY_FILE' };

/**
 * The header and the records of a decoded CSV text. Empty lines are skipped; a record with more
 * or fewer cells than the header is kept (the import names it as an error of that line, rather
 * than refusing the whole file); an unclosed quote refuses the file, naming the line.
 */
export function readCsvTable(source: string): CsvTable {
	// One kind of line break: csv-parse counts a CRLF inside quotes as two lines, and a cell's
	// line breaks are plain "\n" in the database anyway.
	const text = source.replace(/\r\n?/g, '\n');
	const separator = detectSeparator(text);
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			delimiter: separator,
			bom: true,
			info: true,
			relax_column_count: true,
			// A quote inside an unquoted cell (12" screen, =HYPERLINK("…")) is kept as written.
			relax_quotes: true,
			skip_empty_lines: true,
			// Cells are trimmed by the schemas, where a space matters or not; a quoted field keeps its spaces here.
			trim: false
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (error) {
		const line = Number((error as { lines?: number }).lines);
		return { ok: false, reason: 'MALFORMED_CSV', line: Number.isFinite(line) && line > 0 ? line : 1 };
	}
	const nonEmpty = records.filter(({ record }) => record.some((cell) => cell.trim() !== ''));
	if (nonEmpty.length === 0) return { ok: false, reason: 'EMPTY_FILE' };
	const lines = nonEmpty.map(({ record, info }) => ({
		// csv-parse counts the line where the record ends: step back over line breaks inside quoted cells.
		line: info.lines - record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0),
		cells: record
	}));
	const [header, ...rest] = lines;
	return { ok: true, separator, header: header.cells.map((cell) => cell.trim()), lines: rest };
}

/**
 * Undoes the guard our exports put before cells that a spreadsheet would run as a formula
 * ("'=1+1", "'+33 1 …"), so that an exported file imports back unchanged.
 */
export function unguardCell(value: string): string {
	return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
