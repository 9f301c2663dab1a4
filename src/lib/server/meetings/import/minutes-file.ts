/**
 * Reading an uploaded minutes file into text for the parser: a .txt (UTF-8, UTF-16 with its mark,
 * or Windows-1252 as French Word "Text only" saves it) or a .docx (through mammoth, to HTML, then
 * to the same plain text as the reference: bold kept as **…** so speakers are recognised, list
 * items as "- ", table rows as tab-separated cells, superscripts as ^{…}).
 * Anything else is refused by its first bytes, whatever its name says: an old Word .doc, a PDF,
 * an image, an archive; and an empty file or one over 10 MB.
 */
import mammoth from 'mammoth';

/** 10 MB, as every upload of Dari: years of minutes in Word weigh tens of kilobytes; a larger file holds images, not text. */
export const MAX_MINUTES_BYTES = 10 * 1024 * 1024;

/** Why a file is refused; each is a form error code (form-errors.ts) and a CLI message. */
export type MinutesFileRefusal =
	| 'minutes_file_empty'
	| 'minutes_file_too_large'
	| 'minutes_file_old_word'
	| 'minutes_file_pdf'
	| 'minutes_file_image'
	| 'minutes_file_type'
	| 'minutes_file_unreadable';

/** What an operator reads in a terminal for each refusal (the web page has its own, translated). */
export const MINUTES_FILE_REFUSALS: Record<MinutesFileRefusal, string> = {
	minutes_file_empty: 'the file is empty',
	minutes_file_too_large: 'the file is larger than 10 MB',
	minutes_file_old_word: 'this is an old Word document (.doc): open it in Word or LibreOffice and save it as .docx',
	minutes_file_pdf: 'this is a PDF: Dari reads minutes from .docx or .txt files; save the original document as .docx',
	minutes_file_image: 'this is an image, not a text: Dari reads minutes from .docx or .txt files',
	minutes_file_type: 'this is neither a .docx nor a text file',
	minutes_file_unreadable: 'the Word document could not be read (damaged or protected?)'
};

export type MinutesFileKind = 'text' | 'docx';

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
	return bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
}
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

function contains(bytes: Uint8Array, wanted: number[]): boolean {
	outer: for (let index = 0; index + wanted.length <= bytes.length; index++) {
		for (let offset = 0; offset < wanted.length; offset++) if (bytes[index + offset] !== wanted[offset]) continue outer;
		return true;
	}
	return false;
}

/** The kind of a file from its bytes, or why it is refused. */
export function detectMinutesFile(bytes: Uint8Array): { ok: true; kind: MinutesFileKind } | { ok: false; reason: MinutesFileRefusal } {
	if (bytes.byteLength === 0) return { ok: false, reason: 'minutes_file_empty' };
	if (bytes.byteLength > MAX_MINUTES_BYTES) return { ok: false, reason: 'minutes_file_too_large' };
	// OLE2 compound file: Word 97–2003 .doc (also old .xls/.ppt).
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { ok: false, reason: 'minutes_file_old_word' };
	// Word 2 to 6 ("\xDB\xA5" and "\x31\xBE") and RTF, which Word also saves as ".doc".
	if (startsWith(bytes, [0xdb, 0xa5]) || startsWith(bytes, [0x31, 0xbe, 0x00, 0x00]) || startsWith(bytes, ascii('{\\rtf'))) return { ok: false, reason: 'minutes_file_old_word' };
	if (startsWith(bytes, ascii('%PDF-'))) return { ok: false, reason: 'minutes_file_pdf' };
	if (
		startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
		startsWith(bytes, [0xff, 0xd8, 0xff]) ||
		startsWith(bytes, ascii('GIF8')) ||
		(startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) ||
		startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
		startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
		startsWith(bytes, ascii('BM')) && bytes.byteLength > 14 && bytes[14] === 40 ||
		(startsWith(bytes, ascii('ftyp'), 4) && /heic|heix|avif|mif1/.test(String.fromCharCode(...bytes.slice(8, 12))))
	)
		return { ok: false, reason: 'minutes_file_image' };
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
		return contains(bytes, ascii('word/document.xml')) ? { ok: true, kind: 'docx' } : { ok: false, reason: 'minutes_file_type' };
	}
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { ok: true, kind: 'text' };
	// A text has no NUL bytes and few control characters besides tab, line feed, carriage return and form feed.
	let controls = 0;
	for (const byte of bytes.subarray(0, 65536)) {
		if (byte === 0) return { ok: false, reason: 'minutes_file_type' };
		if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
	}
	if (controls > 8) return { ok: false, reason: 'minutes_file_type' };
	return { ok: true, kind: 'text' };
}

/** The text of a text file: UTF-8 when it is valid UTF-8 (with or without its mark), UTF-16 with its mark, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
	if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

/**
 * Mammoth's HTML as the plain text the parser reads: one paragraph a line with a blank line
 * between paragraphs, list items "- " (indented one space a level), table rows as cells joined by
 * tabs, <strong> as **, <sup> as ^{…}. Pure; exported for tests.
 */
