/**
 * PDF export of the minutes (issue 4 §7), with the same layout as the Word export and the fonts
 * embedded: Source Sans 3 for Latin text, Noto Sans KR for Hangul (both shipped by @fontsource).
 *
 * pdfkit draws every glyph from one font and falls back to nothing: a character missing from the
 * current font comes out blank. So each text is cut into runs, each set in a font that has its
 * characters, chosen from the fonts' published Unicode ranges (their unicode.json). The .woff
 * files are used, never .woff2: pdfkit silently renders blank glyphs from .woff2 (ENGINEERING.md).
 * ➔ is in none of the fonts: the decisions' arrow is drawn.
 * Pure apart from reading the font files: a MinutesDocument in, the PDF bytes out.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { MinutesDocument } from '../minutes-document';
import { layOutMinutes, parseRuns, type Block, type ExportLanguage, type Run } from './minutes-layout';

const require = createRequire(import.meta.url);

type Weight = 400 | 700;
type Range = [number, number];

function parseRanges(text: string): Range[] {
	return text.split(',').map((part) => {
		const [from, to] = part.replace(/^U\+/i, '').split('-');
		return [parseInt(from, 16), parseInt(to ?? from, 16)];
	});
}

function inRanges(codePoint: number, ranges: Range[]): boolean {
	return ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff]/;

interface FontFile {
	/** The name pdfkit knows it by. */
	name: string;
	file: string;
	ranges: Range[];
}

type Family = 'latin' | 'korean';
let fontCache: Map<string, FontFile[]> | undefined;

/**
 * Per family and weight, the fonts in the order they are tried. Text with Hangul is set wholly in
 * Noto Sans KR (its Latin file too), so that every character of a line sits on the same baseline;
 * other text in Source Sans 3. Noto Sans KR comes in ~120 slices of Hangul and symbols: each is
 * small, so embedding and subsetting stay fast (its single "korean" file takes seconds per PDF).
 */
function fontChain(family: Family, weight: Weight): FontFile[] {
	if (!fontCache) {
		const sourceSans = JSON.parse(readFileSync(require.resolve('@fontsource/source-sans-3/unicode.json'), 'utf8')) as Record<string, string>;
		const notoKr = JSON.parse(readFileSync(require.resolve('@fontsource/noto-sans-kr/unicode.json'), 'utf8')) as Record<string, string>;
		fontCache = new Map();
		for (const w of [400, 700] as const) {
			const noto = (subset: string, file: string): FontFile => ({
				name: `noto-${file}-${w}`,
				file: require.resolve(`@fontsource/noto-sans-kr/files/noto-sans-kr-${file}-${w}-normal.woff`),
				ranges: parseRanges(notoKr[subset])
			});
			const slices = Object.keys(notoKr)
				.filter((subset) => /^\[\d+\]$/.test(subset))
				.map((subset) => noto(subset, subset.slice(1, -1)));
			const sourceSans3 = (subset: string): FontFile => ({
				name: `source-sans-3-${subset}-${w}`,
				file: require.resolve(`@fontsource/source-sans-3/files/source-sans-3-${subset}-${w}-normal.woff`),
				ranges: parseRanges(sourceSans[subset])
			});
			fontCache.set(`latin-${w}`, [sourceSans3('latin'), sourceSans3('latin-ext'), noto('latin', 'latin'), ...slices]);
			fontCache.set(`korean-${w}`, [noto('latin', 'latin'), noto('latin-ext', 'latin-ext'), ...slices]);
		}
	}
	return fontCache.get(`${family}-${weight}`)!;
}

function fontForCharacter(codePoint: number, family: Family, weight: Weight): FontFile {
	const chain = fontChain(family, weight);
	return chain.find((font) => inRanges(codePoint, font.ranges)) ?? chain[0];
}

interface Segment {
	font: FontFile;
	text: string;
	superscript: boolean;
}

