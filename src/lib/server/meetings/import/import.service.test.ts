import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../../auth/auth.service';
import type { Actor } from '../../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../../db/demo-data/demo-data';
import { renderMinutesDocx } from '../export/minutes-docx';
import { loadMinutesDocument } from '../minutes-document';
import { matchOrganisation, matchPerson, personNameKey, splitPersonName } from './directory-matching';
import { readConfirmForm } from './import.schema';
import { confirmMinutesImport, defaultConfirmation, PLATFORM_ACTOR, previewMinutesFile, previewMinutesText, sourceHashOf } from './import.service';
import { REFERENCE_MINUTES, referenceAsDocx } from './reference-minutes.fixture';

const encode = (text: string) => new TextEncoder().encode(text);

describe('matching names to the directory', () => {
	const organisations = [
		{ id: 'cuf', names: ['Cités Unies France'] },
		{ id: 'garok', names: ['GAROK France (Centre coréen des collectivités locales)', '대한민국시도지사협의회 파리사무소 (GAROK)'] },
		{ id: 'aura', names: ['Région Auvergne-Rhône-Alpes'] },
		{ id: 'issy', names: ['Issy-les-Moulineaux'] },
		{ id: 'meae', names: ["Ministère de l'Europe et des Affaires étrangères (MEAE)"] },
		{ id: 'nantes', names: ['Nantes Métropole'] },
		{ id: 'nice', names: ['Nice'] }
	];
	it('finds organisations written in capitals, by another name, by a part or an acronym', () => {
		const match = (name: string) => matchOrganisation(name, organisations)?.id ?? null;
		expect(match('CITES UNIES FRANCE')).toBe('cuf');
		expect(match("CONSEIL REGIONAL D'AUVERGNE-RHONE-ALPES")).toBe('aura');
		expect(match('GAROK')).toBe('garok');
		expect(match('ISSY LES MOULINEAUX')).toBe('issy');
		expect(match("MINISTERE DE L'EUROPE ET DES AFFAIRES ETRANGERES (MEAE)")).toBe('meae');
		expect(match('MEAE')).toBe('meae');
		expect(match('NANTES METROPOLE')).toBe('nantes');
		expect(match('Ville de Nice')).toBe('nice');
		expect(match('Ville d’Issy-les-Moulineaux')).toBe('issy');
		expect(match('Dijon')).toBeNull();
		expect(match('France')).toBeNull(); // in two names: ambiguous, so none
	});
	it('finds people whatever the order, accents and case of their names', () => {
		const people = [
			{ id: 'hong', givenName: 'Joon Ho', familyName: 'HONG', organisationId: 'garok' },
			{ id: 'millan', givenName: 'Caroline', familyName: 'MILLAN', organisationId: 'issy' },
			{ id: 'francois', givenName: 'François', familyName: 'COLLART', organisationId: 's' }
		];
		expect(matchPerson('Hong Joon Ho', people)?.id).toBe('hong');
		expect(matchPerson('Joon-Ho HONG', people)?.id).toBe('hong');
		expect(matchPerson('francois collart', people)?.id).toBe('francois');
		expect(matchPerson('Millan', people)?.id).toBe('millan');
		expect(matchPerson('Caroline Dupont', people)).toBeNull();
		expect(splitPersonName('Virginie ROUQUETTE')).toEqual({ givenName: 'Virginie', familyName: 'ROUQUETTE' });
		expect(splitPersonName('김형진')).toEqual({ givenName: '형진', familyName: '김' });
		expect(splitPersonName('Jean Dupont')).toEqual({ givenName: 'Jean', familyName: 'Dupont' });
	});
});