export function htmlToMinutesText(html: string): string {
	const lines: string[] = [];
	let line = '';
	let listDepth = 0;
	let row: string[] | null = null;
	let cell: string | null = null;
	const flush = () => {
		if (line.trim() !== '' && !/^\s*- $/.test(line)) lines.push(line.replace(/\s+$/u, ''));
		line = '';
	};
	const blank = () => {
		if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
	};
	const write = (text: string) => {
		if (cell !== null) cell += text;
		else line += text;
	};
	const tokens = [...html.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*?(\/?)>|([^<]+)/g)];
	/**
	 * Word's automatic numbering reaches mammoth as <ol> without the numbers, and a list
	 * interrupted by paragraphs as separate <ol>s: the sections of minutes numbered that way are
	 * one-item top-level <ol>s between the items' text. Those are numbered on, across lists, so
	 * "1. Introduction", "2. Rappel…" come back; longer lists keep "- " (a numbered list inside an
	 * intervention must not look like the next section).
	 */
	let sectionNumber = 0;
	const listKinds: ('bullet' | 'section')[] = [];
	const singleItemList = (start: number) => {
		let depth = 0;
		let items = 0;
		for (let index = start + 1; index < tokens.length; index++) {
			const name = tokens[index][2]?.toLowerCase();
			const close = tokens[index][1] === '/';
			if (name === 'ol' || name === 'ul') {
				if (close && depth === 0) return items === 1;
				depth += close ? -1 : 1;
			} else if (name === 'li' && !close && depth === 0) items++;
		}
		return false;
	};
	for (const [tokenIndex, token] of tokens.entries()) {
		const [, closing, rawName, , text] = token;
		if (text !== undefined) {
			write(decodeEntities(text));
			continue;
		}
		const name = rawName.toLowerCase();
		const opening = closing !== '/';
		switch (name) {
			case 'p':
			case 'h1':
			case 'h2':
			case 'h3':
			case 'h4':
			case 'h5':
			case 'h6':
				if (cell !== null) {
					if (opening && cell.trim() !== '') cell += ' ';
				} else if (listDepth > 0) {
					if (!opening) break;
					if (line.trim() !== '' && !/^\s*- $/.test(line)) line += ' ';
				} else if (opening) flush();
				else {
					flush();
					blank();
				}
				break;
			case 'ul':
			case 'ol':
				if (opening) {
					flush();
					listKinds.push(name === 'ol' && listDepth === 0 && cell === null && singleItemList(tokenIndex) ? 'section' : 'bullet');
					listDepth++;
				} else {
					flush();
					listDepth = Math.max(0, listDepth - 1);
					listKinds.pop();
					if (listDepth === 0) blank();
				}
				break;
			case 'li':
				flush();
				if (opening) line = listKinds.at(-1) === 'section' ? `${++sectionNumber}. ` : `${' '.repeat(Math.max(0, listDepth - 1))}- `;
				break;
			case 'br':
				if (cell !== null) cell += ' ';
				else flush();
				break;
			case 'strong':
			case 'b':
				write('**');
				break;
			case 'sup':
				write(opening ? '^{' : '}');
				break;
			case 'table':
				flush();
				if (!opening) blank();
				break;
			case 'tr':
				if (opening) row = [];
				else if (row) {
					lines.push(row.join('\t').replace(/\s+$/u, ''));
					row = null;
				}
				break;
			case 'td':
			case 'th':
				if (opening) cell = '';
				else if (cell !== null) {
					row?.push(cell.replace(/\s+/gu, ' ').trim());
					cell = null;
				}
				break;
			default:
				break;
		}
	}
	flush();
	// "**Name**** :**" when Word split a bold run in two: one bold run again.
	return lines
		.map((entry) => entry.replace(/\*\*\*\*/g, '').replace(/\*\*(\s*)\*\*/g, '$1'))
		.join('\n')
		.trim();
}

/** Reads a Word document's text; null when mammoth cannot open it. */
export async function readDocxText(bytes: Uint8Array): Promise<string | null> {
	try {
		const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
		return htmlToMinutesText(value);
	} catch {
		return null;
	}
}

/** The text of an uploaded minutes file, or why it cannot be read. */
export async function readMinutesFile(bytes: Uint8Array): Promise<{ ok: true; kind: MinutesFileKind; text: string } | { ok: false; reason: MinutesFileRefusal }> {
	const detected = detectMinutesFile(bytes);
	if (!detected.ok) return detected;
	if (detected.kind === 'docx') {
		const text = await readDocxText(bytes);
		if (text === null) return { ok: false, reason: 'minutes_file_unreadable' };
		if (text.trim() === '') return { ok: false, reason: 'minutes_file_empty' };
		return { ok: true, kind: 'docx', text };
	}
	const text = decodeText(bytes);
	if (text.trim() === '') return { ok: false, reason: 'minutes_file_empty' };
	return { ok: true, kind: 'text', text };
}