/** Cuts runs into pieces each set in one font that has its characters. */
export function segmentRuns(runs: Run[]): Segment[] {
	const family: Family = runs.some((run) => HANGUL.test(run.text)) ? 'korean' : 'latin';
	const segments: Segment[] = [];
	for (const run of runs) {
		const weight: Weight = run.bold ? 700 : 400;
		// Spaces no font here has (narrow no-break, thin) become plain ones; ➔ outside a decision: →.
		const text = run.text.replace(/[\u202f\u2009]/g, ' ').replace(/➔/g, '→');
		for (const character of text) {
			const last = segments.at(-1);
			// A space stays with the text before it: every font here has one.
			const font = character === ' ' && last && last.font.name.endsWith(`-${weight}`) ? last.font : fontForCharacter(character.codePointAt(0)!, family, weight);
			if (last && last.font === font && last.superscript === !!run.superscript) last.text += character;
			else segments.push({ font, text: character, superscript: !!run.superscript });
		}
	}
	return segments;
}

const PAGE_MARGIN = 56;
const BODY_SIZE = 10.5;
const INDENT = 16;

export type Doc = PDFKit.PDFDocument;

export function useFont(doc: Doc, font: FontFile, registered: Set<string>): void {
	if (!registered.has(font.name)) {
		doc.registerFont(font.name, font.file);
		registered.add(font.name);
	}
	doc.font(font.name);
}

interface WriteOptions {
	x: number;
	width: number;
	size: number;
	align?: 'left' | 'center';
	gapAfter?: number;
}

export function writeRuns(doc: Doc, runs: Run[], options: WriteOptions, registered: Set<string>): void {
	const segments = segmentRuns(runs).filter((segment) => segment.text !== '');
	if (segments.length === 0) return;
	let { x, width } = options;
	if (options.align === 'center') {
		// pdfkit centres each piece of a continued text on its own: centre the whole line by hand.
		const total = segments.reduce((sum, segment) => {
			useFont(doc, segment.font, registered);
			return sum + doc.fontSize(segment.superscript ? options.size * 0.7 : options.size).widthOfString(segment.text);
		}, 0);
		if (total < width) {
			x += (width - total) / 2;
			width = total + 1;
		}
	}
	segments.forEach((segment, index) => {
		useFont(doc, segment.font, registered);
		doc.fontSize(segment.superscript ? options.size * 0.7 : options.size);
		const continued = index < segments.length - 1;
		if (index === 0) doc.text(segment.text, x, doc.y, { width, continued, lineGap: 2 });
		else doc.text(segment.text, { continued, lineGap: 2 });
	});
	doc.fontSize(options.size);
	doc.moveDown(options.gapAfter ?? 0.35);
}

/** Moves to a new page when less than `height` is left. */
function keep(doc: Doc, height: number): void {
	if (doc.y + height > doc.page.height - PAGE_MARGIN) doc.addPage();
}

/** The decisions' ➔: a thick arrow drawn at the bullet's place, the height of a capital. */
function drawArrow(doc: Doc, x: number, y: number, size: number): void {
	const height = size * 0.62;
	const top = y + size * 0.28;
	doc.save()
		.moveTo(x, top + height * 0.3)
		.lineTo(x + height * 0.75, top + height * 0.3)
		.lineTo(x + height * 0.75, top)
		.lineTo(x + height * 1.3, top + height / 2)
		.lineTo(x + height * 0.75, top + height)
		.lineTo(x + height * 0.75, top + height * 0.7)
		.lineTo(x, top + height * 0.7)
		.closePath()
		.fill('#000000')
		.restore();
}

