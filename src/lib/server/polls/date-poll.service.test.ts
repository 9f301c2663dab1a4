import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { insertUser } from '../auth/auth.repository';
import { anonymous, type Actor, type LinkGuest } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { hashPassword } from '../auth/password';
import { demoIds, insertTestForum, must, signedInActor } from './poll-test-support';
import { newId } from '../shared/identifier';
import {
	addDatePollOption,
	answerDatePoll,
	closeDatePoll,
	getDatePoll,
	moveDatePollOption,
	openDatePoll,
	optionCalendar,
	removeDatePollOption,
	saveDatePollSettings,
	updateDatePollOption
} from './date-poll.service';
import { datePollAnswerSchema, datePollOptionSchema, datePollSettingsSchema } from './poll.schema';
import { formatDayRange } from '../../components/polls/day-range';

const errorsOf = (fields: Record<string, string>) => {
	const parsed = datePollOptionSchema.safeParse(fields);
	if (parsed.success) return {};
	// The first message per field, as parseForm shows it.
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
	return errors;
};

describe('date poll input and display', () => {
	it('refuses a range that ends before it starts; one day needs no end', () => {
		expect(errorsOf({ startsOn: '2024-09-26', endsOn: '2024-09-24' })).toEqual({ endsOn: 'date_before_start' });
		expect(errorsOf({ startsOn: '2024-09-24', endsOn: '2024-02-30' })).toEqual({ endsOn: 'invalid_date' });
		expect(errorsOf({ startsOn: '' })).toEqual({ startsOn: 'required' });
		expect(datePollOptionSchema.parse({ startsOn: '2024-09-24' })).toMatchObject({ startsOn: '2024-09-24', endsOn: '2024-09-24' });
		expect(datePollSettingsSchema.safeParse({ closesDate: '2024-03-01', closesTime: '18:00', closesTimezone: 'Mars/Olympus' }).success).toBe(false);
		expect(datePollAnswerSchema.safeParse({ 'choice:x': 'perhaps' }).success).toBe(false);
	});

	it('writes an option as the minutes do, in each language', () => {
		expect(formatDayRange('2024-09-24', '2024-09-26', 'fr')).toBe('mardi 24 – jeudi 26 septembre 2024');
		expect(formatDayRange('2024-09-29', '2024-10-01', 'fr')).toBe('dimanche 29 septembre – mardi 1 octobre 2024');
		expect(formatDayRange('2024-09-24', '2024-09-26', 'ko')).toBe('2024년 9월 24일 화요일 ~ 26일 목요일');
		expect(formatDayRange('2024-09-24', '2024-09-24', 'en')).toBe('Tuesday, September 24, 2024');
	});

	it('notes the holidays of both countries within three days of an option, and the weekends', () => {
		// 24–26 Sept 2024: Chuseok (16–18 Sept) is more than three days before: only the weekends around.
		const first = optionCalendar('2024-09-24', '2024-09-26', false).days;
		expect(first.flatMap((day) => day.holidays)).toEqual([]);
		expect(first.map((day) => [day.date, day.weekend, day.inside])).toEqual([
			['2024-09-21', true, false],
			['2024-09-22', true, false],
			['2024-09-28', true, false],
			['2024-09-29', true, false]
		]);
		// 29 Sept – 1 Oct 2024: a Sunday inside, Armed Forces Day (a temporary holiday in 2024) inside, National Foundation Day on 3 Oct around.
		const second = optionCalendar('2024-09-29', '2024-10-01', false).days;
		expect(second.filter((day) => day.holidays.length).map((day) => [day.date, day.inside, day.holidays.map((holiday) => `${holiday.country} ${holiday.kind}`)])).toEqual([
			['2024-10-01', true, ['KR temporary']],
			['2024-10-03', false, ['KR public']]
		]);
		expect(second.find((day) => day.date === '2024-09-29')).toMatchObject({ weekend: true, inside: true });
		// 19–20 Sept 2024: Chuseok ends on the 18th, within three days.
		expect(optionCalendar('2024-09-19', '2024-09-20', false).days.filter((day) => day.holidays.length).map((day) => day.date)).toEqual(['2024-09-16', '2024-09-17', '2024-09-18']);
		// Alsace-Moselle's 26 December only when asked; French holidays too (Christmas).
		const christmas = (alsace: boolean) => optionCalendar('2025-12-23', '2025-12-23', alsace).days.flatMap((day) => day.holidays.map((holiday) => `${holiday.date} ${holiday.country}`));
		expect(christmas(false)).toEqual(['2025-12-25 FR', '2025-12-25 KR']);
		expect(christmas(true)).toEqual(['2025-12-25 FR', '2025-12-25 KR', '2025-12-26 FR']);
		// Lunar holidays of years after the official list are computed and marked provisional.
		const seollal2029 = optionCalendar('2029-02-12', '2029-02-14', false).days.flatMap((day) => day.holidays).filter((holiday) => holiday.country === 'KR');
		expect(seollal2029.length).toBeGreaterThan(0);
		expect(seollal2029.every((holiday) => holiday.provisional)).toBe(true);
		expect(optionCalendar('2029-02-12', '2029-02-14', false).unknownCountries).toEqual([]);
		// Korea's list starts in 2018: an option in 2016 says its Korean holidays are not known.
		expect(optionCalendar('2016-09-14', '2016-09-16', false).unknownCountries).toEqual(['KR']);
	});
});

