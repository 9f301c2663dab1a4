import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import { anonymous, type Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { DEMO_MEETING_ID, DEMO_NEXT_MEETING_ID } from '../db/demo-data/meetings.demo';
import {
	addAgendaItem,
	answerInvitation,
	getMeeting,
	getMeetingCalendar,
	getMeetingFormDefaults,
	listMeetings,
	moveAgendaItem,
	participantsList,
	recordAttendance,
	removeAgendaItem,
	scheduleMeeting,
	sendInvitations,
	updateAgendaItem,
	updateMeeting
} from './meeting.service';
import { agendaItemInputSchema, attendanceInputSchema, meetingInputSchema, type MeetingInput } from './meeting.schema';
import { writeVersion, type MinutesContent } from './minutes-content';
import { publishMinutes } from './minutes.service';

const errorsOf = (fields: Record<string, string>) => {
	const parsed = meetingInputSchema.safeParse(fields);
	return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
};
const valid = { titleFr: 'Réunion', date: '2027-03-02', startTime: '09:00', endTime: '10:00', timezone: 'Europe/Paris', format: 'video', videoLink: 'https://visio.example.org/x' };

describe('meeting input', () => {
	it('refuses an end before the start, an unknown zone, a video meeting without link, an in-person one without place', () => {
		expect(errorsOf(valid)).toEqual({});
		expect(errorsOf({ ...valid, endTime: '08:30' })).toEqual({ endTime: 'date_before_start' });
		expect(errorsOf({ ...valid, endTime: '09:00' })).toEqual({ endTime: 'date_before_start' });
		expect(errorsOf({ ...valid, timezone: 'Mars/Olympus' })).toEqual({ timezone: 'invalid_choice' });
		expect(errorsOf({ ...valid, videoLink: '' })).toEqual({ videoLink: 'required' });
		expect(errorsOf({ ...valid, videoLink: 'javascript:alert(1)' })).toEqual({ videoLink: 'invalid_url' });
		expect(errorsOf({ ...valid, format: 'in_person', videoLink: '' })).toEqual({ place: 'required' });
		expect(errorsOf({ ...valid, format: 'hybrid', videoLink: '' })).toEqual({ videoLink: 'required', place: 'required' });
		expect(errorsOf({ ...valid, titleFr: '', titleKo: '' })).toEqual({ titleFr: 'required' });
		expect(errorsOf({ ...valid, titleFr: '', titleKo: '한국 국가별 그룹 회의' })).toEqual({});
		expect(errorsOf({ ...valid, date: '2027-02-30' })).toEqual({ date: 'invalid_date' });
	});
});

describeEachDatabase('meetings', (setup) => {
	const actors: Record<string, Actor> = {};
	const people: Record<string, string> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	const input = (fields: Record<string, string>): MeetingInput => meetingInputSchema.parse({ ...valid, ...fields });
	const mail = { origin: 'https://dari.test' };
	const outbox = () => setup.context.db.selectFrom('outbox').selectAll().orderBy('to_address').execute();
	const schedule = async (fields: Record<string, string> = {}) => {
		const result = await scheduleMeeting(setup.context, actors.coordinator, 'coree', input(fields));
		if (!result.ok) throw new Error(result.reason);
		return result.value.meetingId;
	};
	const meetingRow = (id: string) => setup.context.db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test'); // Louise COULON, Nantes Métropole
		actors.partner = await actorFor('partner@demo.dari.test');
		actors.outsider = { kind: 'user', userId: 'nobody', isAdministrator: false, groupRoles: {} };
		for (const person of await setup.context.db.selectFrom('person').select(['id', 'family_name']).execute()) people[person.family_name] = person.id;
	});

	it('shows the demo meeting: agenda, 15 people present, times in Paris', async () => {
		const page = await getMeeting(setup.context, actors.member, 'coree', DEMO_MEETING_ID);
		if (!page.ok) throw new Error(page.reason);
		expect(page.value.meeting).toMatchObject({ startsAt: '2024-02-27T08:00:00.000Z', endsAt: '2024-02-27T09:00:00.000Z', timezone: 'Europe/Paris', status: 'published' });
		expect(page.value.agenda.map((item) => item.title.fr)).toEqual([
			'Introduction',
			'Rappel sur le premier forum franco-coréen',
			'Proposition pour la 2ème édition du Forum franco-coréen en Corée du sud (thèmes réunions, visites de terrain et dates)'
		]);
		expect(page.value.participantsList).toHaveLength(15);
		expect(page.value.canManage).toBe(false);
		expect(page.value.people).toEqual([]);
		const next = await getMeeting(setup.context, actors.member, 'coree', DEMO_NEXT_MEETING_ID);
		expect(next.ok && next.value.meeting).toMatchObject({ previousMeetingId: DEMO_MEETING_ID, status: 'draft', startsAt: '2027-02-23T08:00:00.000Z' });
		const list = await listMeetings(setup.context, actors.member, 'coree');
		expect(list.ok && list.value.past.map((meeting) => meeting.id)).toContain(DEMO_MEETING_ID);
		expect(list.ok && list.value.upcoming.map((meeting) => meeting.id)).toContain(DEMO_NEXT_MEETING_ID);
	});

	it('lets only those who run the group schedule; others get 403, unknown ids 404', async () => {
		expect(await scheduleMeeting(setup.context, actors.member, 'coree', input({}))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await scheduleMeeting(setup.context, actors.partner, 'coree', input({}))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await scheduleMeeting(setup.context, anonymous, 'coree', input({}))).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await scheduleMeeting(setup.context, actors.coordinator, 'nowhere', input({}))).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getMeeting(setup.context, actors.outsider, 'coree', DEMO_MEETING_ID)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getMeeting(setup.context, actors.member, 'coree', '00000000-0000-4000-a000-000000000999')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getMeeting(setup.context, actors.member, 'coree', 'not-an-id')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getMeeting(setup.context, actors.coordinator, 'japon', DEMO_MEETING_ID)).toEqual({ ok: false, reason: 'FORBIDDEN' });
	});

	it('stores a meeting typed in Seoul time as the right UTC instants, on both sides of a daylight-saving change', async () => {
		const winter = await schedule({ date: '2024-03-26', startTime: '17:00', endTime: '18:00', timezone: 'Asia/Seoul' });
		const summer = await schedule({ date: '2024-03-31', startTime: '09:00', endTime: '10:00', timezone: 'Europe/Paris' });
		const winterPage = await getMeeting(setup.context, actors.coordinator, 'coree', winter);
		const summerPage = await getMeeting(setup.context, actors.coordinator, 'coree', summer);
		expect(winterPage.ok && winterPage.value.meeting.startsAt).toBe('2024-03-26T08:00:00.000Z');
		expect(summerPage.ok && summerPage.value.meeting.startsAt).toBe('2024-03-31T07:00:00.000Z');
		expect(winterPage.ok && winterPage.value.formValues).toMatchObject({ date: '2024-03-26', startTime: '17:00', endTime: '18:00', timezone: 'Asia/Seoul' });
	});

	it('increments the calendar sequence when time or place change, not for the title', async () => {
		const id = await schedule();
		const retitled = await updateMeeting(setup.context, actors.coordinator, 'coree', id, input({ titleFr: 'Réunion de printemps' }), mail);
		expect(retitled).toEqual({ ok: true, value: { moved: false, updatedInvitations: 0 } });
		const moved = await updateMeeting(setup.context, actors.coordinator, 'coree', id, input({ titleFr: 'Réunion de printemps', startTime: '10:00', endTime: '11:00' }), mail);
		expect(moved).toEqual({ ok: true, value: { moved: true, updatedInvitations: 0 } });
		await updateMeeting(setup.context, actors.coordinator, 'coree', id, input({ titleFr: 'Réunion de printemps', startTime: '10:00', endTime: '11:00', format: 'hybrid', place: 'Issy-les-Moulineaux' }), mail);
		const page = await getMeeting(setup.context, actors.coordinator, 'coree', id);
		expect(page.ok && page.value.meeting).toMatchObject({ calendarSequence: 2, title: { fr: 'Réunion de printemps' }, place: 'Issy-les-Moulineaux', startsAt: '2027-03-02T09:00:00.000Z' });
		expect(await updateMeeting(setup.context, actors.member, 'coree', id, input({}), mail)).toEqual({ ok: false, reason: 'FORBIDDEN' });
	});

	it('makes the next meeting from a previous one: form values and agenda titles copied', async () => {
		const defaults = await getMeetingFormDefaults(setup.context, actors.coordinator, 'coree', DEMO_NEXT_MEETING_ID);
		if (!defaults.ok) throw new Error(defaults.reason);
		expect(defaults.value.values).toMatchObject({ titleFr: 'Réunion du groupe-pays Corée', date: '', startTime: '09:00', endTime: '10:00', timezone: 'Europe/Paris', format: 'video', videoLink: 'https://visio.example.org/groupe-pays-coree', previousMeetingId: DEMO_NEXT_MEETING_ID });
		expect(await getMeetingFormDefaults(setup.context, actors.member, 'coree', null)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		// A new meeting is proposed in the group's default zone (Paris unless the administrator chose another).
		const fresh = await getMeetingFormDefaults(setup.context, actors.coordinator, 'coree', null);
		expect(fresh.ok && fresh.value.values.timezone).toBe('Europe/Paris');
		await setup.context.db.updateTable('country_group').set({ default_timezone: 'Asia/Seoul' }).where('slug', '=', 'coree').execute();
		const inSeoul = await getMeetingFormDefaults(setup.context, actors.coordinator, 'coree', null);
		expect(inSeoul.ok && inSeoul.value.values).toMatchObject({ timezone: 'Asia/Seoul', startTime: '09:00' });
		// "Next meeting" keeps the previous meeting's own zone.
		const nextInSeoulGroup = await getMeetingFormDefaults(setup.context, actors.coordinator, 'coree', DEMO_NEXT_MEETING_ID);
		expect(nextInSeoulGroup.ok && nextInSeoulGroup.value.values.timezone).toBe('Europe/Paris');
		await setup.context.db.updateTable('country_group').set({ default_timezone: 'Europe/Paris' }).where('slug', '=', 'coree').execute();
		const id = await schedule({ ...defaults.value.values, date: '2027-06-01' });
		const page = await getMeeting(setup.context, actors.coordinator, 'coree', id);
		if (!page.ok) throw new Error(page.reason);
		expect(page.value.meeting.previousMeetingId).toBe(DEMO_NEXT_MEETING_ID);
		expect(page.value.agenda.map((item) => [item.position, item.title.fr])).toEqual([
			[1, 'Introduction'],
			[2, 'Rappel sur le premier forum franco-coréen'],
			[3, 'Proposition pour la 2ème édition du Forum franco-coréen en Corée du sud (thèmes réunions, visites de terrain et dates)']
		]);
		const otherGroup = await scheduleMeeting(setup.context, actors.coordinator, 'coree', input({ previousMeetingId: '00000000-0000-4000-a000-000000000999' }));
		expect(otherGroup).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'previousMeetingId' });
	});

	it('keeps the agenda numbered 1, 2, 3 through additions, moves and removals', async () => {
		const id = await schedule();
		const add = async (titleFr: string, presenterPersonId = '') => {
			const result = await addAgendaItem(setup.context, actors.coordinator, 'coree', id, agendaItemInputSchema.parse({ titleFr, presenterPersonId }));
			if (!result.ok) throw new Error(result.reason);
			return result.value.itemId;
		};
		const a = await add('Introduction', people.MILLAN);
		const b = await add('Forum');
		const c = await add('Questions diverses');
		const order = async () => {
			const page = await getMeeting(setup.context, actors.coordinator, 'coree', id);
			return page.ok ? page.value.agenda.map((item) => `${item.position}:${item.title.fr}`) : [];
		};
		expect(await moveAgendaItem(setup.context, actors.coordinator, 'coree', id, c, 'up')).toEqual({ ok: true, value: { position: 2 } });
		expect(await order()).toEqual(['1:Introduction', '2:Questions diverses', '3:Forum']);
		await moveAgendaItem(setup.context, actors.coordinator, 'coree', id, a, 'up'); // already first: stays
		await moveAgendaItem(setup.context, actors.coordinator, 'coree', id, a, 'down');
		expect(await order()).toEqual(['1:Questions diverses', '2:Introduction', '3:Forum']);
		await removeAgendaItem(setup.context, actors.coordinator, 'coree', id, c);
		expect(await order()).toEqual(['1:Introduction', '2:Forum']);
		const page = await getMeeting(setup.context, actors.coordinator, 'coree', id);
		expect(page.ok && page.value.agenda[0].presenter).toEqual({ id: people.MILLAN, name: 'Caroline MILLAN' });
		expect(await addAgendaItem(setup.context, actors.coordinator, 'coree', id, agendaItemInputSchema.parse({ titleFr: 'X', presenterPersonId: '00000000-0000-4000-a000-000000000999' }))).toEqual({
			ok: false,
			reason: 'INVALID_FIELD',
			field: 'presenterPersonId'
		});
		expect(await moveAgendaItem(setup.context, actors.member, 'coree', id, b, 'up')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await removeAgendaItem(setup.context, actors.coordinator, 'coree', id, c)).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('refuses to remove an agenda item the minutes still hold interventions, decisions or actions under', async () => {
		const db = setup.context.db;
		const demoItems = ['00000000-0000-4000-a000-000000000101', '00000000-0000-4000-a000-000000000103'];
		const countUnder = async (itemId: string) =>
			(await db.selectFrom('intervention').select('id').where('agenda_item_id', '=', itemId).execute()).length +
			(await db.selectFrom('decision').select('id').where('agenda_item_id', '=', itemId).execute()).length;
		for (const itemId of demoItems) {
			const before = await countUnder(itemId);
			expect(before).toBeGreaterThan(0);
			expect(await removeAgendaItem(setup.context, actors.coordinator, 'coree', DEMO_MEETING_ID, itemId)).toEqual({ ok: false, reason: 'HAS_MINUTES' });
			expect(await countUnder(itemId)).toBe(before);
		}
		const page = await getMeeting(setup.context, actors.coordinator, 'coree', DEMO_MEETING_ID);
		expect(page.ok && page.value.agenda).toHaveLength(3);

		// An action item alone is enough; once it is gone, the item can be removed.
		const id = await schedule();
		const added = await addAgendaItem(setup.context, actors.coordinator, 'coree', id, agendaItemInputSchema.parse({ titleFr: 'Suivi' }));
		if (!added.ok) throw new Error(added.reason);
		const meeting = await db.selectFrom('meeting').select('group_id').where('id', '=', id).executeTakeFirstOrThrow();
		const at = '2027-01-01T00:00:00.000Z';
		await db
			.insertInto('action_item')
			.values({ id: '00000000-0000-4000-a000-00000000f001', group_id: meeting.group_id, meeting_id: id, agenda_item_id: added.value.itemId, description_fr: 'Relancer', description_ko: '', owner_person_id: null, owner_organisation_id: null, due_on: null, status: 'open', position: 1, created_at: at, updated_at: at })
			.execute();
		expect(await removeAgendaItem(setup.context, actors.coordinator, 'coree', id, added.value.itemId)).toEqual({ ok: false, reason: 'HAS_MINUTES' });
		await db.deleteFrom('action_item').where('id', '=', '00000000-0000-4000-a000-00000000f001').execute();
		expect(await removeAgendaItem(setup.context, actors.coordinator, 'coree', id, added.value.itemId)).toEqual({ ok: true, value: { itemId: added.value.itemId } });
	});

	it('keeps a version (who, when) of published minutes for every change made to the meeting, its agenda or its attendance', async () => {
		const db = setup.context.db;
		const versions = async (meetingId: string) =>
			(await db.selectFrom('minutes_version').select(['version', 'snapshot', 'author_user_id', 'at']).where('meeting_id', '=', meetingId).orderBy('version').execute()).map((row) => ({
				version: Number(row.version),
				author: row.author_user_id,
				at: row.at,
				content: JSON.parse(row.snapshot) as MinutesContent
			}));
		const id = await schedule();
		const item = async (titleFr: string) => {
			const added = await addAgendaItem(setup.context, actors.coordinator, 'coree', id, agendaItemInputSchema.parse({ titleFr }));
			if (!added.ok) throw new Error(added.reason);
			return added.value.itemId;
		};
		const first = await item('Introduction');
		await updateMeeting(setup.context, actors.coordinator, 'coree', id, input({ titleFr: 'Brouillon renommé' }), mail);
		expect(await versions(id)).toEqual([]); // a draft keeps no versions
		expect(await publishMinutes(setup.context, actors.coordinator, 'coree', id, mail.origin)).toMatchObject({ ok: true });
		expect((await versions(id)).map((version) => version.version)).toEqual([1]);

		await updateMeeting(setup.context, actors.coordinator, 'coree', id, input({ titleFr: 'Réunion publiée', format: 'hybrid', place: 'Séoul' }), mail);
		const second = await item('Forum');
		await updateAgendaItem(setup.context, actors.coordinator, 'coree', id, second, agendaItemInputSchema.parse({ titleFr: 'Forum 2027', presenterPersonId: people.MILLAN }));
		await moveAgendaItem(setup.context, actors.coordinator, 'coree', id, second, 'up');
		await moveAgendaItem(setup.context, actors.coordinator, 'coree', id, second, 'up'); // already first: no change, no version
		await removeAgendaItem(setup.context, actors.coordinator, 'coree', id, first);
		await recordAttendance(setup.context, actors.coordinator, 'coree', id, attendanceInputSchema.parse({ [`attendance:${people.COULON}`]: 'present', [`attendance:${people.FORT}`]: 'excused' }));

		const kept = await versions(id);
		expect(kept.map((version) => version.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(new Set(kept.map((version) => version.author))).toEqual(new Set([(actors.coordinator as { userId: string }).userId]));
		expect(kept.every((version) => version.at === setup.context.clock().toISOString() || version.at.length === 24)).toBe(true);
		expect(kept[1].content.meeting).toMatchObject({ title: { fr: 'Réunion publiée' }, format: 'hybrid', place: 'Séoul', status: 'published' });
		expect(kept[2].content.items.map((entry) => entry.title.fr)).toEqual(['Introduction', 'Forum']);
		expect(kept[3].content.items[1]).toMatchObject({ title: { fr: 'Forum 2027' }, presenter: { id: people.MILLAN, name: 'Caroline MILLAN' } });
		expect(kept[4].content.items.map((entry) => entry.title.fr)).toEqual(['Forum 2027', 'Introduction']);
		expect(kept[5].content.items.map((entry) => [entry.position, entry.title.fr])).toEqual([[1, 'Forum 2027']]);
		expect(kept[5].content.attendance).toEqual([]);
		expect(kept[6].content.attendance?.map((entry) => [entry.name, entry.organisation?.fr, entry.attendance])).toEqual([
			['Louise COULON', 'Nantes Métropole', 'present'],
			[expect.stringContaining('FORT'), expect.any(String), 'excused']
		]);
	});

	it('numbers two versions written at the same moment apart', async () => {
		const db = setup.context.db;
		const id = await schedule();
		await publishMinutes(setup.context, actors.coordinator, 'coree', id, mail.origin);
		const meeting = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		const now = setup.context.clock();
		// Each write keeps different minutes (a version of unchanged minutes is not written).
		const changed = (title: string) => ({ ...meeting, title_fr: title });
		const inTransactions = await Promise.all([1, 2].map((n) => db.transaction().execute((transaction) => writeVersion(transaction, changed(`Titre ${n}`), actors.coordinator, now))));
		expect(new Set(inTransactions).size).toBe(2);
		const outside = await Promise.all([writeVersion(db, changed('Titre 3'), actors.coordinator, now), writeVersion(db, changed('Titre 4'), actors.coordinator, now)]);
		expect(new Set([...inTransactions, ...outside]).size).toBe(4);
		const numbers = (await db.selectFrom('minutes_version').select('version').where('meeting_id', '=', id).orderBy('version').execute()).map((row) => Number(row.version));
		expect(numbers).toEqual([1, 2, 3, 4, 5]);
	});

	it('sends one invitation per person with an e-mail, in their language, with the calendar file; a move sends updates with the same UID', async () => {
		await setup.context.db.deleteFrom('outbox').execute();
		const id = await schedule({ titleKo: '한국 국가별 그룹 회의' });
		expect(await sendInvitations(setup.context, actors.member, 'coree', id, mail)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		const sent = await sendInvitations(setup.context, actors.coordinator, 'coree', id, mail);
		const messages = await outbox();
		expect(sent).toEqual({ ok: true, value: { sent: messages.length } });
		// The demo's addresses: Inssafe EL IDRISSI's own, and the four demo accounts' people.
		expect(messages.map((message) => message.to_address)).toEqual([
			'admin@demo.dari.test',
			'coordinator@demo.dari.test',
			'member@demo.dari.test',
			'partner@demo.dari.test',
			'service-international-crisis@cites-unies-france.org'
		]);
		const kim = messages.find((message) => message.to_address === 'coordinator@demo.dari.test')!;
		expect(kim.subject).toBe('초대: 한국 국가별 그룹 회의');
		expect(kim.text_body).toContain('17:00–18:00');
		expect(messages.find((message) => message.to_address === 'member@demo.dari.test')!.subject).toBe('Invitation : Réunion');
		// The day names its zone; the clocks are given in Paris and in Seoul.
		expect(messages.find((message) => message.to_address === 'member@demo.dari.test')!.text_body).toContain('mardi 2 mars 2027 (heure de Paris)\n09:00–10:00 heure de Paris · 17:00–18:00 heure de Séoul\n');
		expect(kim.text_body).toContain('(파리 시간)\n09:00–10:00 파리 시간 · 17:00–18:00 서울 시간\n');
		for (const message of messages) {
			const [attachment] = JSON.parse(message.attachments!) as { filename: string; contentType: string; content: string }[];
			expect(attachment.contentType).toContain('text/calendar');
			const calendar = new ICAL.Component(ICAL.parse(attachment.content));
			expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
			expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
			const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
			expect(event.uid).toBe(`meeting-${id}@dari.test`);
			expect(event.sequence).toBe(0);
		}
		const page = await getMeeting(setup.context, actors.coordinator, 'coree', id);
		expect(page.ok && page.value.invitationsSent).toBe(5);

		await setup.context.db.deleteFrom('outbox').execute();
		const moved = await updateMeeting(setup.context, actors.coordinator, 'coree', id, input({ titleKo: '한국 국가별 그룹 회의', startTime: '09:30', endTime: '10:30' }), mail);
		expect(moved).toEqual({ ok: true, value: { moved: true, updatedInvitations: 5 } });
		const updates = await outbox();
		expect(updates).toHaveLength(5);
		expect(updates.find((message) => message.to_address === 'member@demo.dari.test')!.subject).toBe('Mise à jour : Réunion');
		const [attachment] = JSON.parse(updates[0].attachments!) as { content: string }[];
		const event = new ICAL.Event(new ICAL.Component(ICAL.parse(attachment.content)).getFirstSubcomponent('vevent')!);
		expect(event.uid).toBe(`meeting-${id}@dari.test`);
		expect(event.sequence).toBe(1);

		const calendar = await getMeetingCalendar(setup.context, actors.member, 'coree', id, { origin: 'https://dari.test', locale: 'fr' });
		expect(calendar.ok && calendar.value.text).toContain('SEQUENCE:1');
		expect(calendar.ok && calendar.value.text).toContain('DTSTART;TZID=Europe/Paris:20270302T093000');
	});

	it('writes the invitation of a meeting set in another zone with that zone named, and Paris and Seoul besides', async () => {
		await setup.context.db.deleteFrom('outbox').execute();
		const id = await schedule({ date: '2027-03-02', startTime: '09:00', endTime: '10:00', timezone: 'America/New_York' });
		await sendInvitations(setup.context, actors.coordinator, 'coree', id, mail);
		const body = (await outbox()).find((message) => message.to_address === 'member@demo.dari.test')!.text_body;
		expect(body).toContain('mardi 2 mars 2027 (America/New York (UTC−5))\n15:00–16:00 heure de Paris · 23:00–00:00 heure de Séoul · 09:00–10:00 America/New York (UTC−5)\n');
	});

	it('lets a member answer for themselves; an outsider cannot', async () => {
		const id = await schedule();
		expect(await answerInvitation(setup.context, actors.member, 'coree', id, 'attending')).toEqual({ ok: true, value: { response: 'attending' } });
		const page = await getMeeting(setup.context, actors.member, 'coree', id);
		expect(page.ok && page.value.ownAnswer).toEqual({ personId: people.COULON, invited: false, response: 'attending' });
		await answerInvitation(setup.context, actors.member, 'coree', id, 'not-attending');
		const coordinatorView = await getMeeting(setup.context, actors.coordinator, 'coree', id);
		expect(coordinatorView.ok && coordinatorView.value.participants.map((participant) => [participant.name, participant.response])).toEqual([['Louise COULON', 'not-attending']]);
		expect(await answerInvitation(setup.context, actors.outsider, 'coree', id, 'attending')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await answerInvitation(setup.context, anonymous, 'coree', id, 'attending')).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
	});

	it('records attendance and lists those present, leaving out of published lists whoever did not consent', async () => {
		const id = await schedule();
		const entries = attendanceInputSchema.parse({ [`attendance:${people.COULON}`]: 'present', [`attendance:${people.MILLAN}`]: 'present', [`attendance:${people.FORT}`]: 'excused', [`attendance:${people.KOULLI}`]: '' });
		expect(await recordAttendance(setup.context, actors.member, 'coree', id, entries)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await recordAttendance(setup.context, actors.coordinator, 'coree', id, entries)).toEqual({ ok: true, value: { recorded: 3 } });
		// The demo's people agreed to be listed (the reference published their list); Louise COULON now withdraws.
		await setup.context.db.updateTable('person').set({ public_listing_consent: 0 }).where('id', '=', people.COULON).execute();
		const all = await participantsList(setup.context.db, await meetingRow(id), { published: false });
		expect(all.map((entry) => [entry.organisation?.fr, entry.givenName, entry.familyName, entry.publicListingConsent])).toEqual([
			['Nantes Métropole', 'Louise', 'COULON', false],
			['Issy-les-Moulineaux', 'Caroline', 'MILLAN', true]
		]);
		expect((await participantsList(setup.context.db, await meetingRow(id), { published: true })).map((entry) => entry.familyName)).toEqual(['MILLAN']);
		const unknown = attendanceInputSchema.parse({ 'attendance:00000000-0000-4000-a000-000000000999': 'present' });
		expect(await recordAttendance(setup.context, actors.coordinator, 'coree', id, unknown)).toMatchObject({ ok: false, reason: 'INVALID_FIELD' });
		expect(attendanceInputSchema.safeParse({ [`attendance:${people.COULON}`]: 'asleep' }).success).toBe(false);
		await setup.context.db.updateTable('person').set({ public_listing_consent: 1 }).where('id', '=', people.COULON).execute();
	});
});
