import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { countDarkPixels, extractPdfText, renderPdfPage } from '../../../../../tests/setup/pdf-page-image';
import type { MinutesDocument } from '../minutes-document';
import { renderMinutesDocx } from './minutes-docx';
import { exportFileName, formatDateLine, layOutMinutes } from './minutes-layout';
import { renderMinutesMarkdown } from './minutes-markdown';
import { renderMinutesPdf } from './minutes-pdf';
import { referenceMinutes } from './reference-minutes.fixture';

async function docxHtml(bytes: Uint8Array): Promise<string> {
	return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
}

describe('the date line', () => {
	it('is the reference’s in French, with Seoul’s clock too in Korean', () => {
		const minutes = referenceMinutes();
		expect(formatDateLine(minutes, 'fr')).toBe('Mardi 27 février 2024, de 9h00 à 10h00, heure française, en visioconférence');
		expect(formatDateLine(minutes, 'ko')).toBe('2024년 2월 27일 화요일, 프랑스 시간 09:00부터 10:00까지 (서울 시간 17:00부터 18:00까지), 화상 회의');
	});

	it('gives the meeting’s own zone and day: a Seoul meeting late at night in Paris', () => {
		const minutes: MinutesDocument = { ...referenceMinutes(), timezone: 'Asia/Seoul', startsAt: '2024-07-01T23:30:00.000Z', endsAt: '2024-07-02T01:00:00.000Z', format: 'in_person', place: 'Séoul' };
		expect(formatDateLine(minutes, 'fr')).toBe('Mardi 2 juillet 2024, de 8h30 à 10h00, heure de Séoul, en présentiel, à Séoul');
		expect(formatDateLine(minutes, 'ko')).toBe('2024년 7월 2일 화요일, 서울 시간 08:30부터 10:00까지 (프랑스 시간 01:30부터 03:00까지), 대면 회의, 장소: Séoul');
	});

	it('says when the date is not known yet', () => {
		expect(formatDateLine({ ...referenceMinutes(), startsAt: null, endsAt: null }, 'fr')).toBe('Date à préciser, en visioconférence');
	});
});