describeEachDatabase('date poll', (setup) => {
	const actors: Record<string, Actor> = {};
	const ids: Record<string, string> = {};
	const mail = { origin: 'https://dari.test' };
	const actorFor = (email: string) => signedInActor(setup.context, email);
	let forumCounter = 40;
	const newForum = (slug = 'coree') => insertTestForum(setup.context, ids[`group:${slug}`], ++forumCounter);
	const settings = (closesDate = '2024-03-15', closesTime = '18:00', closesTimezone = 'Europe/Paris') =>
		datePollSettingsSchema.parse({ closesDate, closesTime, closesTimezone });
	const answer = (fields: Record<string, string>) => datePollAnswerSchema.parse(fields);
	/** An open poll with the reference's two options, answers until 15 March 2024 18:00 Paris. */
	const openPoll = async () => {
		const number = await newForum();
		must(await saveDatePollSettings(setup.context, actors.coordinator, 'coree', number, settings()));
		const first = must(await addDatePollOption(setup.context, actors.coordinator, 'coree', number, datePollOptionSchema.parse({ startsOn: '2024-09-24', endsOn: '2024-09-26', reasonFr: 'Après Chuseok' }))).optionId;
		const second = must(await addDatePollOption(setup.context, actors.coordinator, 'coree', number, datePollOptionSchema.parse({ startsOn: '2024-09-29', endsOn: '2024-10-01' }))).optionId;
		must(await openDatePoll(setup.context, actors.coordinator, 'coree', number));
		return { number, first, second };
	};

	beforeAll(async () => {
		setup.context.clock.set('2024-02-28T09:00:00.000Z');
		await loadDemoData(setup.context);
		const db = setup.context.db;
		Object.assign(ids, await demoIds(setup.context));
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test'); // Louise COULON, Nantes Métropole
		actors.partner = await actorFor('partner@demo.dari.test'); // MEAE: a partner, not asked
		actors.outsider = { kind: 'user', userId: 'nobody', isAdministrator: false, groupRoles: {} };
		// Two people of Issy-les-Moulineaux with accounts: either may change Issy's one answer.
		const passwordHash = await hashPassword(DEMO_PASSWORD);
		for (const family of ['LEGALE', 'SEDDIKI']) {
			const person = await db.selectFrom('person').select(['id']).where('family_name', '=', family).executeTakeFirstOrThrow();
			await insertUser(db, {
				id: newId(),
				email: `${family.toLowerCase()}@issy.test`,
				name: family,
				preferred_language: 'fr',
				password_hash: passwordHash,
				is_administrator: 0,
				person_id: person.id,
				created_at: '2024-01-01T00:00:00.000Z',
				email_verified_at: null
			});
			actors[family] = await actorFor(`${family.toLowerCase()}@issy.test`);
		}
	});

	it('shows the demo: the 2nd forum\'s two options of the minutes, the first after Chuseok, three answers', async () => {
		const page = must(await getDatePoll(setup.context, actors.member, 'coree', '2'));
		expect(page.poll!.options.map((option) => [option.rank, option.startsOn, option.endsOn, option.reason.fr])).toEqual([
			[1, '2024-09-24', '2024-09-26', 'Après la fête de Chuseok (la fête de la récolte en Corée)'],
			[2, '2024-09-29', '2024-10-01', '']
		]);
		expect(page.poll).toMatchObject({ status: 'open', acceptingAnswers: true, closesTimezone: 'Europe/Paris' });
		expect(page.poll!.organisations.filter((row) => row.answer).map((row) => row.answer!.answeredBy).sort()).toEqual(['Caroline MILLAN', 'Christina DABROWSKI', 'Louise COULON']);
		expect(page.poll!.options.map((option) => option.totals)).toEqual([
			{ yes: 2, 'if-need-be': 1, no: 0, unanswered: 2 },
			{ yes: 1, 'if-need-be': 1, no: 1, unanswered: 2 }
		]);
		// The second option holds Korea's 2024 Armed Forces Day (a temporary holiday); the first none.
		expect(page.poll!.options[0].calendar.days.flatMap((day) => day.holidays)).toEqual([]);
		expect(page.poll!.options[1].calendar.days.flatMap((day) => day.holidays.map((holiday) => holiday.date))).toEqual(['2024-10-01', '2024-10-03']);
	});

	it('opens a poll only with options and a closing time to come, and moves the forum to choosing dates', async () => {
		const number = await newForum();
		expect(await openDatePoll(setup.context, actors.coordinator, 'coree', number)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		must(await saveDatePollSettings(setup.context, actors.coordinator, 'coree', number, settings('2024-02-20')));
		expect(await openDatePoll(setup.context, actors.coordinator, 'coree', number)).toEqual({ ok: false, reason: 'CLOSING_TIME_PAST', field: 'closesDate' });
		must(await saveDatePollSettings(setup.context, actors.coordinator, 'coree', number, settings('2024-03-15', '18:00', 'Asia/Seoul')));
		expect(await openDatePoll(setup.context, actors.coordinator, 'coree', number)).toEqual({ ok: false, reason: 'NO_OPTIONS' });
		const option = must(await addDatePollOption(setup.context, actors.coordinator, 'coree', number, datePollOptionSchema.parse({ startsOn: '2024-09-24', endsOn: '2024-09-26' })));
		// The service refuses a reversed range whatever the caller.
		expect(await addDatePollOption(setup.context, actors.coordinator, 'coree', number, { startsOn: '2024-09-26', endsOn: '2024-09-24', reasonFr: '', reasonKo: '' })).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'endsOn' });
		must(await openDatePoll(setup.context, actors.coordinator, 'coree', number));
		const page = must(await getDatePoll(setup.context, actors.member, 'coree', number));
		// 18:00 in Seoul is 09:00 UTC.
		expect(page.poll).toMatchObject({ status: 'open', closesAt: '2024-03-15T09:00:00.000Z', closesTimezone: 'Asia/Seoul', acceptingAnswers: true, openedAt: '2024-02-28T09:00:00.000Z' });
		const forum = await setup.context.db.selectFrom('forum').select('status').where('number', '=', Number(number)).executeTakeFirstOrThrow();
		expect(forum.status).toBe('choosing-dates');
		// Options are fixed once answers come in; a closing time cannot move into the past.
		expect(await removeDatePollOption(setup.context, actors.coordinator, 'coree', number, option.optionId)).toEqual({ ok: false, reason: 'OPTIONS_LOCKED' });
		expect(await saveDatePollSettings(setup.context, actors.coordinator, 'coree', number, settings('2024-02-27'))).toEqual({ ok: false, reason: 'CLOSING_TIME_PAST', field: 'closesDate' });
	});

	it('ranks options in the order the coordinator gives them', async () => {
		const number = await newForum();
		must(await saveDatePollSettings(setup.context, actors.coordinator, 'coree', number, settings()));
		const a = must(await addDatePollOption(setup.context, actors.coordinator, 'coree', number, datePollOptionSchema.parse({ startsOn: '2024-09-29', endsOn: '2024-10-01' }))).optionId;
		const b = must(await addDatePollOption(setup.context, actors.coordinator, 'coree', number, datePollOptionSchema.parse({ startsOn: '2024-09-24', endsOn: '2024-09-26', reasonFr: 'Après Chuseok', reasonKo: '추석 이후' }))).optionId;
		expect(await moveDatePollOption(setup.context, actors.coordinator, 'coree', number, b, 'up')).toEqual({ ok: true, value: { rank: 1 } });
		const page = must(await getDatePoll(setup.context, actors.coordinator, 'coree', number));
		expect(page.poll!.options.map((option) => [option.id, option.rank, option.reason.ko])).toEqual([
			[b, 1, '추석 이후'],
			[a, 2, '']
		]);
		// An option's days and reasons can change while the poll is a draft; never into a reversed range.
		must(await updateDatePollOption(setup.context, actors.coordinator, 'coree', number, a, datePollOptionSchema.parse({ startsOn: '2024-09-30', reasonKo: '개천절 전' })));
		expect(await updateDatePollOption(setup.context, actors.coordinator, 'coree', number, a, { startsOn: '2024-10-02', endsOn: '2024-10-01', reasonFr: '', reasonKo: '' })).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'endsOn' });
		expect(await updateDatePollOption(setup.context, actors.coordinator, 'coree', number, 'not-an-option', datePollOptionSchema.parse({ startsOn: '2024-09-30' }))).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(must(await getDatePoll(setup.context, actors.coordinator, 'coree', number)).poll!.options[1]).toMatchObject({ id: a, startsOn: '2024-09-30', endsOn: '2024-09-30', reason: { fr: '', ko: '개천절 전' } });
		must(await removeDatePollOption(setup.context, actors.coordinator, 'coree', number, b));
		expect(must(await getDatePoll(setup.context, actors.coordinator, 'coree', number)).poll!.options.map((option) => option.rank)).toEqual([1]);
	});

	it('keeps one answer per organisation, which any of its people changes until the poll closes', async () => {
		const { number, first, second } = await openPoll();
		must(await answerDatePoll(setup.context, actors.member, 'coree', number, answer({ [`choice:${first}`]: 'yes', [`choice:${second}`]: 'no', comment: 'Notre maire est disponible' })));
		must(await answerDatePoll(setup.context, actors.LEGALE, 'coree', number, answer({ [`choice:${first}`]: 'no', [`choice:${second}`]: 'yes' })));
		setup.context.clock.set('2024-03-01T10:00:00.000Z');
		must(await answerDatePoll(setup.context, actors.SEDDIKI, 'coree', number, answer({ [`choice:${first}`]: 'if-need-be', [`choice:${second}`]: 'yes', comment: 'Plutôt la seconde' })));
		const page = must(await getDatePoll(setup.context, actors.member, 'coree', number));
		const issy = page.poll!.organisations.find((row) => row.organisation.id === ids['Issy-les-Moulineaux'])!;
		expect(issy.answer).toEqual({ comment: 'Plutôt la seconde', answeredAt: '2024-03-01T10:00:00.000Z', answeredBy: 'Samira SEDDIKI', choices: { [first]: 'if-need-be', [second]: 'yes' } });
		const rows = await setup.context.db.selectFrom('date_poll_answer').select('organisation_id').where('poll_id', '=', page.poll!.id).execute();
		expect(rows.map((row) => row.organisation_id).sort()).toEqual([ids['Issy-les-Moulineaux'], ids['Nantes Métropole']].sort());
		// Five member organisations are asked: Nantes and Issy answered, three did not.
		expect(page.poll!.organisations).toHaveLength(5);
		expect(page.poll!.options.map((option) => option.totals)).toEqual([
			{ yes: 1, 'if-need-be': 1, no: 0, unanswered: 3 },
			{ yes: 1, 'if-need-be': 0, no: 1, unanswered: 3 }
		]);
		expect(page.ownOrganisationId).toBe(ids['Nantes Métropole']);
		// Every option needs an answer.
		expect(await answerDatePoll(setup.context, actors.member, 'coree', number, answer({ [`choice:${first}`]: 'yes' }))).toEqual({ ok: false, reason: 'INVALID_FIELD', field: `choice:${second}` });
		setup.context.clock.set('2024-02-28T09:00:00.000Z');
	});

	it('refuses answers from the closing time on, with a fixed clock', async () => {
		const { number, first, second } = await openPoll();
		const both = answer({ [`choice:${first}`]: 'yes', [`choice:${second}`]: 'yes' });
		// 15 March 2024 18:00 in Paris is 17:00 UTC.
		setup.context.clock.set('2024-03-15T16:59:59.000Z');
		expect((await answerDatePoll(setup.context, actors.member, 'coree', number, both)).ok).toBe(true);
		setup.context.clock.set('2024-03-15T17:00:00.000Z');
		expect(await answerDatePoll(setup.context, actors.member, 'coree', number, both)).toEqual({ ok: false, reason: 'POLL_CLOSED' });
		const page = must(await getDatePoll(setup.context, actors.member, 'coree', number));
		expect(page.poll).toMatchObject({ acceptingAnswers: false, closesAt: '2024-03-15T17:00:00.000Z' });
		setup.context.clock.set('2024-02-28T09:00:00.000Z');
	});

	it('lets the coordinator answer for an organisation; others only for their own; outsiders and other groups nothing', async () => {
		const { number, first, second } = await openPoll();
		const both = (extra: Record<string, string> = {}) => answer({ [`choice:${first}`]: 'yes', [`choice:${second}`]: 'no', ...extra });
		expect(await answerDatePoll(setup.context, actors.coordinator, 'coree', number, both({ organisationId: ids['Dijon'] }))).toEqual({ ok: true, value: { organisationId: ids['Dijon'] } });
		// The coordinator's own organisation (GAROK) is a partner, not asked: the coordinator must name one.
		expect(await answerDatePoll(setup.context, actors.coordinator, 'coree', number, both())).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'organisationId' });
		expect(await answerDatePoll(setup.context, actors.coordinator, 'coree', number, both({ organisationId: ids['Cités Unies France'] }))).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'organisationId' });
		expect(await answerDatePoll(setup.context, actors.member, 'coree', number, both({ organisationId: ids['Dijon'] }))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await answerDatePoll(setup.context, actors.partner, 'coree', number, both())).toEqual({ ok: false, reason: 'NOT_RESPONDENT' });
		expect(await answerDatePoll(setup.context, actors.outsider, 'coree', number, both())).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await answerDatePoll(setup.context, anonymous, 'coree', number, both())).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await getDatePoll(setup.context, actors.outsider, 'coree', number)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getDatePoll(setup.context, actors.member, 'coree', '999')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getDatePoll(setup.context, actors.member, 'coree', 'deux')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		// Members do not run the poll.
		expect(await saveDatePollSettings(setup.context, actors.member, 'coree', number, settings())).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await closeDatePoll(setup.context, actors.member, 'coree', number, first, mail)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await closeDatePoll(setup.context, actors.partner, 'coree', number, first, mail)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		// The Korea group's coordinator has no say in the Japan group's forum.
		const japan = await newForum('japon');
		expect(await saveDatePollSettings(setup.context, actors.coordinator, 'japon', japan, settings())).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getDatePoll(setup.context, actors.member, 'japon', japan)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		// A forum number of another group is not found in this one.
		expect(await getDatePoll(setup.context, actors.member, 'coree', japan)).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('lets a personal link answer for its organisation in its forum only, recording the person', async () => {
		const { number, first, second } = await openPoll();
		const forumId = (await setup.context.db.selectFrom('forum').select('id').where('number', '=', Number(number)).executeTakeFirstOrThrow()).id;
		const person = await setup.context.db.selectFrom('person').select('id').where('family_name', '=', 'FORT').executeTakeFirstOrThrow();
		const guest: LinkGuest = { kind: 'link-guest', personId: person.id, organisationId: ids['Dijon'], groupId: ids['group:coree'], forumId };
		const both = (extra: Record<string, string> = {}) => answer({ [`choice:${first}`]: 'if-need-be', [`choice:${second}`]: 'yes', ...extra });
		expect(await answerDatePoll(setup.context, guest, 'coree', number, both())).toEqual({ ok: true, value: { organisationId: ids['Dijon'] } });
		const page = must(await getDatePoll(setup.context, guest, 'coree', number));
		expect(page).toMatchObject({ canManage: false, ownOrganisationId: ids['Dijon'] });
		expect(page.poll!.organisations.find((row) => row.organisation.id === ids['Dijon'])!.answer).toMatchObject({ answeredBy: 'Bertrand FORT', choices: { [first]: 'if-need-be', [second]: 'yes' } });
		// Not for another organisation, nor another forum (the demo's 2nd).
		expect(await answerDatePoll(setup.context, guest, 'coree', number, both({ organisationId: ids['Nantes Métropole'] }))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getDatePoll(setup.context, guest, 'coree', '2')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getDatePoll(setup.context, guest, 'japon', number)).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('closes with the picked option: sets the forum dates and writes one e-mail per person, in their language', async () => {
		const { number, first, second } = await openPoll();
		must(await answerDatePoll(setup.context, actors.member, 'coree', number, answer({ [`choice:${first}`]: 'yes', [`choice:${second}`]: 'no' })));
		const before = await setup.context.db.selectFrom('outbox').select('id').execute();
		expect(await closeDatePoll(setup.context, actors.coordinator, 'coree', number, 'not-an-option', mail)).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'optionId' });
		setup.context.clock.set('2024-03-02T08:00:00.000Z');
		const closed = must(await closeDatePoll(setup.context, actors.coordinator, 'coree', number, first, mail));
		const forum = await setup.context.db.selectFrom('forum').selectAll().where('number', '=', Number(number)).executeTakeFirstOrThrow();
		expect([forum.starts_on, forum.ends_on]).toEqual(['2024-09-24', '2024-09-26']);
		const known = new Set(before.map((row) => row.id));
		const written = (await setup.context.db.selectFrom('outbox').selectAll().orderBy('to_address').execute()).filter((row) => !known.has(row.id));
		// Members and partners of the group with an address: their own, else their account's.
		expect(written.map((row) => row.to_address)).toEqual([
			'admin@demo.dari.test',
			'coordinator@demo.dari.test',
			'legale@issy.test',
			'member@demo.dari.test',
			'partner@demo.dari.test',
			'seddiki@issy.test',
			'service-international-crisis@cites-unies-france.org'
		]);
		expect(closed.emailed).toBe(7);
		const french = written.find((row) => row.to_address === 'member@demo.dari.test')!;
		expect(french.subject).toContain('mardi 24 – jeudi 26 septembre 2024');
		expect(french.text_body).toContain(`https://dari.test/fr/groups/coree/forums/${number}/poll`);
		const korean = written.find((row) => row.to_address === 'coordinator@demo.dari.test')!;
		expect(korean.subject).toContain('2024년 9월 24일 화요일 ~ 26일 목요일');
		const page = must(await getDatePoll(setup.context, actors.member, 'coree', number));
		expect(page.poll).toMatchObject({ status: 'closed', chosenOptionId: first, closedAt: '2024-03-02T08:00:00.000Z', acceptingAnswers: false });
		// Closed before its closing time: answers are refused all the same; closing again too.
		expect(await answerDatePoll(setup.context, actors.member, 'coree', number, answer({ [`choice:${first}`]: 'no', [`choice:${second}`]: 'yes' }))).toEqual({ ok: false, reason: 'POLL_CLOSED' });
		expect(await closeDatePoll(setup.context, actors.coordinator, 'coree', number, second, mail)).toEqual({ ok: false, reason: 'POLL_CLOSED' });
		setup.context.clock.set('2024-02-28T09:00:00.000Z');
	});

	it('shows each option with its holidays, Alsace-Moselle included when asked', async () => {
		const number = await newForum();
		must(await saveDatePollSettings(setup.context, actors.coordinator, 'coree', number, datePollSettingsSchema.parse({ closesDate: '2025-12-01', closesTime: '12:00', includeAlsaceMoselle: 'on' })));
		must(await addDatePollOption(setup.context, actors.coordinator, 'coree', number, datePollOptionSchema.parse({ startsOn: '2025-12-22', endsOn: '2025-12-23' })));
		const page = must(await getDatePoll(setup.context, actors.member, 'coree', number));
		expect(page.poll!.includeAlsaceMoselle).toBe(true);
		expect(page.poll!.options[0].calendar.days.flatMap((day) => day.holidays.map((holiday) => `${holiday.date} ${holiday.country} ${holiday.kind}`))).toEqual([
			'2025-12-25 FR public',
			'2025-12-25 KR public',
			'2025-12-26 FR regional'
		]);
	});
});
