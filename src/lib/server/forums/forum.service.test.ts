import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import { anonymous, type Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { DEMO_FIELD_VISITS, DEMO_SECOND_FORUM_ID, DEMO_VISIT_CAPACITY, demoProgrammeItemId } from '../db/demo-data/forums.demo';
import { copyProgrammeSchema, forumInputSchema, programmeItemInputSchema } from './forum.schema';
import {
	addProgrammeItem,
	copyProgrammeFrom,
	createForum,
	deleteProgrammeItem,
	getForumForm,
	getForumOfGroup,
	getForumOverview,
	getProgramme,
	getProgrammeItemForm,
	listForums,
	updateForum,
	updateProgrammeItem
} from './forum.service';
import { addDays, daysBetween, groupByLocalDay, shiftItems } from './programme-days';

const errorsOf = (schema: typeof forumInputSchema | typeof programmeItemInputSchema, fields: Record<string, string>) => {
	const parsed = schema.safeParse(fields);
	if (parsed.success) return {};
	// The first message of each field, as parseForm keeps it.
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
	return errors;
};
const validForum = { number: '3', titleFr: 'Troisième Forum franco-coréen', hostCountry: 'FR', status: 'idea' };
const validItem = { kind: 'seminar', titleFr: 'Séminaire', startDate: '2026-03-28', startTime: '09:00', endTime: '12:00' };

describe('forum and programme item input', () => {
	it('refuses a forum without title, an end before its start, half the dates, a bad number, dates missing for a published programme', () => {
		expect(errorsOf(forumInputSchema, validForum)).toEqual({});
		expect(errorsOf(forumInputSchema, { ...validForum, titleFr: '' })).toEqual({ titleFr: 'required' });
		expect(errorsOf(forumInputSchema, { ...validForum, titleFr: '', titleKo: '제3회 포럼' })).toEqual({});
		expect(errorsOf(forumInputSchema, { ...validForum, startsOn: '2026-06-08', endsOn: '2026-06-02' })).toEqual({ endsOn: 'date_before_start' });
		expect(errorsOf(forumInputSchema, { ...validForum, startsOn: '2026-06-02', endsOn: '2026-06-02' })).toEqual({});
		expect(errorsOf(forumInputSchema, { ...validForum, startsOn: '2026-06-02' })).toEqual({ endsOn: 'required' });
		expect(errorsOf(forumInputSchema, { ...validForum, startsOn: '2026-02-30', endsOn: '2026-03-02' })).toEqual({ startsOn: 'invalid_date' });
		expect(errorsOf(forumInputSchema, { ...validForum, number: '0' })).toEqual({ number: 'invalid_number' });
		expect(errorsOf(forumInputSchema, { ...validForum, number: 'deux' })).toEqual({ number: 'invalid_number' });
		expect(errorsOf(forumInputSchema, { ...validForum, status: 'programme-published' })).toEqual({ startsOn: 'required' });
		expect(errorsOf(forumInputSchema, { ...validForum, status: 'finished' })).toEqual({ status: 'invalid_choice' });
		expect(errorsOf(forumInputSchema, { ...validForum, hostTimezone: 'Mars/Olympus' })).toEqual({ hostTimezone: 'invalid_choice' });
		expect(errorsOf(forumInputSchema, { ...validForum, hostCountry: 'France' })).toEqual({ hostCountry: 'invalid_country' });
		const parsed = forumInputSchema.parse({ ...validForum, places: 'Issy-les-Moulineaux | 이시레물리노\n\nNice', 'host:abc': 'on', 'host:def': '' });
		expect(parsed.places).toEqual([
			{ nameFr: 'Issy-les-Moulineaux', nameKo: '이시레물리노' },
			{ nameFr: 'Nice', nameKo: '' }
		]);
		expect(parsed.hostOrganisationIds).toEqual(['abc']);
	});

	it('refuses an item ending before it starts, a negative capacity, a missing day', () => {
		expect(errorsOf(programmeItemInputSchema, validItem)).toEqual({});
		expect(errorsOf(programmeItemInputSchema, { ...validItem, endTime: '08:00' })).toEqual({ endTime: 'date_before_start' });
		expect(errorsOf(programmeItemInputSchema, { ...validItem, endTime: '09:00' })).toEqual({ endTime: 'date_before_start' });
		// Ends the next day: fine (a night train).
		expect(errorsOf(programmeItemInputSchema, { ...validItem, endDate: '2026-03-29', endTime: '07:00' })).toEqual({});
		expect(errorsOf(programmeItemInputSchema, { ...validItem, capacity: '-1' })).toEqual({ capacity: 'invalid_number' });
		expect(errorsOf(programmeItemInputSchema, { ...validItem, capacity: '0' })).toEqual({});
		expect(errorsOf(programmeItemInputSchema, { ...validItem, capacity: 'quinze' })).toEqual({ capacity: 'invalid_number' });
		expect(errorsOf(programmeItemInputSchema, { ...validItem, startDate: '' })).toEqual({ startDate: 'required' });
		expect(errorsOf(programmeItemInputSchema, { ...validItem, kind: 'party' })).toEqual({ kind: 'invalid_choice' });
		expect(programmeItemInputSchema.parse({ ...validItem, capacity: '15', 'theme:artificial-intelligence': 'on' })).toMatchObject({ capacity: 15, endDate: '2026-03-28', themeKeys: ['artificial-intelligence'] });
	});
});

describe('programme days', () => {
	it('groups items by their day in the host zone, not in UTC', () => {
		// 00:30 in Seoul on 25 September is still 24 September in UTC.
		const items = [
			{ id: 'b', startsAt: '2024-09-24T15:30:00.000Z' },
			{ id: 'a', startsAt: '2024-09-24T01:00:00.000Z' }
		];
		expect(groupByLocalDay(items, 'Asia/Seoul').map((day) => [day.date, day.items.map((item) => item.id)])).toEqual([
			['2024-09-24', ['a']],
			['2024-09-25', ['b']]
		]);
	});

	it('moves a programme by whole days, keeping local times across a daylight-saving change', () => {
		expect(daysBetween('2023-06-02', '2024-09-24')).toBe(480);
		expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
		// 09:00 in Paris on Friday 24 March 2023 (winter, UTC+1), moved one week on: 09:00 on 31 March (summer, UTC+2).
		const [moved] = shiftItems([{ startsAt: '2023-03-24T08:00:00.000Z', endsAt: '2023-03-24T11:00:00.000Z' }], { zone: 'Europe/Paris', firstDay: '2023-03-24' }, { zone: 'Europe/Paris', firstDay: '2023-03-31' });
		expect(moved).toEqual({ startsAt: '2023-03-31T07:00:00.000Z', endsAt: '2023-03-31T10:00:00.000Z' });
		// From a forum in France to one in Korea: 10:00 local stays 10:00 local.
		const [toSeoul] = shiftItems([{ startsAt: '2023-06-02T08:00:00.000Z', endsAt: '2023-06-02T09:00:00.000Z' }], { zone: 'Europe/Paris', firstDay: '2023-06-02' }, { zone: 'Asia/Seoul', firstDay: '2024-09-24' });
		expect(toSeoul).toEqual({ startsAt: '2024-09-24T01:00:00.000Z', endsAt: '2024-09-24T02:00:00.000Z' });
	});
});

describeEachDatabase('forums', (setup) => {
	const actors: Record<string, Actor> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	const forumInput = (fields: Record<string, string>) => forumInputSchema.parse({ ...validForum, ...fields });
	const itemInput = (fields: Record<string, string>) => programmeItemInputSchema.parse({ ...validItem, ...fields });
	const organisationId = async (nameFr: string) => (await setup.context.db.selectFrom('organisation').select('id').where('name_fr', '=', nameFr).executeTakeFirstOrThrow()).id;
	const changes = (forumId: string) => setup.context.db.selectFrom('change_log').selectAll().where('entity_type', '=', 'forum').where('entity_id', '=', forumId).orderBy('at').execute();

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test');
		actors.partner = await actorFor('partner@demo.dari.test');
		const japon = await setup.context.db.selectFrom('country_group').select('id').where('slug', '=', 'japon').executeTakeFirstOrThrow();
		// A member of another group: sees nothing of this one.
		actors.otherGroupMember = { kind: 'user', userId: 'japon-member', isAdministrator: false, groupRoles: { [japon.id]: 'member' } };
		actors.otherGroupCoordinator = { kind: 'user', userId: 'japon-coordinator', isAdministrator: false, groupRoles: { [japon.id]: 'coordinator' } };
	});

	it('lists the demo editions, newest first, with their hosts, dates and status', async () => {
		const list = await listForums(setup.context, actors.member, 'coree');
		if (!list.ok) throw new Error(list.reason);
		expect(list.value.canManage).toBe(false);
		expect(list.value.forums.map((forum) => [forum.number, forum.hostCountry, forum.startsOn, forum.endsOn, forum.status])).toEqual([
			[2, 'KR', null, null, 'choosing-dates'],
			[1, 'FR', '2023-06-02', '2023-06-08', 'report']
		]);
		expect(list.value.forums[1].hosts.map((host) => host.name.fr)).toEqual(['Issy-les-Moulineaux', 'Région Auvergne-Rhône-Alpes', 'Métropole de Lyon', 'Nice']);
		expect(list.value.forums[0].hosts.map((host) => host.name.ko)).toEqual(['대한민국시도지사협의회', '서울특별시 서초구']);
	});

	it('lets only those who may view the group see its forums; a number that is not a forum is not found', async () => {
		expect(await listForums(setup.context, anonymous, 'coree')).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await listForums(setup.context, actors.otherGroupMember, 'coree')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getForumOfGroup(setup.context, actors.otherGroupMember, 'coree', '1')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getForumOfGroup(setup.context, actors.member, 'coree', '9')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getForumOfGroup(setup.context, actors.member, 'coree', 'abc')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getForumOfGroup(setup.context, actors.member, 'japon', '1')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		const partner = await getForumOfGroup(setup.context, actors.partner, 'coree', '2');
		expect(partner.ok && partner.value.forum.id).toBe(DEMO_SECOND_FORUM_ID);
		expect(partner.ok && partner.value.canManageForum).toBe(false);
	});

	it('shows the 1st forum with its report and places, and its programme to members (status report)', async () => {
		const overview = await getForumOverview(setup.context, actors.member, 'coree', '1');
		if (!overview.ok) throw new Error(overview.reason);
		expect(overview.value.places.map((place) => place.nameFr)).toEqual(['Issy-les-Moulineaux', 'Campus numérique Auvergne-Rhône-Alpes', 'Grand Lyon', 'Nice']);
		expect(overview.value.report.fr).toContain('Centre de supervision urbain');
		const programme = await getProgramme(setup.context, actors.member, 'coree', '1');
		if (!programme.ok) throw new Error(programme.reason);
		expect(programme.value.visible).toBe(true);
		expect(programme.value.days.map((day) => day.date)).toEqual(['2023-06-02', '2023-06-05', '2023-06-06', '2023-06-07', '2023-06-08']);
		// 10:00 in Paris in June (UTC+2).
		expect(programme.value.days[0].items[0].startsAt).toBe('2023-06-02T08:00:00.000Z');
		expect(programme.value.organisations).toEqual([]);
	});

	it('keeps the 2nd forum programme from members until it is published; coordinators see its four field visits of 15 places', async () => {
		const forMember = await getProgramme(setup.context, actors.member, 'coree', '2');
		expect(forMember.ok && forMember.value.visible).toBe(false);
		expect(forMember.ok && forMember.value.days).toEqual([]);
		const forCoordinator = await getProgramme(setup.context, actors.coordinator, 'coree', '2');
		if (!forCoordinator.ok) throw new Error(forCoordinator.reason);
		expect(forCoordinator.value.days.map((day) => day.date)).toEqual(['2024-09-24', '2024-09-25', '2024-09-26']);
		const visits = forCoordinator.value.days.flatMap((day) => day.items).filter((item) => item.kind === 'field-visit');
		expect(visits.map((visit) => [visit.id, visit.capacity, visit.themeKeys])).toEqual(DEMO_FIELD_VISITS.map((visit) => [demoProgrammeItemId(2, visit.position), DEMO_VISIT_CAPACITY, [visit.theme]]));
		// Two half-day slots: 09:00–12:00 and 14:00–17:00 in Seoul.
		expect(new Set(visits.map((visit) => visit.startsAt))).toEqual(new Set(['2024-09-26T00:00:00.000Z', '2024-09-26T05:00:00.000Z']));
		expect(forCoordinator.value.copySources.map((source) => source.number)).toEqual([1]);
		// The forum's hosts come first among the organisations to choose from.
		expect(forCoordinator.value.organisations.slice(0, 2).map((organisation) => organisation.name.ko)).toEqual(['대한민국시도지사협의회', '서울특별시 서초구']);
	});

	it('creates an edition for coordinators only: unique number, France or the group country, the country zone by default, hosts from the directory; logged', async () => {
		const issy = await organisationId('Issy-les-Moulineaux');
		const form = await getForumForm(setup.context, actors.coordinator, 'coree', null);
		if (!form.ok) throw new Error(form.reason);
		// After a forum in Korea, the next one is in France.
		// The zone is left to follow the country.
		expect(form.value.values).toMatchObject({ number: '3', hostCountry: 'FR', hostTimezone: '' });
		expect(form.value.hostCountries).toEqual(['FR', 'KR']);
		expect(form.value.organisations.some((organisation) => organisation.id === issy)).toBe(true);

		for (const actor of [actors.member, actors.partner, actors.otherGroupCoordinator]) {
			expect(await createForum(setup.context, actor, 'coree', forumInput({}))).toEqual({ ok: false, reason: 'FORBIDDEN' });
			expect(await getForumForm(setup.context, actor, 'coree', null)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		}
		expect(await createForum(setup.context, anonymous, 'coree', forumInput({}))).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await createForum(setup.context, actors.coordinator, 'coree', forumInput({ number: '2' }))).toEqual({ ok: false, reason: 'NUMBER_TAKEN', field: 'number' });
		expect(await createForum(setup.context, actors.coordinator, 'coree', forumInput({ hostCountry: 'JP' }))).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'hostCountry' });
		expect(await createForum(setup.context, actors.coordinator, 'coree', forumInput({ 'host:00000000-0000-4000-8000-ffffffffffff': 'on' }))).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'hosts' });

		setup.context.clock.set('2026-11-28T10:00:00.000Z');
		const created = await createForum(setup.context, actors.coordinator, 'coree', forumInput({ [`host:${issy}`]: 'on', places: 'Issy-les-Moulineaux | 이시레물리노', startsOn: '2026-03-25', endsOn: '2026-04-01' }));
		expect(created).toEqual({ ok: true, value: { number: 3 } });
		const overview = await getForumOverview(setup.context, actors.member, 'coree', '3');
		if (!overview.ok) throw new Error(overview.reason);
		expect(overview.value.forum).toMatchObject({ hostCountry: 'FR', hostTimezone: 'Europe/Paris', startsOn: '2026-03-25', endsOn: '2026-04-01', status: 'idea' });
		expect(overview.value.hosts.map((host) => host.id)).toEqual([issy]);
		// A place named like a host is linked to it.
		expect(overview.value.places).toEqual([{ nameFr: 'Issy-les-Moulineaux', nameKo: '이시레물리노', organisationId: issy }]);
		const log = await changes(overview.value.forum.id);
		expect(log.map((entry) => [entry.action, entry.user_id])).toEqual([['create', (actors.coordinator as { userId: string }).userId]]);

		// In Korea, the zone defaults to Seoul's.
		expect(await createForum(setup.context, actors.coordinator, 'coree', forumInput({ number: '4', hostCountry: 'KR' }))).toEqual({ ok: true, value: { number: 4 } });
		const fourth = await getForumOfGroup(setup.context, actors.coordinator, 'coree', '4');
		expect(fourth.ok && fourth.value.forum.hostTimezone).toBe('Asia/Seoul');
	});

	it('updates an edition and logs what changed; refuses to take another edition number', async () => {
		const form = await getForumForm(setup.context, actors.coordinator, 'coree', '4');
		if (!form.ok) throw new Error(form.reason);
		// Seoul is Korea's own zone: the form leaves it to follow the country.
		expect(form.value.values).toMatchObject({ hostCountry: 'KR', hostTimezone: '' });
		expect(await updateForum(setup.context, actors.coordinator, 'coree', '4', forumInput({ ...form.value.values, number: '1' }))).toEqual({ ok: false, reason: 'NUMBER_TAKEN', field: 'number' });
		expect(await updateForum(setup.context, actors.member, 'coree', '4', forumInput(form.value.values))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await updateForum(setup.context, actors.coordinator, 'coree', '44', forumInput(form.value.values))).toEqual({ ok: false, reason: 'NOT_FOUND' });
		setup.context.clock.set('2026-11-28T11:00:00.000Z');
		const updated = await updateForum(setup.context, actors.coordinator, 'coree', '4', forumInput({ ...form.value.values, status: 'choosing-dates', themeFr: 'Mobilité durable' }));
		expect(updated).toEqual({ ok: true, value: { number: 4 } });
		const forum = await getForumOfGroup(setup.context, actors.coordinator, 'coree', '4');
		if (!forum.ok) throw new Error(forum.reason);
		expect(forum.value.forum).toMatchObject({ status: 'choosing-dates', theme: { fr: 'Mobilité durable', ko: '' } });
		const log = await changes(forum.value.forum.id);
		expect(log.map((entry) => entry.action)).toEqual(['create', 'update']);
		expect(JSON.parse(log[1].changes)).toEqual({ theme_fr: ['', 'Mobilité durable'], status: ['idea', 'choosing-dates'] });
	});

	it('adds, edits and removes programme items in the host zone, across the March daylight-saving change in France', async () => {
		const themes = { 'theme:waste-management': 'on' };
		// Forum 3 is in France from 25 March to 1 April 2026; summer time starts on Sunday 29 March.
		const before = await addProgrammeItem(setup.context, actors.coordinator, 'coree', '3', itemInput({ kind: 'field-visit', startDate: '2026-03-27', startTime: '09:00', endTime: '12:00', capacity: '15', ...themes }));
		const after = await addProgrammeItem(setup.context, actors.coordinator, 'coree', '3', itemInput({ kind: 'field-visit', startDate: '2026-03-30', startTime: '09:00', endTime: '12:00', capacity: '0' }));
		if (!before.ok || !after.ok) throw new Error('not added');
		const programme = await getProgramme(setup.context, actors.coordinator, 'coree', '3');
		if (!programme.ok) throw new Error(programme.reason);
		const items = programme.value.days.flatMap((day) => day.items);
		// 09:00 in Paris is 08:00 UTC in winter, 07:00 UTC in summer.
		expect(items.map((item) => [item.startsAt, item.endsAt, item.capacity, item.themeKeys])).toEqual([
			['2026-03-27T08:00:00.000Z', '2026-03-27T11:00:00.000Z', 15, ['waste-management']],
			['2026-03-30T07:00:00.000Z', '2026-03-30T10:00:00.000Z', 0, []]
		]);
		// 02:30 on 29 March does not exist in Paris: read as 03:30 summer time, the same instant as 03:00 — not after it.
		expect(await addProgrammeItem(setup.context, actors.coordinator, 'coree', '3', itemInput({ startDate: '2026-03-29', startTime: '02:30', endTime: '03:00' }))).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'endTime' });
		expect(await addProgrammeItem(setup.context, actors.coordinator, 'coree', '3', itemInput({ 'theme:unknown-theme': 'on' }))).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'themes' });
		expect(await addProgrammeItem(setup.context, actors.coordinator, 'coree', '3', itemInput({ hostOrganisationId: '00000000-0000-4000-8000-ffffffffffff' }))).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'hostOrganisationId' });
		expect(await addProgrammeItem(setup.context, actors.member, 'coree', '3', itemInput({}))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await addProgrammeItem(setup.context, actors.otherGroupCoordinator, 'coree', '3', itemInput({}))).toEqual({ ok: false, reason: 'FORBIDDEN' });

		const form = await getProgrammeItemForm(setup.context, actors.coordinator, 'coree', '3', after.value.itemId);
		if (!form.ok) throw new Error(form.reason);
		expect(form.value.values).toMatchObject({ startDate: '2026-03-30', startTime: '09:00', endDate: '2026-03-30', endTime: '12:00', capacity: '0' });
		// An item is found only under its own forum.
		expect(await getProgrammeItemForm(setup.context, actors.coordinator, 'coree', '1', after.value.itemId)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await updateProgrammeItem(setup.context, actors.coordinator, 'coree', '3', after.value.itemId, itemInput({ ...form.value.values, startTime: '10:00', capacity: '', 'theme:sport': 'on' }))).toEqual({ ok: true, value: null });
		const changed = await getProgramme(setup.context, actors.coordinator, 'coree', '3');
		const changedItem = changed.ok ? changed.value.days.flatMap((day) => day.items).find((item) => item.id === after.value.itemId) : undefined;
		expect(changedItem).toMatchObject({ startsAt: '2026-03-30T08:00:00.000Z', capacity: null, themeKeys: ['sport'] });

		expect(await deleteProgrammeItem(setup.context, actors.member, 'coree', '3', after.value.itemId)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await deleteProgrammeItem(setup.context, actors.coordinator, 'coree', '3', after.value.itemId)).toEqual({ ok: true, value: null });
		expect(await deleteProgrammeItem(setup.context, actors.coordinator, 'coree', '3', after.value.itemId)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		const left = await getProgramme(setup.context, actors.coordinator, 'coree', '3');
		expect(left.ok && left.value.days.flatMap((day) => day.items).map((item) => item.id)).toEqual([before.value.itemId]);
		// Members do not see forum 3's programme (status idea) until it is published.
		const forMember = await getProgramme(setup.context, actors.member, 'coree', '3');
		expect(forMember.ok && forMember.value.days).toEqual([]);
	});

	it('starts a programme from a previous edition: shifted so its first day lands on this forum first day, local times kept', async () => {
		// Forum 4 (Korea) has no dates yet: refused.
		expect(await copyProgrammeFrom(setup.context, actors.coordinator, 'coree', '4', 1)).toEqual({ ok: false, reason: 'NO_DATES' });
		expect(await copyProgrammeFrom(setup.context, actors.member, 'coree', '3', 1)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await copyProgrammeFrom(setup.context, actors.coordinator, 'coree', '3', 9)).toEqual({ ok: false, reason: 'NOT_FOUND', field: 'fromNumber' });
		expect(await copyProgrammeFrom(setup.context, actors.coordinator, 'coree', '3', 3)).toEqual({ ok: false, reason: 'NOT_FOUND', field: 'fromNumber' });
		expect(await copyProgrammeFrom(setup.context, actors.coordinator, 'coree', '1', 4)).toEqual({ ok: false, reason: 'EMPTY_SOURCE', field: 'fromNumber' });
		expect(copyProgrammeSchema.safeParse({ fromNumber: '' }).success).toBe(false);

		const form = await getForumForm(setup.context, actors.coordinator, 'coree', '4');
		if (!form.ok) throw new Error(form.reason);
		expect(await updateForum(setup.context, actors.coordinator, 'coree', '4', forumInput({ ...form.value.values, startsOn: '2027-09-14', endsOn: '2027-09-20' }))).toEqual({ ok: true, value: { number: 4 } });
		// The 1st forum (Paris, 2 June 2023 first day) into the 4th (Seoul, 14 September 2027).
		expect(await copyProgrammeFrom(setup.context, actors.coordinator, 'coree', '4', 1)).toEqual({ ok: true, value: { copied: 8 } });
		const copied = await getProgramme(setup.context, actors.coordinator, 'coree', '4');
		if (!copied.ok) throw new Error(copied.reason);
		expect(copied.value.days.map((day) => day.date)).toEqual(['2027-09-14', '2027-09-17', '2027-09-18', '2027-09-19', '2027-09-20']);
		const first = copied.value.days[0].items;
		// 10:00–11:00 and 14:00–17:00 in Seoul (UTC+9), as they were in Paris.
		expect(first.map((item) => [item.title.fr, item.startsAt, item.endsAt])).toEqual([
			["Accueil de la délégation coréenne à Issy-les-Moulineaux", '2027-09-14T01:00:00.000Z', '2027-09-14T02:00:00.000Z'],
			["Visite des éco-quartiers du Cœur de ville et du Fort d'Issy", '2027-09-14T05:00:00.000Z', '2027-09-14T08:00:00.000Z']
		]);
		expect(first[1].themeKeys).toEqual(['smart-city', 'waste-management']);
		expect(first[1].host?.name.fr).toBe('Issy-les-Moulineaux');

		// Forum 3 (France, first day 25 March 2026, before the change to summer time) from forum 4:
		// its first day's 10:00 in Seoul becomes 10:00 in Paris (09:00 UTC), the 4th day's 10:00 is after the change (08:00 UTC).
		expect(await copyProgrammeFrom(setup.context, actors.coordinator, 'coree', '3', 4)).toEqual({ ok: true, value: { copied: 8 } });
		const third = await getProgramme(setup.context, actors.coordinator, 'coree', '3');
		if (!third.ok) throw new Error(third.reason);
		const welcome = third.value.days.flatMap((day) => day.items).filter((item) => item.kind === 'welcome' || item.kind === 'institutional-meeting');
		expect(welcome.map((item) => item.startsAt)).toEqual(['2026-03-25T09:00:00.000Z', '2026-03-30T08:00:00.000Z']);
		const log = await changes(copied.value.forum.id);
		expect(JSON.parse(log.at(-1)!.changes)).toEqual({ programmeCopiedFrom: [null, { number: 1, items: 8 }] });
	});
});
