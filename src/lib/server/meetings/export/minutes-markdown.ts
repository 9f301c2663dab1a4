/**
 * Markdown export of the minutes (issue 4 §7): the same text as the reference's plain-text
 * version — "Compte-rendu", "1. Introduction", "- **Speaker, title** : text", "- ➔ **decision**",
 * the participants as a table. Pure: a layout in, text out.
 */
import type { MinutesDocument } from '../minutes-document';
import { layOutMinutes, runsToText, type Block, type ExportLanguage, type Run } from './minutes-layout';

function inline(runs: Run[]): string {
	// Bold runs are kept as **…**; consecutive ones are merged so the speaker reads as one span.
	const merged: Run[] = [];
	for (const run of runs) {
		const previous = merged.at(-1);
		if (previous && !!previous.bold === !!run.bold && !previous.superscript && !run.superscript) previous.text += run.text;
		else merged.push({ ...run });
	}
	return merged.map((run) => (run.bold && run.text.trim() ? `**${runsToText([{ ...run, bold: false }])}**` : runsToText([run]))).join('');
}

function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function renderBlock(block: Block): string {
	switch (block.kind) {
		case 'title':
			return `# ${block.text}`;
		case 'date-line':
			return block.text;
		case 'notice':
			return `> ${block.text}`;
		case 'heading':
			return `## ${block.text}`;
		case 'section':
			return `### ${block.number}. ${block.text}`;
		case 'bullet':
			return `${block.level === 1 ? '  ' : ''}- ${inline(block.runs)}`;
		case 'decision':
			return `- ➔ **${block.text}**`;
		case 'paragraph':
			return inline(block.runs);
		case 'table':
			return [
				`| ${block.header.map(cell).join(' | ')} |`,
				`| ${block.header.map(() => '---').join(' | ')} |`,
				...block.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)
			].join('\n');
	}
}

/** The minutes as Markdown, in French, Korean or both. */
export function renderMinutesMarkdown(document: MinutesDocument, language: ExportLanguage): string {
	const { blocks } = layOutMinutes(document, language);
	const isListItem = (block: Block | undefined) => block?.kind === 'bullet' || block?.kind === 'decision';
	let text = '';
	blocks.forEach((block, index) => {
		// Consecutive bullets and decisions form one list; every other block is its own paragraph.
		if (index > 0) text += isListItem(block) && isListItem(blocks[index - 1]) ? '\n' : '\n\n';
		text += renderBlock(block);
	});
	return text + '\n';
}
