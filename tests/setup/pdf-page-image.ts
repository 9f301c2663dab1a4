/**
 * For tests: a PDF page as pixels, rendered by poppler's pdftoppm (apt-get install poppler-utils),
 * to check that text is really drawn, not only present in the file: pdfkit embeds a .woff2 font
 * and extracts fine, yet draws blank glyphs (ENGINEERING.md). Grey PGM output (P5) is trivial to read.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GreyImage {
	width: number;
	height: number;
	/** One byte per pixel, 0 black to 255 white, row after row. */
	pixels: Uint8Array;
}

/** Reads a binary PGM (P5, 8 bits). */
export function readPgm(bytes: Uint8Array): GreyImage {
	let offset = 0;
	const fields: string[] = [];
	while (fields.length < 4) {
		// Skip whitespace and comments between header fields.
		while (/\s/.test(String.fromCharCode(bytes[offset]))) offset++;
		if (bytes[offset] === 0x23) {
			while (bytes[offset] !== 0x0a) offset++;
			continue;
		}
		let field = '';
		while (!/\s/.test(String.fromCharCode(bytes[offset]))) field += String.fromCharCode(bytes[offset++]);
		fields.push(field);
	}
	offset++; // the single whitespace after the maximum value
	const [magic, width, height, maximum] = [fields[0], Number(fields[1]), Number(fields[2]), Number(fields[3])];
	if (magic !== 'P5' || maximum !== 255) throw new Error(`not an 8-bit binary PGM: ${fields.join(' ')}`);
	return { width, height, pixels: bytes.subarray(offset, offset + width * height) };
}

/** Page `page` (from 1) of a PDF at `dpi` (72: one pixel per PDF point). */
export function renderPdfPage(pdf: Uint8Array, page = 1, dpi = 72): GreyImage {
	const directory = mkdtempSync(join(tmpdir(), 'dari-pdf-'));
	try {
		const input = join(directory, 'in.pdf');
		writeFileSync(input, pdf);
		execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', input, join(directory, 'page')]);
		return readPgm(readFileSync(join(directory, 'page.pgm')));
	} finally {
		rmSync(directory, { recursive: true, force: true });
	}
}

/** Dark pixels (below 128) in a rectangle of the image, in pixels from the top left. */
export function countDarkPixels(image: GreyImage, area: { left: number; top: number; width: number; height: number }): number {
	let count = 0;
	for (let y = Math.max(0, area.top); y < Math.min(image.height, area.top + area.height); y++) {
		for (let x = Math.max(0, area.left); x < Math.min(image.width, area.left + area.width); x++) {
			if (image.pixels[y * image.width + x] < 128) count++;
		}
	}
	return count;
}

/** The text of a PDF as poppler extracts it. */
export function extractPdfText(pdf: Uint8Array): string {
	return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}