describe('the layout', () => {
	it('gives a speaker’s title at their first intervention only, as the reference does', () => {
		const bullets = layOutMinutes(referenceMinutes(), 'fr').blocks.filter((block) => block.kind === 'bullet' && block.runs[0]?.bold);
		const speakers = bullets.map((block) => (block.kind === 'bullet' ? block.runs[0].text : ''));
		expect(speakers[0]).toMatch(/^Caroline Millan, Présidente du groupe-pays Corée, .*Ville d'Issy-les-Moulineaux$/);
		expect(speakers).toContain('Caroline Millan');
		// The organisation is not repeated when the title names it ("GAROK France" in "GAROK France (…)").
		expect(speakers).toContain('Hong Joon Ho, Directeur général, GAROK France');
	});

	it('names the organisation the writer gave, even beside an overridden title or one that names another', () => {
		const minutes = referenceMinutes();
		const hong = minutes.agenda.flatMap((item) => item.interventions).find((intervention) => intervention.speakerName === 'Hong Joon Ho')!;
		Object.assign(hong, { organisation: { fr: 'Ambassade de Corée', ko: 'Ambassade de Corée' }, speakerOrganisationOverridden: true });
		const overriddenTitle = minutes.agenda.flatMap((item) => item.interventions).find((intervention) => intervention.speakerName === 'Caroline Millan')!;
		Object.assign(overriddenTitle, { speakerTitle: { fr: 'Présidente de séance', ko: 'Présidente de séance' }, speakerTitleOverridden: true, organisation: { fr: 'Mairie invitée', ko: 'Mairie invitée' }, speakerOrganisationOverridden: true });
		const speakers = layOutMinutes(minutes, 'fr')
			.blocks.filter((block) => block.kind === 'bullet' && block.runs[0]?.bold)
			.map((block) => (block.kind === 'bullet' ? block.runs[0].text : ''));
		expect(speakers).toContain('Hong Joon Ho, Directeur général, GAROK France, Ambassade de Corée');
		expect(speakers).toContain('Caroline Millan, Présidente de séance, Mairie invitée');
	});

	it('falls back to the other language where a text is not translated, and shows it once with both', () => {
		const minutes = referenceMinutes();
		minutes.agenda[0].interventions[0].text.ko = '';
		const ko = renderMinutesMarkdown(minutes, 'ko');
		expect(ko).toContain('Le groupe-pays Corée rassemble');
		const both = renderMinutesMarkdown(minutes, 'both');
		expect(both.match(/Le groupe-pays Corée rassemble/g)).toHaveLength(1);
	});

	it('leaves people out of the list when they did not agree to be listed, and says how many', () => {
		const minutes = { ...referenceMinutes(), unlistedCount: 2 };
		expect(renderMinutesMarkdown(minutes, 'fr')).toContain("Participants n'ayant pas souhaité figurer dans la liste : 2");
	});

	it('keeps unrecognised text verbatim and marks drafts', () => {
		const minutes: MinutesDocument = { ...referenceMinutes(), status: 'draft', unrecognised: ['Texte libre | non reconnu'] };
		const markdown = renderMinutesMarkdown(minutes, 'fr');
		expect(markdown).toContain('> Projet de compte-rendu, non publié');
		expect(markdown).toContain('Texte libre | non reconnu');
	});

	it('names files in ASCII with the group, the day and the language', () => {
		expect(exportFileName(referenceMinutes(), 'fr', 'docx')).toBe('compte-rendu-coree-2024-02-27-fr.docx');
		expect(exportFileName(referenceMinutes(), 'ko', 'pdf')).toBe('minutes-coree-2024-02-27-ko.pdf');
	});
});

describe('the Markdown export', () => {
	it('reads like the reference', () => {
		const markdown = renderMinutesMarkdown(referenceMinutes(), 'fr');
		const lines = markdown.split('\n');
		expect(lines.slice(0, 5)).toEqual(['# Réunion du groupe-pays Corée', '', 'Mardi 27 février 2024, de 9h00 à 10h00, heure française, en visioconférence', '', '## Compte-rendu']);
		expect(lines).toContain('### 1. Introduction');
		expect(lines).toContain('### 3. Proposition pour la 2^{ème} édition du Forum franco-coréen en Corée du sud');
		expect(lines).toContain('- **Caroline Millan** : La visite de la délégation coréenne dans les écoquartiers était particulièrement intéressante.');
		expect(lines).toContain('- **Kim Hyoung Jin, Chargé de mission et responsable, GAROK France :**');
		expect(lines).toContain('- ⇒ Du dimanche 29 septembre au mardi 1^{er} octobre 2024');
		expect(lines).toContain('  - Intelligence artificielle et villes coréennes');
		expect(lines).toContain("- ➔ **L'ensemble des thèmes proposés par la GAROK a eu l'approbation des participants.**");
		expect(lines).toContain('- Confirmer sa participation au forum auprès de CUF (Cités Unies France, avant le 15 mars 2024, à faire)');
		expect(markdown).toContain('## Liste des participants\n\n| Organisme | Prénom | Nom |\n| --- | --- | --- |\n| Cités Unies France | Virginie | ROUQUETTE |');
	});

	it('gives each paragraph in French then in Korean with both', () => {
		const markdown = renderMinutesMarkdown(referenceMinutes(), 'both');
		expect(markdown.indexOf('### 1. Introduction')).toBeLessThan(markdown.indexOf('### 1. 개회'));
		expect(markdown.indexOf('### 1. 개회')).toBeLessThan(markdown.indexOf('### 2. Rappel'));
		expect(markdown).toContain('| Organisme / 기관 | Prénom / 이름 | Nom / 성 |');
		expect(markdown).toContain('- ➔ **GAROK이 제안한 모든 주제가 참석자들의 승인을 받았습니다.**');
	});
});

describe('the Word export', () => {
	it('is laid out like the reference, read back by mammoth', async () => {
		const bytes = await renderMinutesDocx(referenceMinutes(), 'fr');
		expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
		const html = await docxHtml(bytes);
		const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
		const paragraphs = text.split('\n').filter((line) => line.trim() !== '');
		expect(paragraphs.slice(0, 3)).toEqual(['Réunion du groupe-pays Corée', 'Mardi 27 février 2024, de 9h00 à 10h00, heure française, en visioconférence', 'Compte-rendu']);
		expect(html).toContain('<h1>Compte-rendu</h1>');
		expect(html).toContain('<h2>1. Introduction</h2>');
		expect(html).toContain('<h2>2. Rappel sur le premier forum franco-coréen</h2>');
		expect(html).toContain('<h2>3. Proposition pour la 2<sup>ème</sup> édition du Forum franco-coréen en Corée du sud</h2>');
		// Each intervention a bullet, the speaker and title in bold, then " : " and the text.
		expect(html).toContain('<li><strong>Virginie Rouquette, Directrice générale, Cités Unies France</strong> : Le premier Forum franco-coréen');
		expect(html).toContain('<li><strong>Caroline Millan</strong> : La visite');
		expect(html).toContain('<li><strong>Kim Hyoung Jin, Chargé de mission et responsable, GAROK France :</strong></li>');
		expect(html).toContain('<li>⇒ Visites de terrain selon les choix des thèmes :<ul><li>Intelligence artificielle et villes coréennes</li></ul></li>');
		// Decisions: ➔ and the text in bold.
		expect(html).toContain("<li><strong>➔ L'ensemble des thèmes proposés par la GAROK a eu l'approbation des participants.</strong></li>");
		// The participants table: Organisme / Prénom / Nom.
		expect(html).toMatch(/<table><thead><tr><th><p><strong>Organisme<\/strong><\/p><\/th><th><p><strong>Prénom<\/strong><\/p><\/th><th><p><strong>Nom<\/strong><\/p><\/th><\/tr><\/thead>/);
		expect(html).toContain('<tr><td><p>GAROK France</p></td><td><p>Joon Ho</p></td><td><p>HONG</p></td></tr>');
		expect(html).toMatch(/<h1>Liste des participants<\/h1>/);
	});

	it('sets Korean text in a font with Hangul', async () => {
		const bytes = await renderMinutesDocx(referenceMinutes(), 'ko');
		const html = await docxHtml(bytes);
		expect(html).toContain('<h1>회의록</h1>');
		expect(html).toContain('<h2>1. 개회</h2>');
		expect(html).toContain('<th><p><strong>기관</strong></p></th>');
		// The runs of the Korean paragraphs name Malgun Gothic for every script.
		const directory = mkdtempSync(join(tmpdir(), 'dari-docx-'));
		writeFileSync(join(directory, 'minutes.docx'), bytes);
		const documentXml = execFileSync('unzip', ['-p', join(directory, 'minutes.docx'), 'word/document.xml']).toString('utf8');
		rmSync(directory, { recursive: true, force: true });
		expect(documentXml).toMatch(/<w:rFonts w:ascii="Malgun Gothic" w:cs="Malgun Gothic" w:eastAsia="Malgun Gothic" w:hAnsi="Malgun Gothic"\/>/);
		expect(documentXml).toContain('w:eastAsia="ko-KR"');
	});
});

describe('the PDF export', () => {
	it('draws the Korean text (rendered by pdftoppm, not only extracted), fonts embedded', async () => {
		const pdf = await renderMinutesPdf(referenceMinutes(), 'ko');
		expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		const page = renderPdfPage(pdf, 1, 72);
		expect(Math.abs(page.width - 595)).toBeLessThanOrEqual(1); // A4 at one pixel per point
		// The title "한국 국가별 그룹 회의" is all Hangul, centred in the top margin's band (56 pt, 18 pt type).
		const titleBand = { left: 56, top: 56, width: 483, height: 26 };
		const inTitle = countDarkPixels(page, titleBand);
		expect(inTitle).toBeGreaterThan(300);
		// And the band is not dark everywhere (a black box is not text either).
		expect(inTitle).toBeLessThan(titleBand.width * titleBand.height * 0.5);
		const text = extractPdfText(pdf);
		expect(text).toContain('한국 국가별 그룹 회의');
		expect(text).toContain('2024년 2월 27일 화요일');
		const fonts = execFileSync('pdffonts', ['-'], { input: Buffer.from(pdf) }).toString('utf8');
		const fontLines = fonts.split('\n').slice(2).filter(Boolean);
		expect(fontLines.length).toBeGreaterThan(1);
		// Columns: name, type, encoding, emb, sub, uni, object: every font embedded ("yes" under emb).
		for (const line of fontLines) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
	});

	it('draws French and Korean with both, the participants table included', async () => {
		const pdf = await renderMinutesPdf(referenceMinutes(), 'both');
		const text = extractPdfText(pdf);
		expect(text).toContain('Mardi 27 février 2024, de 9h00 à 10h00, heure française, en visioconférence');
		expect(text).toContain('Compte-rendu');
		expect(text).toContain('회의록');
		expect(text).toMatch(/Organisme \/ 기관\s+Prénom \/ 이름\s+Nom \/ 성/);
		// A page where Korean text is drawn is far from blank.
		const page = renderPdfPage(pdf, 1, 72);
		expect(countDarkPixels(page, { left: 0, top: 0, width: page.width, height: page.height })).toBeGreaterThan(5000);
	});
});
