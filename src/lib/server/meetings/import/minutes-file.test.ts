import { describe, expect, it } from 'vitest';
import { detectMinutesFile, htmlToMinutesText, MAX_MINUTES_BYTES, readMinutesFile } from './minutes-file';
import { parseMinutes } from './minutes-parser';
import { REFERENCE_MINUTES, referenceAsDocx } from './reference-minutes.fixture';

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(64).fill(0x41)]);
const ascii = (text: string) => new TextEncoder().encode(text);

describe('minutes files', () => {
	it('refuses old Word, PDF, images, other files, empty and too large, by their bytes', () => {
		expect(detectMinutesFile(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toEqual({ ok: false, reason: 'minutes_file_old_word' });
		expect(detectMinutesFile(ascii('{\\rtf1\\ansi Compte-rendu'))).toEqual({ ok: false, reason: 'minutes_file_old_word' });
		expect(detectMinutesFile(ascii('%PDF-1.7\n...'))).toEqual({ ok: false, reason: 'minutes_file_pdf' });
		expect(detectMinutesFile(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toEqual({ ok: false, reason: 'minutes_file_image' });
		expect(detectMinutesFile(bytes(0xff, 0xd8, 0xff, 0xe0))).toEqual({ ok: false, reason: 'minutes_file_image' });
		expect(detectMinutesFile(bytes(0x50, 0x4b, 0x03, 0x04))).toEqual({ ok: false, reason: 'minutes_file_type' });
		expect(detectMinutesFile(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]))).toEqual({ ok: false, reason: 'minutes_file_type' });
		expect(detectMinutesFile(new Uint8Array())).toEqual({ ok: false, reason: 'minutes_file_empty' });
		expect(detectMinutesFile(new Uint8Array(MAX_MINUTES_BYTES + 1).fill(0x41))).toEqual({ ok: false, reason: 'minutes_file_too_large' });
		expect(detectMinutesFile(ascii(REFERENCE_MINUTES))).toEqual({ ok: true, kind: 'text' });
	});

	it('reads text in UTF-8, UTF-16 and Windows-1252', async () => {
		expect(await readMinutesFile(ascii('\uFEFFRéunion'))).toEqual({ ok: true, kind: 'text', text: 'Réunion' });
		const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Corée'].flatMap((character) => [character.charCodeAt(0), 0])]);
		expect(await readMinutesFile(utf16)).toEqual({ ok: true, kind: 'text', text: 'Corée' });
		expect(await readMinutesFile(new Uint8Array([0x43, 0x6f, 0x72, 0xe9, 0x65]))).toEqual({ ok: true, kind: 'text', text: 'Corée' });
		expect(await readMinutesFile(ascii(' \n\n '))).toEqual({ ok: false, reason: 'minutes_file_empty' });
	});

	it('turns mammoth’s HTML into the reference’s plain text', () => {
		expect(
			htmlToMinutesText(
				'<p>Réunion</p><p>1. Introduction</p><ul><li><strong>Caroline Millan, Présidente</strong> : Texte &amp; suite</li><li>⇒ Visites :<ul><li>Culture</li></ul></li></ul><p>L’objectif du 1<sup>er</sup> forum</p><table><tr><td><p>GAROK</p></td><td><p>Jiae</p></td><td><p>YANG</p></td></tr></table>'
			)
		).toBe('Réunion\n\n1. Introduction\n\n- **Caroline Millan, Présidente** : Texte & suite\n- ⇒ Visites :\n - Culture\n\nL’objectif du 1^{er} forum\n\nGAROK\tJiae\tYANG');
	});

	it('numbers again the sections Word numbered automatically (one-item lists between the text), not the lists inside', () => {
		expect(
			htmlToMinutesText('<ol><li>Introduction</li></ol><p>Texte</p><ol><li>Un</li><li>Deux</li></ol><ol><li>Rappel</li></ol><ul><li><strong>A B</strong> : t</li></ul>')
		).toBe('1. Introduction\n\nTexte\n\n- Un\n- Deux\n\n2. Rappel\n\n- **A B** : t');
	});

	it('reads a Word document written like the reference into the same structure', async () => {
		const read = await readMinutesFile(await referenceAsDocx());
		if (!read.ok) throw new Error(read.reason);
		expect(read.kind).toBe('docx');
		const fromWord = parseMinutes(read.text);
		const fromText = parseMinutes(REFERENCE_MINUTES);
		expect(fromWord.agenda).toEqual(fromText.agenda);
		expect(fromWord.participants).toEqual(fromText.participants);
		expect(fromWord).toMatchObject({ title: fromText.title, date: '2024-02-27', startTime: '09:00', endTime: '10:00', unrecognised: [] });

		const numberedByWord = await readMinutesFile(await referenceAsDocx(REFERENCE_MINUTES, { wordNumberedSections: true }));
		if (!numberedByWord.ok) throw new Error(numberedByWord.reason);
		expect(parseMinutes(numberedByWord.text).agenda).toEqual(fromText.agenda);
	});
});
