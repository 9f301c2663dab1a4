import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../../tests/setup/databases';
import { countDarkPixels, renderPdfPage } from '../../../../../tests/setup/pdf-page-image';
import { loadActor, signInWithPassword } from '../../auth/auth.service';
import { anonymous, type Actor } from '../../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../../db/demo-data/demo-data';
import { DEMO_MEETING_ID, DEMO_NEXT_MEETING_ID } from '../../db/demo-data/meetings.demo';
import { loadMinutesDocument } from '../minutes-document';
import { exportLanguageOf, exportMinutes, readMinutesForPrint } from './minutes-export.service';

describe('the export language', () => {
	it('is fr, ko or both, else the minutes’ own', () => {
		expect(exportLanguageOf('both')).toBe('both');
		expect(exportLanguageOf('en', { originalLanguage: 'ko' })).toBe('ko');
		expect(exportLanguageOf(null)).toBe('fr');
	});
});

describeEachDatabase('minutes as a document and its exports', (setup) => {
	const actors: Record<string, Actor> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	const personId = async (family: string) =>
		(await setup.context.db.selectFrom('person').select('id').where('family_name', '=', family).executeTakeFirstOrThrow()).id;

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test');
		actors.partner = await actorFor('partner@demo.dari.test');
	});

	it('reads the demo meeting: three numbered items, speakers with their titles, the two decisions', async () => {
		const document = await loadMinutesDocument(setup.context.db, DEMO_MEETING_ID);
		if (!document) throw new Error('no demo meeting');
		expect(document.day).toBe('2024-02-27');
		expect(document.timezone).toBe('Europe/Paris');
		expect(document.agenda.map((item) => `${item.number}. ${item.title.fr}`)).toEqual([
			'1. Introduction',
			'2. Rappel sur le premier forum franco-coréen',
			expect.stringMatching(/^3\. Proposition pour la 2/)
		]);
		const first = document.agenda[0].interventions[0];
		expect(first.speakerName).toBe('Caroline Millan');
		expect(document.agenda[1].interventions.map((intervention) => intervention.speakerName)).toEqual(['Virginie Rouquette', 'Caroline Millan', 'Christina Dabrowski', 'Hong Joon Ho']);
		expect(first.speakerTitle.fr).toMatch(/^Présidente du groupe-pays Corée/);
		expect(first.organisation?.fr).toBe('Issy-les-Moulineaux');
		expect(document.agenda[2].decisions).toHaveLength(2);
	});

	it('gives the title held on the meeting’s day, or the writer’s override', async () => {
		const millan = await personId('MILLAN');
		await setup.context.db
			.insertInto('person_title')
			.values([
				{ id: 'title-2023', person_id: millan, title: 'Adjointe au maire (2023-2024)', language: 'fr', valid_from: '2023-01-01', valid_to: '2024-12-31' },
				{ id: 'title-2025', person_id: millan, title: 'Maire (depuis 2025)', language: 'fr', valid_from: '2025-01-01', valid_to: null }
			])
			.execute();
		const document = await loadMinutesDocument(setup.context.db, DEMO_MEETING_ID);
		expect(document!.agenda[0].interventions[0].speakerTitle.fr).toBe('Adjointe au maire (2023-2024)');

		const interventionId = document!.agenda[0].interventions[0].id;
		await setup.context.db.updateTable('intervention').set({ speaker_title_override: 'Présidente de séance' }).where('id', '=', interventionId).execute();
		const overridden = await loadMinutesDocument(setup.context.db, DEMO_MEETING_ID);
		expect(overridden!.agenda[0].interventions[0]).toMatchObject({ speakerTitle: { fr: 'Présidente de séance', ko: 'Présidente de séance' }, speakerTitleOverridden: true });

		await setup.context.db.updateTable('intervention').set({ speaker_title_override: null }).where('id', '=', interventionId).execute();
		await setup.context.db.deleteFrom('person_title').where('id', 'in', ['title-2023', 'title-2025']).execute();
	});

	it('lists present people who agreed to be listed, excused ones apart, the others only counted', async () => {
		// The demo's people all agreed: the reference published their list. The list is complete.
		const demo = await loadMinutesDocument(setup.context.db, DEMO_MEETING_ID);
		expect([demo!.participants.length, demo!.unlistedCount]).toEqual([15, 0]);

		// Twelve of them now have not agreed.
		const ids = { rouquette: await personId('ROUQUETTE'), hong: await personId('HONG'), fort: await personId('FORT') };
		const present = (await setup.context.db.selectFrom('meeting_participant').select('person_id').where('meeting_id', '=', DEMO_MEETING_ID).execute()).map((row) => row.person_id);
		const others = present.filter((id) => !Object.values(ids).includes(id));
		await setup.context.db.updateTable('person').set({ public_listing_consent: 0 }).where('id', 'in', others).execute();
		await setup.context.db.updateTable('meeting_participant').set({ attendance: 'excused' }).where('meeting_id', '=', DEMO_MEETING_ID).where('person_id', '=', ids.fort).execute();

		const document = await loadMinutesDocument(setup.context.db, DEMO_MEETING_ID);
		expect(document!.participants.map((person) => [person.organisation?.fr, person.givenName, person.familyName])).toEqual([
			['GAROK France (Centre coréen des collectivités locales)', 'Joon Ho', 'HONG'],
			['Cités Unies France', 'Virginie', 'ROUQUETTE']
		]);
		expect(document!.excused.map((person) => person.familyName)).toEqual(['FORT']);
		expect(document!.unlistedCount).toBe(12);
		const everyone = await loadMinutesDocument(setup.context.db, DEMO_MEETING_ID, { includeUnlisted: true });
		expect(everyone!.participants).toHaveLength(14);
		expect(everyone!.participants.filter((person) => !person.listed)).toHaveLength(12);

		// Coordinators may ask for everyone; members asking get the published list.
		const full = await exportMinutes(setup.context, actors.coordinator, 'coree', DEMO_MEETING_ID, 'md', 'fr', { allParticipants: true });
		expect(full.ok && new TextDecoder().decode(full.value.body)).toContain('| Nantes Métropole | Louise | COULON |');
		const asked = await exportMinutes(setup.context, actors.member, 'coree', DEMO_MEETING_ID, 'md', 'fr', { allParticipants: true });
		const askedText = asked.ok ? new TextDecoder().decode(asked.value.body) : '';
		expect(askedText).not.toContain('COULON');
		expect(askedText).toContain("Participants n'ayant pas souhaité figurer dans la liste : 12");

		await setup.context.db.updateTable('meeting_participant').set({ attendance: 'present' }).where('meeting_id', '=', DEMO_MEETING_ID).where('person_id', '=', ids.fort).execute();
		await setup.context.db.updateTable('person').set({ public_listing_consent: 1 }).where('id', 'in', others).execute();
	});

	it('lets group readers export published minutes, coordinators drafts too; 404 otherwise', async () => {
		const docx = await exportMinutes(setup.context, actors.member, 'coree', DEMO_MEETING_ID, 'docx', 'fr');
		if (!docx.ok) throw new Error(docx.reason);
		expect(docx.value.fileName).toBe('compte-rendu-coree-2024-02-27-fr.docx');
		expect(docx.value.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		const text = (await mammoth.extractRawText({ buffer: Buffer.from(docx.value.body) })).value;
		expect(text).toContain('Mardi 27 février 2024, de 9h00 à 10h00, heure française, en visioconférence');
		expect(text).toContain('Compte-rendu');

		expect((await exportMinutes(setup.context, actors.partner, 'coree', DEMO_MEETING_ID, 'md', 'ko')).ok).toBe(true);
		expect(await exportMinutes(setup.context, actors.member, 'coree', DEMO_NEXT_MEETING_ID, 'md', 'fr')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		const draft = await exportMinutes(setup.context, actors.coordinator, 'coree', DEMO_NEXT_MEETING_ID, 'md', 'fr');
		expect(draft.ok && new TextDecoder().decode(draft.value.body)).toContain('> Projet de compte-rendu, non publié');
		expect(await exportMinutes(setup.context, actors.member, 'coree', '00000000-0000-4000-a000-00000000dead', 'pdf', 'fr')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await exportMinutes(setup.context, actors.member, 'no-such-group', DEMO_MEETING_ID, 'pdf', 'fr')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await exportMinutes(setup.context, anonymous, 'coree', DEMO_MEETING_ID, 'pdf', 'fr')).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
	});

	it('exports the demo minutes as a PDF whose Korean date line is drawn', async () => {
		const pdf = await exportMinutes(setup.context, actors.member, 'coree', DEMO_MEETING_ID, 'pdf', 'ko');
		if (!pdf.ok) throw new Error(pdf.reason);
		expect(pdf.value.fileName).toBe('minutes-coree-2024-02-27-ko.pdf');
		const page = renderPdfPage(pdf.value.body);
		expect(countDarkPixels(page, { left: 56, top: 40, width: 483, height: 120 })).toBeGreaterThan(500);
	});

	it('lays the minutes out for the print view in the language asked for', async () => {
		const print = await readMinutesForPrint(setup.context, actors.member, 'coree', DEMO_MEETING_ID, 'both');
		if (!print.ok) throw new Error(print.reason);
		expect(print.value.language).toBe('both');
		expect(print.value.layout.blocks.filter((block) => block.kind === 'heading').map((block) => block.kind === 'heading' && block.text)).toEqual(
			expect.arrayContaining(['Compte-rendu', '회의록'])
		);
	});
});
