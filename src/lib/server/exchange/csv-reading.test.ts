import { describe, expect, it } from 'vitest';
import { decodeCsv, detectSeparator, readCsvTable, unguardCell } from './csv-reading';
import { guardCell, writeCsv } from './spreadsheet-writing';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding an uploaded CSV file', () => {
	it('reads UTF-8, UTF-8 with a byte-order mark, and Windows-1252', () => {
		expect(decodeCsv(utf8('name_fr\nBesançon\n'))).toEqual({ ok: true, text: 'name_fr\nBesançon\n', encoding: 'utf-8' });
		expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('name_ko\n광주\n')]))).toEqual({ ok: true, text: 'name_ko\n광주\n', encoding: 'utf-8-bom' });
		// "Orléans;Besançon;Cœur;€" as Excel on French Windows saves it: é = E9, ç = E7, œ = 9C, € = 80.
		const windows = new Uint8Array([0x4f, 0x72, 0x6c, 0xe9, 0x61, 0x6e, 0x73, 0x3b, 0x42, 0x65, 0x73, 0x61, 0x6e, 0xe7, 0x6f, 0x6e, 0x3b, 0x43, 0x9c, 0x75, 0x72, 0x3b, 0x80]);
		expect(decodeCsv(windows)).toEqual({ ok: true, text: 'Orléans;Besançon;Cœur;€', encoding: 'windows-1252' });
	});

	it('reads EUC-KR, what Excel on Korean Windows saves, and never takes French Windows-1252 for it', () => {
		// "광주광역시,서울" in code page 949.
		const korean = new Uint8Array(Buffer.from('6e616d655f6b6f0ab1a4c1d6b1a4bfaabdc32cbcadbfef0a', 'hex'));
		expect(decodeCsv(korean)).toEqual({ ok: true, text: 'name_ko\n광주광역시,서울\n', encoding: 'euc-kr' });
		// "Cœur" alone would pair as CP949's extension; "éè" pairs as KS X 1001 but holds no Hangul.
		for (const french of ['Cœur;Orléans', 'Cœur', 'éè', 'Forêt']) {
			const bytes = new Uint8Array([...french].map((character) => (character === 'œ' ? 0x9c : character.charCodeAt(0))));
			expect(decodeCsv(bytes), french).toEqual({ ok: true, text: french, encoding: 'windows-1252' });
		}
	});

	it('refuses, with a reason, what is not a CSV text it can read', () => {
		expect(decodeCsv(new Uint8Array())).toEqual({ ok: false, reason: 'EMPTY_FILE' });
		expect(decodeCsv(utf8(' \r\n\r\n'))).toEqual({ ok: false, reason: 'EMPTY_FILE' });
		expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ ok: false, reason: 'NOT_CSV' });
		expect(decodeCsv(new Uint8Array([0xff, 0xfe, 0x6b, 0x00]))).toEqual({ ok: false, reason: 'UTF16' });
	});
});

describe('reading the table', () => {
	it('detects the separator from the header, quotes aside', () => {
		expect(detectSeparator('kind,country_code,name_fr\n')).toBe(',');
		expect(detectSeparator('kind;country_code;name_fr\n')).toBe(';');
		expect(detectSeparator('"a,b,c";x;y\n1,2,3,4,5')).toBe(';');
	});

	it('numbers each record by the line it starts on, line breaks inside quotes and empty lines counted', () => {
		const table = readCsvTable('name_fr;address\r\nDijon;"1 place\r\nde la Libération"\r\n\r\nTours;\r\n');
		expect(table).toEqual({
			ok: true,
			separator: ';',
			header: ['name_fr', 'address'],
			lines: [
				{ line: 2, cells: ['Dijon', '1 place\nde la Libération'] },
				{ line: 5, cells: ['Tours', ''] }
			]
		});
	});

	it('names the line of an unclosed quote', () => {
		expect(readCsvTable('name_fr,address\nDijon,x\nTours,"unclosed\n')).toEqual({ ok: false, reason: 'MALFORMED_CSV', line: 3 });
	});
});

describe('formula guard', () => {
	it('writes cells a spreadsheet would run as formulas as text, and reads them back unchanged', () => {
		for (const value of ['=HYPERLINK("http://evil")', '+33 1 53 41 81 81', '-1', '@SUM(A1)']) {
			expect(guardCell(value)).toBe(`'${value}`);
			expect(unguardCell(guardCell(value))).toBe(value);
		}
		expect(guardCell('Dijon')).toBe('Dijon');
		expect(unguardCell("l'Isle")).toBe("l'Isle");
		const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(writeCsv([{ key: 'value', value: (row: { value: string | number }) => row.value }], [{ value: '=1+1' }, { value: -1.5 }]));
		expect(csv).toBe("\ufeffvalue\r\n'=1+1\r\n-1.5\r\n");
	});
});