function drawTable(doc: Doc, block: Extract<Block, { kind: 'table' }>, left: number, width: number, registered: Set<string>): void {
	const columns = [width * 0.5, width * 0.25, width * 0.25];
	const padding = 4;
	const row = (cells: string[], bold: boolean, onNewPage?: () => void) => {
		// Heights measured in the fonts the cells are set in (the Korean one is taller).
		const heights = cells.map((text, index) => {
			const segments = segmentRuns([{ text, bold }]);
			useFont(doc, segments[0]?.font ?? fontForCharacter(65, 'latin', bold ? 700 : 400), registered);
			doc.fontSize(BODY_SIZE);
			return doc.heightOfString(text || ' ', { width: columns[index] - 2 * padding, lineGap: 2 });
		});
		const height = Math.max(...heights) + 2 * padding;
		if (doc.y + height > doc.page.height - PAGE_MARGIN) {
			doc.addPage();
			// The header again at the top of the new page, as Word repeats it.
			onNewPage?.();
		}
		const top = doc.y;
		let x = left;
		cells.forEach((text, index) => {
			doc.rect(x, top, columns[index], height).lineWidth(0.5).stroke('#555555');
			doc.y = top + padding;
			writeRuns(doc, [{ text, bold }], { x: x + padding, width: columns[index] - 2 * padding, size: BODY_SIZE, gapAfter: 0 }, registered);
			x += columns[index];
		});
		doc.x = left;
		doc.y = top + height;
	};
	const header = () => row(block.header, true);
	// Never a header alone at the foot of a page: room for it and a row or two first.
	keep(doc, 70);
	header();
	for (const cells of block.rows) row(cells, false, header);
	doc.moveDown(0.6);
}

/** The minutes as a PDF (bytes), fonts embedded, in French, Korean or both. */
export async function renderMinutesPdf(document: MinutesDocument, language: ExportLanguage): Promise<Uint8Array> {
	const layout = layOutMinutes(document, language);
	const doc = new PDFDocument({
		size: 'A4',
		margin: PAGE_MARGIN,
		info: { Title: layout.title, Creator: 'Dari', Producer: 'Dari' },
		lang: layout.languages[0] === 'ko' ? 'ko-KR' : 'fr-FR',
		displayTitle: true,
		bufferPages: false
	});
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
	const registered = new Set<string>();
	const left = PAGE_MARGIN;
	const width = doc.page.width - 2 * PAGE_MARGIN;

	for (const block of layout.blocks) {
		switch (block.kind) {
			case 'title':
				writeRuns(doc, [{ text: block.text, bold: true }], { x: left, width, size: 18, align: 'center', gapAfter: 0.4 }, registered);
				break;
			case 'date-line':
				writeRuns(doc, [{ text: block.text }], { x: left, width, size: BODY_SIZE, align: 'center', gapAfter: 0.6 }, registered);
				break;
			case 'notice':
				writeRuns(doc, [{ text: block.text, bold: true }], { x: left, width, size: BODY_SIZE, align: 'center', gapAfter: 0.6 }, registered);
				break;
			case 'heading':
				// A heading keeps what follows with it (a section's first lines, a table's first rows).
				keep(doc, 110);
				doc.moveDown(0.4);
				writeRuns(doc, [{ text: block.text, bold: true }], { x: left, width, size: 14, gapAfter: 0.4 }, registered);
				break;
			case 'section':
				keep(doc, 60);
				doc.moveDown(0.3);
				writeRuns(doc, [{ text: `${block.number}. `, bold: true }, ...parseRuns(block.text, true)], { x: left, width, size: 12, gapAfter: 0.4 }, registered);
				break;
			case 'bullet': {
				keep(doc, 30);
				const indent = INDENT * (block.level + 1);
				useFont(doc, fontForCharacter(45, 'latin', 400), registered);
				const top = doc.y;
				doc.fontSize(BODY_SIZE).text(block.level === 0 ? '-' : '•', left + indent - 10, top, { lineBreak: false });
				doc.y = top;
				writeRuns(doc, block.runs, { x: left + indent, width: width - indent, size: BODY_SIZE }, registered);
				break;
			}
			case 'decision':
				keep(doc, 30);
				drawArrow(doc, left + 2, doc.y, BODY_SIZE);
				writeRuns(doc, [{ text: block.text, bold: true }], { x: left + INDENT + 4, width: width - INDENT - 4, size: BODY_SIZE }, registered);
				break;
			case 'paragraph':
				keep(doc, 30);
				writeRuns(doc, block.runs, { x: left, width, size: BODY_SIZE }, registered);
				break;
			case 'table':
				drawTable(doc, block, left, width, registered);
				break;
		}
	}
	doc.end();
	await ended;
	return new Uint8Array(Buffer.concat(chunks));
}