describe('the confirmation form', () => {
	it('needs a date, a start, an end after the start, a known zone', () => {
		const base = { text: 'x', title: 'Réunion', date: '2024-02-27', startTime: '09:00', endTime: '10:00', timezone: 'Europe/Paris', format: 'video' };
		expect(readConfirmForm({ ...base, 'speaker:caroline millan': 'new' })).toMatchObject({ ok: true, data: { speakers: { 'caroline millan': { kind: 'new' } }, force: false } });
		expect(readConfirmForm({ ...base, date: '' })).toEqual({ ok: false, errors: { date: 'minutes_import_date_required' } });
		expect(readConfirmForm({ ...base, date: '2024-02-30' })).toEqual({ ok: false, errors: { date: 'invalid_date' } });
		expect(readConfirmForm({ ...base, endTime: '08:00' })).toEqual({ ok: false, errors: { endTime: 'end_before_start' } });
		expect(readConfirmForm({ ...base, timezone: 'Mars/Olympus' })).toEqual({ ok: false, errors: { timezone: 'invalid_choice' } });
		expect(readConfirmForm({ ...base, 'speaker:x': 'somebody' })).toEqual({ ok: false, errors: { 'speaker:x': 'invalid_choice' } });
	});
});

describeEachDatabase('importing minutes', (setup) => {
	const actors: Record<string, Actor> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test');
	});

	it('is for coordinators and administrators only', async () => {
		expect(await previewMinutesFile(setup.context, actors.member, 'coree', encode(REFERENCE_MINUTES))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await previewMinutesFile(setup.context, { kind: 'anonymous' }, 'coree', encode(REFERENCE_MINUTES))).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await previewMinutesFile(setup.context, actors.coordinator, 'nowhere', encode(REFERENCE_MINUTES))).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('refuses files it cannot read, by field', async () => {
		const refusal = async (bytes: Uint8Array) => previewMinutesFile(setup.context, actors.coordinator, 'coree', bytes);
		expect(await refusal(encode('%PDF-1.4 minutes'))).toEqual({ ok: false, reason: 'minutes_file_pdf', field: 'file' });
		expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ ok: false, reason: 'minutes_file_old_word', field: 'file' });
		expect(await refusal(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).toEqual({ ok: false, reason: 'minutes_file_image', field: 'file' });
		expect(await refusal(new Uint8Array())).toEqual({ ok: false, reason: 'minutes_file_empty', field: 'file' });
		expect(await refusal(new Uint8Array(10 * 1024 * 1024 + 1).fill(65))).toEqual({ ok: false, reason: 'minutes_file_too_large', field: 'file' });
	});

	it('matches every speaker and participant of the reference to the directory', async () => {
		const preview = await previewMinutesFile(setup.context, actors.coordinator, 'coree', encode(REFERENCE_MINUTES));
		if (!preview.ok) throw new Error(preview.reason);
		expect(preview.value.startsAt).toBe('2024-02-27T08:00:00.000Z');
		expect(preview.value.speakers.map((speaker) => [speaker.name, speaker.match?.displayName, speaker.interventions])).toEqual([
			['Caroline Millan', 'Caroline MILLAN', 2],
			['Virginie Rouquette', 'Virginie ROUQUETTE', 1],
			['Christina Dabrowski', 'Christina DABROWSKI', 1],
			['Hong Joon Ho', 'HONG Joon Ho', 1],
			['Kim Hyoung Jin', 'KIM Hyoung Jin', 1]
		]);
		expect(preview.value.participants.map((entry) => [entry.row.organisation, entry.organisation?.name, entry.person?.displayName])).toEqual([
			['CITES UNIES FRANCE', 'Cités Unies France', 'Virginie ROUQUETTE'],
			['CITES UNIES FRANCE', 'Cités Unies France', 'Inssafe EL IDRISSI'],
			['GAROK', 'GAROK France (Centre coréen des collectivités locales)', 'HONG Joon Ho'],
			['GAROK', 'GAROK France (Centre coréen des collectivités locales)', 'KIM Hyoung Jin'],
			['GAROK', 'GAROK France (Centre coréen des collectivités locales)', 'YANG Jiae'],
			['SUIPPES', 'Suippes', 'François COLLART'],
			['NANTES METROPOLE', 'Nantes Métropole', 'Louise COULON'],
			["CONSEIL REGIONAL D'AUVERGNE-RHONE-ALPES", 'Région Auvergne-Rhône-Alpes', 'Christina DABROWSKI'],
			['DIJON', 'Dijon', 'Bertrand FORT'],
			['SUIPPES', 'Suippes', 'Youssef KOULLI'],
			['ISSY LES MOULINEAUX', 'Issy-les-Moulineaux', 'Eric LEGALE'],
			['ISSY LES MOULINEAUX', 'Issy-les-Moulineaux', 'Ulrike MARONNIE'],
			['ISSY LES MOULINEAUX', 'Issy-les-Moulineaux', 'Caroline MILLAN'],
			["MINISTERE DE L'EUROPE ET DES AFFAIRES ETRANGERES (MEAE)", "Ministère de l'Europe et des Affaires étrangères (MEAE)", 'Morgane MILLON'],
			['ISSY LES MOULINEAUX', 'Issy-les-Moulineaux', 'Samira SEDDIKI']
		]);
		expect(preview.value.sourceHash).toBe(sourceHashOf(REFERENCE_MINUTES.replace(/\n/g, '\r\n') + '\n\n'));
	});

	it('creates the meeting and everything in it in one transaction, and detects a second import', async () => {
		const first = await previewMinutesFile(setup.context, actors.coordinator, 'coree', encode(REFERENCE_MINUTES));
		if (!first.ok) throw new Error(first.reason);
		// The demo data may already hold this meeting, imported: then the first import here is a forced one.
		const already = first.value.duplicates.length;
		const imported = await confirmMinutesImport(setup.context, actors.coordinator, 'coree', { ...defaultConfirmation(first.value), force: already > 0 });
		if (!imported.ok) throw new Error(imported.reason);
		expect(imported.value).toMatchObject({ agendaItems: 3, interventions: 7, decisions: 2, participants: 15, unrecognised: 0, newPeople: 0 });
		const db = setup.context.db;
		const meeting = await db.selectFrom('meeting').selectAll().where('id', '=', imported.value.meetingId).executeTakeFirstOrThrow();
		expect(meeting).toMatchObject({
			title_fr: 'Réunion du groupe-pays Corée',
			starts_at: '2024-02-27T08:00:00.000Z',
			ends_at: '2024-02-27T09:00:00.000Z',
			timezone: 'Europe/Paris',
			format: 'video',
			status: 'draft',
			original_language: 'fr',
			source_hash: first.value.sourceHash
		});
		const items = await db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', meeting.id).orderBy('position').execute();
		expect(items.map((item) => item.title_fr)).toEqual(['Introduction', 'Rappel sur le premier forum franco-coréen', expect.stringMatching(/^Proposition pour la 2\^\{ème\} édition/)]);
		const interventions = await db
			.selectFrom('intervention')
			.innerJoin('agenda_item', 'agenda_item.id', 'intervention.agenda_item_id')
			.leftJoin('person', 'person.id', 'intervention.speaker_person_id')
			.select(['agenda_item.position as item', 'intervention.position', 'person.family_name', 'intervention.speaker_name', 'intervention.speaker_title_override', 'intervention.text_fr'])
			.where('agenda_item.meeting_id', '=', meeting.id)
			.orderBy('agenda_item.position')
			.orderBy('intervention.position')
			.execute();
		expect(interventions.map((row) => [row.item, row.family_name])).toEqual([
			[1, 'MILLAN'],
			[2, 'ROUQUETTE'],
			[2, 'MILLAN'],
			[2, 'DABROWSKI'],
			[2, 'HONG'],
			[3, 'KIM'],
			[3, null]
		]);
		// The demo directory holds these titles as written: no override needed.
		expect(interventions[1].speaker_title_override).toBeNull();
		expect(interventions[6]).toMatchObject({ speaker_name: '', text_fr: expect.stringMatching(/^CUF invite/) });
		const decisions = await db.selectFrom('decision').select('text_fr').where('agenda_item_id', '=', items[2].id).orderBy('position').execute();
		expect(decisions).toHaveLength(2);
		const attendance = await db.selectFrom('meeting_participant').select(['attendance']).where('meeting_id', '=', meeting.id).execute();
		expect(attendance.every((row) => row.attendance === 'present')).toBe(true);

		const second = await previewMinutesText(setup.context, actors.coordinator, 'coree', REFERENCE_MINUTES.replace(/\n/g, '\r\n'));
		if (!second.ok) throw new Error(second.reason);
		expect(second.value.duplicates.map((duplicate) => duplicate.id)).toContain(meeting.id);
		expect(await confirmMinutesImport(setup.context, actors.coordinator, 'coree', defaultConfirmation(second.value))).toEqual({ ok: false, reason: 'minutes_import_duplicate', field: 'force' });
		const forced = await confirmMinutesImport(setup.context, actors.coordinator, 'coree', { ...defaultConfirmation(second.value), force: true });
		expect(forced.ok).toBe(true);
	});

	it('creates new people, keeps names only, records the excused, and keeps what it did not recognise', async () => {
		const text = [
			'Réunion de travail',
			'Jeudi 14 mars 2024, 17h00 - 18h30',
			'Une remarque libre',
			'1. Tour de table',
			'- **Jeanne Nouvelle, Chargée de mission, Cités Unies France** : Bonjour.',
			'- **Paul Inconnu** : Merci.',
			'- **Caroline Millan** : Bienvenue.',
			'➔ On se revoit en avril.',
			'Excusés : Jiae YANG (GAROK), Marc ABSENT (Nowhere)',
			'Liste des participants',
			'Organisme\tPrénom\tNom',
			'CITES UNIES FRANCE\tJeanne\tNOUVELLE',
			'ISSY LES MOULINEAUX\tCaroline\tMILLAN',
			'INCONNUE\tLéa\tSANSNOM'
		].join('\n');
		const preview = await previewMinutesText(setup.context, actors.coordinator, 'coree', text);
		if (!preview.ok) throw new Error(preview.reason);
		expect(preview.value.parsed).toMatchObject({ timezone: 'Europe/Paris', timezoneAssumed: true, startTime: '17:00', endTime: '18:30', unrecognised: ['Une remarque libre'] });
		// A group whose meetings are in Seoul reads the same times in Seoul, and the preview says it assumed so.
		await setup.context.db.updateTable('country_group').set({ default_timezone: 'Asia/Seoul' }).where('slug', '=', 'coree').execute();
		const inSeoul = await previewMinutesText(setup.context, actors.coordinator, 'coree', text);
		await setup.context.db.updateTable('country_group').set({ default_timezone: 'Europe/Paris' }).where('slug', '=', 'coree').execute();
		if (!inSeoul.ok) throw new Error(inSeoul.reason);
		expect(inSeoul.value.parsed).toMatchObject({ timezone: 'Asia/Seoul', timezoneAssumed: true, startTime: '17:00' });
		expect([preview.value.startsAt, inSeoul.value.startsAt]).toEqual(['2024-03-14T16:00:00.000Z', '2024-03-14T08:00:00.000Z']);
		expect(preview.value.speakers.map((speaker) => [speaker.name, speaker.defaultChoice.kind, speaker.proposedPerson.organisation?.name ?? null])).toEqual([
			['Jeanne Nouvelle', 'new', 'Cités Unies France'],
			['Paul Inconnu', 'name', null],
			['Caroline Millan', 'person', 'Issy-les-Moulineaux']
		]);
		const imported = await confirmMinutesImport(setup.context, actors.coordinator, 'coree', { ...defaultConfirmation(preview.value), createMissingParticipants: false });
		if (!imported.ok) throw new Error(imported.reason);
		// Jeanne is created once (speaker and participant); Léa and Marc are neither found nor added: kept as text.
		expect(imported.value).toMatchObject({ interventions: 3, decisions: 1, newPeople: 1, participants: 3 });
		const db = setup.context.db;
		const unrecognised = await db.selectFrom('minutes_unrecognised').select('text').where('meeting_id', '=', imported.value.meetingId).orderBy('position').execute();
		expect(unrecognised.map((row) => row.text)).toEqual(['Une remarque libre', 'INCONNUE\tLéa\tSANSNOM', 'Nowhere\tMarc\tABSENT']);
		const jeanne = await db.selectFrom('person').innerJoin('organisation', 'organisation.id', 'person.organisation_id').select(['person.id', 'organisation.name_fr', 'person.family_name']).where('person.given_name', '=', 'Jeanne').executeTakeFirstOrThrow();
		expect(jeanne).toMatchObject({ name_fr: 'Cités Unies France', family_name: 'NOUVELLE' });
		const participants = await db.selectFrom('meeting_participant').select(['person_id', 'attendance']).where('meeting_id', '=', imported.value.meetingId).execute();
		expect(participants.find((row) => row.person_id === jeanne.id)?.attendance).toBe('present');
		expect(participants.filter((row) => row.attendance === 'excused')).toHaveLength(1);
		const paul = await db.selectFrom('intervention').innerJoin('agenda_item', 'agenda_item.id', 'intervention.agenda_item_id').select(['speaker_person_id', 'speaker_name']).where('agenda_item.meeting_id', '=', imported.value.meetingId).where('speaker_name', '=', 'Paul Inconnu').executeTakeFirstOrThrow();
		expect(paul.speaker_person_id).toBeNull();
		const logged = await db.selectFrom('change_log').select(['entity_type', 'user_id']).where('entity_id', 'in', [jeanne.id, imported.value.meetingId]).execute();
		expect(logged).toHaveLength(2);
	});

	it('keeps the organisation written in a participant row when it is not in the directory, for a person found or added', async () => {
		const text = [
			'Réunion de travail',
			'Vendredi 15 mars 2024, 17h00 - 18h00',
			'1. Tour de table',
			'- **Caroline Millan** : Bienvenue.',
			'Liste des participants',
			'Organisme\tPrénom\tNom',
			'Mairie de Nulle-Part\tCaroline\tMILLAN',
			'Association Introuvable\tLéa\tNOUVELLEVENUE',
			'ISSY LES MOULINEAUX\tCaroline\tMILLAN'
		].join('\n');
		const preview = await previewMinutesText(setup.context, actors.coordinator, 'coree', text);
		if (!preview.ok) throw new Error(preview.reason);
		const imported = await confirmMinutesImport(setup.context, actors.coordinator, 'coree', defaultConfirmation(preview.value));
		if (!imported.ok) throw new Error(imported.reason);
		expect(imported.value).toMatchObject({ newPeople: 1, participants: 2 });
		const db = setup.context.db;
		const unrecognised = await db.selectFrom('minutes_unrecognised').select('text').where('meeting_id', '=', imported.value.meetingId).orderBy('position').execute();
		expect(unrecognised.map((row) => row.text)).toEqual(['Mairie de Nulle-Part\tCaroline\tMILLAN', 'Association Introuvable\tLéa\tNOUVELLEVENUE']);
		const lea = await db.selectFrom('person').select(['organisation_id']).where('family_name', '=', 'NOUVELLEVENUE').executeTakeFirstOrThrow();
		expect(lea.organisation_id).toBeNull();
	});

	it('applies the coordinator corrections of participant and excused rows: another person, a new person, the row kept as text', async () => {
		const text = [
			'Réunion corrigée',
			'Mardi 19 mars 2024, 17h00 - 18h00',
			'1. Tour de table',
			'- **Caroline Millan** : Bienvenue.',
			'Excusés : Jiae YANG (GAROK)',
			'Liste des participants',
			'Organisme\tPrénom\tNom',
			'ISSY LES MOULINEAUX\tCaroline\tMILLAN',
			'CITES UNIES FRANCE\tInès\tINVITÉE',
			'CITES UNIES FRANCE\tRose\tRECRUE'
		].join('\n');
		const preview = await previewMinutesText(setup.context, actors.coordinator, 'coree', text);
		if (!preview.ok) throw new Error(preview.reason);
		// The automatic proposal: Caroline found, the two others new, Jiae (excused) found.
		expect(preview.value.participants.map((entry) => entry.defaultChoice.kind)).toEqual(['person', 'new', 'new']);
		expect(preview.value.excused.map((entry) => entry.defaultChoice.kind)).toEqual(['person']);
		const caroline = preview.value.participants[0].person!;
		const other = preview.value.directory.find((person) => person.id !== caroline.id && person.id !== preview.value.excused[0].person?.id)!;
		const base = defaultConfirmation(preview.value);

		// An unknown person for a row: refused next to that row, nothing written.
		expect(await confirmMinutesImport(setup.context, actors.coordinator, 'coree', { ...base, excused: { 0: { kind: 'person', personId: 'not-in-directory' } } })).toEqual({
			ok: false,
			reason: 'invalid_choice',
			field: 'excused:0'
		});
		// The form sends the rows like the speakers, by index; a value that is no choice is a field error.
		const form = readConfirmForm({ text, title: 'Réunion corrigée', date: '2024-03-19', startTime: '17:00', timezone: 'Europe/Paris', format: 'video', 'participant:0': `person:${other.id}`, 'participant:1': 'text', 'participant:2': 'new', 'excused:0': 'text' });
		if (!form.ok) throw new Error(JSON.stringify(form.errors));
		expect(form.data.participants).toEqual({ 0: { kind: 'person', personId: other.id }, 1: { kind: 'text' }, 2: { kind: 'new' } });
		expect(readConfirmForm({ text, title: 'R', date: '2024-03-19', startTime: '17:00', timezone: 'Europe/Paris', format: 'video', 'participant:0': 'somebody' })).toEqual({ ok: false, errors: { 'participant:0': 'invalid_choice' } });

		const imported = await confirmMinutesImport(setup.context, actors.coordinator, 'coree', form.data);
		if (!imported.ok) throw new Error(imported.reason);
		expect(imported.value).toMatchObject({ participants: 2, newPeople: 1 });
		const db = setup.context.db;
		const participants = await db.selectFrom('meeting_participant').select(['person_id', 'attendance']).where('meeting_id', '=', imported.value.meetingId).execute();
		const rose = await db.selectFrom('person').select('id').where('family_name', '=', 'RECRUE').executeTakeFirstOrThrow();
		// Caroline's row re-matched to another person; Inès kept as text (no person, no participant); Jiae excused kept as text too.
		expect(participants.map((row) => [row.person_id, row.attendance]).sort()).toEqual([[other.id, 'present'], [rose.id, 'present']].sort());
		expect(await db.selectFrom('person').select('id').where('family_name', '=', 'INVITÉE').execute()).toEqual([]);
		const unrecognised = await db.selectFrom('minutes_unrecognised').select('text').where('meeting_id', '=', imported.value.meetingId).orderBy('position').execute();
		expect(unrecognised.map((row) => row.text)).toEqual(['CITES UNIES FRANCE\tInès\tINVITÉE', 'GAROK\tJiae\tYANG']);
	});

	it('imports minutes written in Korean as a Korean original: texts and titles in Korean', async () => {
		const text = [
			'한불 지방정부 협력 회의',
			'2024년 3월 14일 목요일, 17:00부터 18:00까지, 서울 시간, 화상 회의',
			'1. 인사말',
			'- **김형진, GAROK 회장** : 참석해 주셔서 감사합니다.',
			'- **Caroline Millan** : 환영합니다.',
			'➔ 4월에 다시 만나기로 했다.'
		].join('\n');
		const preview = await previewMinutesText(setup.context, actors.coordinator, 'coree', text);
		if (!preview.ok) throw new Error(preview.reason);
		expect(preview.value.parsed).toMatchObject({ timezone: 'Asia/Seoul', startTime: '17:00', endTime: '18:00' });
		const imported = await confirmMinutesImport(setup.context, actors.coordinator, 'coree', defaultConfirmation(preview.value));
		if (!imported.ok) throw new Error(imported.reason);
		const db = setup.context.db;
		const meeting = await db.selectFrom('meeting').select(['title_fr', 'title_ko', 'original_language']).where('id', '=', imported.value.meetingId).executeTakeFirstOrThrow();
		expect(meeting).toEqual({ title_fr: '', title_ko: '한불 지방정부 협력 회의', original_language: 'ko' });
		const item = await db.selectFrom('agenda_item').select(['id', 'title_fr', 'title_ko']).where('meeting_id', '=', imported.value.meetingId).executeTakeFirstOrThrow();
		expect(item).toMatchObject({ title_fr: '', title_ko: '인사말' });
		const texts = await db.selectFrom('intervention').select(['text_fr', 'text_ko']).where('agenda_item_id', '=', item.id).orderBy('position').execute();
		expect(texts).toEqual([
			{ text_fr: '', text_ko: '참석해 주셔서 감사합니다.' },
			{ text_fr: '', text_ko: '환영합니다.' }
		]);
		expect(await db.selectFrom('decision').select(['text_fr', 'text_ko']).where('agenda_item_id', '=', item.id).execute()).toEqual([{ text_fr: '', text_ko: '4월에 다시 만나기로 했다.' }]);
		// French minutes stay French originals.
		const french = await previewMinutesText(setup.context, actors.coordinator, 'coree', 'Réunion\nJeudi 14 mars 2024, 17h00 - 18h00\n1. Point\n- **Caroline Millan** : Bonjour.');
		if (!french.ok) throw new Error(french.reason);
		const frenchImported = await confirmMinutesImport(setup.context, actors.coordinator, 'coree', defaultConfirmation(french.value));
		if (!frenchImported.ok) throw new Error(frenchImported.reason);
		expect(await db.selectFrom('meeting').select(['title_fr', 'original_language']).where('id', '=', frenchImported.value.meetingId).executeTakeFirstOrThrow()).toEqual({ title_fr: 'Réunion', original_language: 'fr' });
	});

	it('needs a date when the document has none, and refuses an end before the start; writes nothing then', async () => {
		const preview = await previewMinutesText(setup.context, actors.coordinator, 'coree', 'Réunion sans date\n1. Point\n- **Caroline Millan** : Texte.');
		if (!preview.ok) throw new Error(preview.reason);
		expect(preview.value.parsed.date).toBeNull();
		const count = async () => Number((await setup.context.db.selectFrom('meeting').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
		const before = await count();
		expect(await confirmMinutesImport(setup.context, actors.coordinator, 'coree', defaultConfirmation(preview.value))).toEqual({ ok: false, reason: 'minutes_import_date_required', field: 'date' });
		const dated = { ...defaultConfirmation(preview.value), date: '2024-05-02', startTime: '10:00', endTime: '09:00' };
		expect(await confirmMinutesImport(setup.context, actors.coordinator, 'coree', dated)).toEqual({ ok: false, reason: 'end_before_start', field: 'endTime' });
		expect(await confirmMinutesImport(setup.context, actors.coordinator, 'coree', { ...dated, speakers: { 'caroline millan': { kind: 'person', personId: 'not-in-directory' } }, endTime: '' })).toEqual({
			ok: false,
			reason: 'invalid_choice',
			field: 'speaker:caroline millan'
		});
		expect(await count()).toBe(before);
		const imported = await confirmMinutesImport(setup.context, PLATFORM_ACTOR, 'coree', { ...dated, endTime: '' });
		expect(imported.ok && imported.value.interventions).toBe(1);
		expect(await count()).toBe(before + 1);
	});

	it('reads a Word document like the text', async () => {
		const preview = await previewMinutesFile(setup.context, actors.coordinator, 'coree', await referenceAsDocx());
		if (!preview.ok) throw new Error(preview.reason);
		expect(preview.value.fileKind).toBe('docx');
		expect(preview.value.speakers.every((speaker) => speaker.match !== null)).toBe(true);
		expect(preview.value.participants.every((entry) => entry.person !== null)).toBe(true);
	});
});

