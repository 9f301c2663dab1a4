/**
 * The reference minutes (shared/reference) as tests read them: the text, and a Word document
 * written from it the way a coordinator would (bullets, bold speakers, a participants table).
 * Test-only: imported by the parser, file, service and CLI tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** A copy of shared/reference/compte-rendu-groupe-pays-coree-2024-02-27.txt, kept in the repository so tests never depend on a folder outside it. */
export const REFERENCE_MINUTES_PATH = fileURLToPath(new URL('../../../../../tests/fixtures/minutes/compte-rendu-groupe-pays-coree-2024-02-27.txt', import.meta.url));

export const REFERENCE_MINUTES = readFileSync(REFERENCE_MINUTES_PATH, 'utf8');

/** Runs of a line written like the reference: **bold** segments bold, ^{x} superscript. */
function runs(text: string): TextRun[] {
	return text
		.split('**')
		.flatMap((segment, index) =>
			segment.split(/(\^\{[^}]*\})/).map((part) => (part.startsWith('^{') ? new TextRun({ text: part.slice(2, -1), bold: index % 2 === 1, superScript: true }) : new TextRun({ text: part, bold: index % 2 === 1 })))
		)
		.filter((run) => run !== null);
}

/** The reference minutes as a coordinator's Word document: bullets, bold speakers, a participants table. */
export async function referenceAsDocx(text = REFERENCE_MINUTES, options: { wordNumberedSections?: boolean } = {}): Promise<Uint8Array> {
	const children: (Paragraph | Table)[] = [];
	let rows: TableRow[] = [];
	const flushTable = () => {
		if (rows.length) children.push(new Table({ rows }));
		rows = [];
	};
	for (const line of text.split('\n')) {
		if (line.includes('\t')) {
			rows.push(new TableRow({ children: line.split('\t').map((cell) => new TableCell({ children: [new Paragraph({ children: runs(cell) })] })) }));
			continue;
		}
		flushTable();
		if (line.trim() === '') continue;
		const bullet = /^( ?)- (.*)$/.exec(line);
		const section = /^\d\. (.*)$/.exec(line);
		// Sections numbered by Word itself: the number is not in the text, only in the numbering.
		if (section && options.wordNumberedSections) children.push(new Paragraph({ children: runs(section[1]), numbering: { reference: 'sections', level: 0 } }));
		else if (bullet) children.push(new Paragraph({ children: runs(bullet[2]), bullet: { level: bullet[1].length } }));
		else children.push(new Paragraph({ children: runs(line) }));
	}
	flushTable();
	const numbering = { config: [{ reference: 'sections', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] };
	return new Uint8Array(await Packer.toBuffer(new Document({ numbering, sections: [{ children }] })));
}

