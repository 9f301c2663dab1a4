/**
 * Word export of the minutes (issue 4 §7), laid out like the reference: the title, the date line,
 * "Compte-rendu", numbered sections ("1. Introduction", written out so that the text reads the
 * same anywhere), each intervention as a bullet with the speaker and title in bold then " : " and
 * the text, decisions as "➔" and bold text, the participants table (Organisme / Prénom / Nom).
 * Korean text is set in a font with Hangul: Malgun Gothic (on every Windows since Vista), with
 * Noto Sans KR named as the East Asian font of French text for the Korean names it may hold.
 * Pure: a MinutesDocument in, the .docx bytes out.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import type { MinutesDocument, MinutesLanguage } from '../minutes-document';
import { layOutMinutes, parseRuns, type Block, type ExportLanguage, type Run } from './minutes-layout';

const LATIN_FONT = 'Calibri';
const KOREAN_FONT = 'Malgun Gothic';
/** ➔ is in no text font: Word would pick one itself, Segoe UI Symbol has it. */
const SYMBOL_FONT = 'Segoe UI Symbol';
const BULLETS = 'minutes-bullets';

function fontFor(lang: MinutesLanguage): IRunOptions['font'] {
	return lang === 'ko'
		? { ascii: KOREAN_FONT, hAnsi: KOREAN_FONT, eastAsia: KOREAN_FONT, cs: KOREAN_FONT }
		: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: KOREAN_FONT, cs: LATIN_FONT };
}

function languageFor(lang: MinutesLanguage): IRunOptions['language'] {
	return lang === 'ko' ? { value: 'ko-KR', eastAsia: 'ko-KR' } : { value: 'fr-FR', eastAsia: 'ko-KR' };
}

function textRuns(runs: Run[], lang: MinutesLanguage, extra: Partial<IRunOptions> = {}): TextRun[] {
	return runs.map(
		(run) => new TextRun({ text: run.text, bold: run.bold || extra.bold, superScript: run.superscript, font: fontFor(lang), language: languageFor(lang), ...extra })
	);
}

function plain(text: string, lang: MinutesLanguage, extra: Partial<IRunOptions> = {}): TextRun {
	return new TextRun({ text, font: fontFor(lang), language: languageFor(lang), ...extra });
}

function tableOf(block: Extract<Block, { kind: 'table' }>): Table {
	const cell = (text: string, bold: boolean) =>
		new TableCell({ children: [new Paragraph({ children: [plain(text, block.lang, { bold })] })], width: { size: 33, type: WidthType.PERCENTAGE } });
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({ tableHeader: true, children: block.header.map((text) => cell(text, true)) }),
			...block.rows.map((row) => new TableRow({ children: row.map((text) => cell(text, false)) }))
		]
	});
}

function renderBlock(block: Block): Paragraph | Table {
	switch (block.kind) {
		case 'title':
			return new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [plain(block.text, block.lang)] });
		case 'date-line':
			return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [plain(block.text, block.lang)] });
		case 'notice':
			return new Paragraph({ alignment: AlignmentType.CENTER, children: [plain(block.text, block.lang, { italics: true, color: '9B1C1C' })] });
		case 'heading':
			return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [plain(block.text, block.lang)] });
		case 'section':
			return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [plain(`${block.number}. `, block.lang), ...textRuns(parseRuns(block.text), block.lang)] });
		case 'bullet':
			return new Paragraph({ numbering: { reference: BULLETS, level: block.level }, children: textRuns(block.runs, block.lang) });
		case 'decision':
			return new Paragraph({
				numbering: { reference: BULLETS, level: 0 },
				children: [new TextRun({ text: '➔ ', bold: true, font: { ascii: SYMBOL_FONT, hAnsi: SYMBOL_FONT, eastAsia: SYMBOL_FONT, cs: SYMBOL_FONT } }), plain(block.text, block.lang, { bold: true })]
			});
		case 'paragraph':
			return new Paragraph({ children: textRuns(block.runs, block.lang) });
		case 'table':
			return tableOf(block);
	}
}

/** The minutes as a Word document (.docx bytes), in French, Korean or both. */
export async function renderMinutesDocx(document: MinutesDocument, language: ExportLanguage): Promise<Uint8Array> {
	const layout = layOutMinutes(document, language);
	const children: (Paragraph | Table)[] = [];
	for (const block of layout.blocks) {
		// A table right after a heading, then space: Word would otherwise glue the next paragraph to it.
		children.push(renderBlock(block));
		if (block.kind === 'table') children.push(new Paragraph({ children: [] }));
	}
	const docx = new Document({
		title: layout.title,
		creator: 'Dari',
		description: layout.title,
		styles: {
			default: {
				document: { run: { font: fontFor(layout.languages[0]), size: 22 } },
				title: { run: { size: 36, bold: true, font: fontFor(layout.languages[0]) } },
				heading1: { run: { size: 28, bold: true, font: fontFor(layout.languages[0]) }, paragraph: { spacing: { before: 240, after: 120 } } },
				heading2: { run: { size: 24, bold: true, font: fontFor(layout.languages[0]) }, paragraph: { spacing: { before: 240, after: 120 } } }
			}
		},
		numbering: {
			config: [
				{
					reference: BULLETS,
					levels: [
						{ level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 360 } } } },
						{ level: 1, format: LevelFormat.BULLET, text: '◦', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }
					]
				}
			]
		},
		sections: [{ children }]
	});
	return new Uint8Array(await Packer.toBuffer(docx));
}