describeEachDatabase('round trip: import → Word export → import', (setup) => {
	it('gives the same structure', async () => {
		await loadDemoData(setup.context);
		const first = await previewMinutesText(setup.context, PLATFORM_ACTOR, 'coree', REFERENCE_MINUTES);
		if (!first.ok) throw new Error(first.reason);
		const imported = await confirmMinutesImport(setup.context, PLATFORM_ACTOR, 'coree', { ...defaultConfirmation(first.value), force: true });
		if (!imported.ok) throw new Error(imported.reason);
		// The export lists only people who agreed to be listed (issue 4 §4): here, all of them.
		await setup.context.db.updateTable('person').set({ public_listing_consent: 1 }).execute();
		const document = await loadMinutesDocument(setup.context.db, imported.value.meetingId);
		if (!document) throw new Error('no document');
		const docx = await renderMinutesDocx(document, 'fr');
		const again = await previewMinutesFile(setup.context, PLATFORM_ACTOR, 'coree', docx);
		if (!again.ok) throw new Error(again.reason);
		const structure = (preview: typeof first.value) => ({
			startsAt: preview.startsAt,
			endsAt: preview.endsAt,
			timezone: preview.parsed.timezone,
			format: preview.parsed.format,
			agenda: preview.parsed.agenda.map((item) => ({
				title: item.title,
				speakers: item.interventions.map((intervention) => (intervention.speaker ? personNameKey(intervention.speaker) : null)),
				texts: item.interventions.map((intervention) => intervention.text.replace(/\s+/g, ' ').trim()),
				decisions: item.decisions
			})),
			speakers: preview.speakers.map((speaker) => speaker.match?.id ?? null),
			// The export orders the list by family name, as the reference does; the same people come back.
			participants: preview.participants.map((entry) => entry.person?.id ?? null).sort()
		});
		expect(structure(again.value)).toEqual(structure(first.value));
	});

	it('gives back unrecognised text as unrecognised and actions as actions, in French, Korean and both', async () => {
		await loadDemoData(setup.context);
		// A line the parser cannot place (after the date line) and an action written as the exports write them.
		const text = REFERENCE_MINUTES.replace(/\nCompte-rendu\n/u, '\nNote griffonnée en marge : rappeler la mairie\n\nCompte-rendu\n').replace(
			/\nListe des participants/u,
			'\n- Envoyer le programme du Forum aux collectivités (Caroline Millan, avant le 15 mars 2024, à faire)\n\nListe des participants'
		);
		const first = await previewMinutesText(setup.context, PLATFORM_ACTOR, 'coree', text);
		if (!first.ok) throw new Error(first.reason);
		expect(first.value.parsed.unrecognised).toEqual(['Note griffonnée en marge : rappeler la mairie']);
		expect(first.value.parsed.agenda[2].actions).toMatchObject([{ descriptionFr: 'Envoyer le programme du Forum aux collectivités', owner: 'Caroline Millan', dueOn: '2024-03-15', status: 'open' }]);
		const imported = await confirmMinutesImport(setup.context, PLATFORM_ACTOR, 'coree', { ...defaultConfirmation(first.value), force: true });
		if (!imported.ok) throw new Error(imported.reason);
		expect(imported.value.actions).toBe(1);
		const action = await setup.context.db.selectFrom('action_item').selectAll().where('meeting_id', '=', imported.value.meetingId).executeTakeFirstOrThrow();
		expect(action).toMatchObject({ description_fr: 'Envoyer le programme du Forum aux collectivités', due_on: '2024-03-15', status: 'open' });
		expect(action.owner_person_id).not.toBeNull();
		expect(action.agenda_item_id).not.toBeNull();
		// A meeting-level action (no item) comes back under the export's "Actions à suivre" heading.
		await setup.context.db
			.insertInto('action_item')
			.values({ ...action, id: '00000000-0000-4000-a000-00000000ac01', agenda_item_id: null, description_fr: 'Relancer la GAROK', description_ko: 'GAROK에 다시 연락', owner_person_id: null, due_on: null, status: 'done' })
			.execute();
		await setup.context.db.updateTable('person').set({ public_listing_consent: 1 }).execute();
		const document = await loadMinutesDocument(setup.context.db, imported.value.meetingId);
		if (!document) throw new Error('no document');
		for (const language of ['fr', 'ko', 'both'] as const) {
			const again = await previewMinutesFile(setup.context, PLATFORM_ACTOR, 'coree', await renderMinutesDocx(document, language));
			if (!again.ok) throw new Error(again.reason);
			expect(again.value.parsed.unrecognised, language).toEqual(['Note griffonnée en marge : rappeler la mairie']);
			const itemActions = again.value.parsed.agenda.flatMap((item) => item.actions);
			expect(itemActions, language).toHaveLength(1);
			expect(itemActions[0], language).toMatchObject({ dueOn: '2024-03-15', status: 'open' });
			expect(again.value.parsed.actions, language).toHaveLength(1);
			expect(again.value.parsed.actions[0], language).toMatchObject({ status: 'done' });
			expect(itemActions[0].descriptionFr, language).toBe('Envoyer le programme du Forum aux collectivités');
			// Written in French only: the Korean line of a bilingual export repeats it, and it stays French only.
			if (language === 'both') expect(itemActions[0].descriptionKo).toBe('');
			if (language !== 'fr') expect(again.value.parsed.actions[0].descriptionKo, language).toBe('GAROK에 다시 연락');
		}
	});
});
