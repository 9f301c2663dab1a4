import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor, LinkGuest } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { insertForum } from '../forums/forum.repository';
import { newId } from '../shared/identifier';
import { DAY } from '../shared/clock';
import { isBeforeDeadline } from './registration-forum';
import { exportRegistrations, getRegistrationDashboard } from './registration-dashboard.service';
import { registrationInputSchema, registrationRoundInputSchema } from './registration.schema';
import { getRegistrationPage, mergeConflictValues, openRegistrations, saveRegistration } from './registration.service';

const mail = { origin: 'https://dari.test' };

describe('the deadline rule', () => {
	it('allows a change strictly before the deadline instant, whatever zone it was written in', () => {
		const paris = '2024-03-15T22:59:00.000Z'; // 15 March 2024 23:59 in Paris (UTC+1)
		const seoul = '2024-03-15T14:59:00.000Z'; // 15 March 2024 23:59 in Seoul (UTC+9)
		expect(isBeforeDeadline(paris, new Date('2024-03-15T22:58:59.999Z'))).toBe(true);
		expect(isBeforeDeadline(paris, new Date('2024-03-15T22:59:00.000Z'))).toBe(false);
		expect(isBeforeDeadline(seoul, new Date('2024-03-15T14:58:00.000Z'))).toBe(true);
		// 20:00 in Paris on the 15th is already the 16th, 04:00, in Seoul: past a Seoul deadline.
		expect(isBeforeDeadline(seoul, new Date('2024-03-15T19:00:00.000Z'))).toBe(false);
	});

	it('reads the reminder schedule and refuses bad steps', () => {
		const parse = (reminderDays: string) => registrationRoundInputSchema.safeParse({ deadlineDate: '2027-03-15', deadlineTime: '23:59', deadlineTimezone: 'Europe/Paris', reminderDays });
		expect(parse('2, 7').data?.reminderDays).toEqual([7, 2]);
		expect(parse('').data?.reminderDays).toEqual([]);
		expect(parse('0').success).toBe(false);
		expect(parse('1, 2, 3, 4, 5, 6').success).toBe(false);
		expect(registrationRoundInputSchema.safeParse({ deadlineDate: '2027-02-30', deadlineTime: '23:59', deadlineTimezone: 'Europe/Paris' }).success).toBe(false);
		expect(registrationRoundInputSchema.safeParse({ deadlineDate: '2027-02-20', deadlineTime: '23:59', deadlineTimezone: 'Mars/Olympus' }).success).toBe(false);
	});
});

describe('the registration form', () => {
	const errorsOf = (fields: Record<string, string>) => {
		const parsed = registrationInputSchema.safeParse(fields);
		return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
	};
	it('needs an interest, a head among the delegates, names for new people, distinct choices', () => {
		expect(errorsOf({})).toEqual({ interest: 'required' });
		expect(errorsOf({ interest: 'yes', 'delegate-a': 'on' })).toEqual({ head: 'required' });
		expect(errorsOf({ interest: 'yes', 'delegate-a': 'on', head: 'b' })).toEqual({ head: 'invalid_choice' });
		expect(errorsOf({ interest: 'yes', 'new-0-givenName': 'Ana', 'new-0-email': 'x', head: 'new-0' })).toEqual({ 'new-0-familyName': 'required', 'new-0-email': 'invalid_email' });
		expect(errorsOf({ interest: 'yes', 'delegate-a': 'on', head: 'a', 'pref-a-1': 'theme:x', 'pref-a-2': 'theme:x' })).toEqual({ 'pref-a-2': 'invalid_choice' });
		const parsed = registrationInputSchema.parse({ interest: 'maybe', version: '3', 'delegate-a': 'on', 'new-1-givenName': 'Ana', 'new-1-familyName': 'PETIT', head: 'new-1', 'pref-a-1': 'visit:v1', 'pref-a-3': 'theme:t' });
		expect(parsed).toMatchObject({ version: 3, interest: 'maybe', headKey: 'new-1' });
		expect(parsed.delegates.map((delegate) => delegate.key)).toEqual(['a', 'new-1']);
		expect(parsed.delegates[0].preferences).toEqual([{ kind: 'visit', id: 'v1' }, { kind: 'theme', key: 't' }]);
	});
});

describeEachDatabase('registrations of interest', (setup) => {
	const actors: Record<string, Actor> = {};
	const ids: Record<string, string> = {};
	const forumNumber = 90;
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	const form = (fields: Record<string, string>) => registrationInputSchema.parse(fields);
	const outbox = () => setup.context.db.selectFrom('outbox').selectAll().orderBy('created_at').execute();
	const open = (date: string, time: string, zone: string, reminderDays = '7, 2') =>
		openRegistrations(setup.context, actors.coordinator, 'coree', forumNumber, registrationRoundInputSchema.parse({ deadlineDate: date, deadlineTime: time, deadlineTimezone: zone, reminderDays }));

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test'); // Louise COULON, Nantes Métropole
		for (const person of await setup.context.db.selectFrom('person').select(['id', 'family_name', 'organisation_id']).execute()) ids[person.family_name] = person.id;
		for (const organisation of await setup.context.db.selectFrom('organisation').select(['id', 'name_fr']).execute()) ids[organisation.name_fr] = organisation.id;
		await setup.context.db.updateTable('person').set({ email: 'louise.coulon@nantes.test' }).where('id', '=', ids.COULON).execute();
		const group = await setup.context.db.selectFrom('country_group').select('id').where('slug', '=', 'coree').executeTakeFirstOrThrow();
		const now = setup.context.clock().toISOString();
		ids.forum = newId();
		await insertForum(setup.context.db, {
			id: ids.forum, group_id: group.id, number: forumNumber, title_fr: 'Forum de test', title_ko: '테스트 포럼', theme_fr: '', theme_ko: '', host_country: 'KR', host_timezone: 'Asia/Seoul',
			starts_on: null, ends_on: null, status: 'choosing-dates', description_fr: '', description_ko: '', report_fr: '', report_ko: '', created_at: now, updated_at: now
		});
		ids.visit = newId();
		await setup.context.db.insertInto('programme_item').values({
			id: ids.visit, forum_id: ids.forum, kind: 'field-visit', title_fr: 'Visite du centre IA de Séoul', title_ko: '서울 AI 센터 방문', description_fr: '', description_ko: '', host_organisation_id: null, place: null,
			starts_at: '2027-09-25T01:00:00.000Z', ends_at: '2027-09-25T04:00:00.000Z', capacity: 15, created_at: now, updated_at: now
		}).execute();
		ids.theme = (await setup.context.db.selectFrom('theme').select('key').orderBy('position').executeTakeFirstOrThrow()).key;
	});

	it('refuses a deadline in the past, opens with one in Seoul time and moves the forum on', async () => {
		setup.context.clock.set('2027-03-01T00:00:00.000Z');
		expect(await open('2027-02-28', '23:59', 'Europe/Paris')).toMatchObject({ ok: false, reason: 'DEADLINE_IN_PAST', field: 'deadlineDate' });
		expect(await openRegistrations(setup.context, actors.member, 'coree', forumNumber, registrationRoundInputSchema.parse({ deadlineDate: '2027-03-15', deadlineTime: '23:59', deadlineTimezone: 'Asia/Seoul' }))).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
		expect(await open('2027-03-15', '23:59', 'Asia/Seoul')).toEqual({ ok: true, value: { deadlineAt: '2027-03-15T14:59:00.000Z' } });
		const forum = await setup.context.db.selectFrom('forum').select('status').where('id', '=', ids.forum).executeTakeFirstOrThrow();
		expect(forum.status).toBe('registrations-open');
	});

	it('lets a member register a delegation with ranked preferences, adds new people to the directory and confirms by e-mail', async () => {
		setup.context.clock.set('2027-03-02T08:00:00.000Z');
		const page = await getRegistrationPage(setup.context, actors.member, 'coree', forumNumber, null);
		if (!page.ok) throw new Error(page.reason);
		expect(page.value).toMatchObject({ organisation: { id: ids['Nantes Métropole'] }, registration: null, canEdit: true, deadlinePassed: false });
		expect(page.value.options.map((option) => option.value)).toContain(`visit:${ids.visit}`);
		const saved = await saveRegistration(setup.context, actors.member, 'coree', forumNumber, null, form({
			version: '0', interest: 'yes', [`delegate-${ids.COULON}`]: 'on', head: ids.COULON,
			[`pref-${ids.COULON}-1`]: `visit:${ids.visit}`, [`pref-${ids.COULON}-2`]: `theme:${ids.theme}`,
			'new-0-givenName': 'Jeanne', 'new-0-familyName': 'MARTIN', 'new-0-email': 'jeanne.martin@nantes.test', [`pref-new-0-1`]: `theme:${ids.theme}`,
			needsInterpretation: 'on', needsDiet: 'végétarien', expectations: 'Rencontrer des villes intelligentes'
		}), mail);
		expect(saved).toMatchObject({ ok: true, value: { version: 1, emailed: 2 } });
		const again = await getRegistrationPage(setup.context, actors.member, 'coree', forumNumber, null);
		if (!again.ok) throw new Error(again.reason);
		const registration = again.value.registration!;
		expect(registration).toMatchObject({ version: 1, interest: 'yes', headPersonId: ids.COULON, needsInterpretation: true, needsDiet: 'végétarien' });
		expect(registration.delegates.map((delegate) => [delegate.name, delegate.isHead, delegate.preferences])).toEqual([
			['Louise COULON', true, [`visit:${ids.visit}`, `theme:${ids.theme}`]],
			['Jeanne MARTIN', false, [`theme:${ids.theme}`]]
		]);
		const jeanne = await setup.context.db.selectFrom('person').select(['organisation_id']).where('email', '=', 'jeanne.martin@nantes.test').executeTakeFirstOrThrow();
		expect(jeanne.organisation_id).toBe(ids['Nantes Métropole']);
		// To whoever saved (the member's account) and to the head of delegation, once each.
		const sent = (await outbox()).filter((message) => message.subject.includes('Forum de test'));
		expect(sent.map((message) => message.to_address).sort()).toEqual(['louise.coulon@nantes.test', 'member@demo.dari.test']);
		expect(sent[0].text_body).toContain('Jeanne MARTIN');
		expect(sent[0].text_body).toContain('Visite du centre IA de Séoul');
	});

	it('refuses a delegate of another organisation, an unknown visit and an address held elsewhere', async () => {
		const base = { version: '1', interest: 'yes', [`delegate-${ids.COULON}`]: 'on', head: ids.COULON };
		expect(await saveRegistration(setup.context, actors.member, 'coree', forumNumber, null, form({ ...base, [`delegate-${ids.FORT}`]: 'on' }), mail)).toMatchObject({ ok: false, reason: 'INVALID_FIELD', field: `delegate-${ids.FORT}` });
		expect(await saveRegistration(setup.context, actors.member, 'coree', forumNumber, null, form({ ...base, [`pref-${ids.COULON}-1`]: `visit:${newId()}` }), mail)).toMatchObject({ ok: false, reason: 'INVALID_FIELD', field: `pref-${ids.COULON}-1` });
		expect(await saveRegistration(setup.context, actors.member, 'coree', forumNumber, null, form({ ...base, 'new-0-givenName': 'X', 'new-0-familyName': 'Y', 'new-0-email': 'service-international-crisis@cites-unies-france.org' }), mail)).toMatchObject({ ok: false, reason: 'EMAIL_TAKEN', field: 'new-0-email' });
		// Nothing of the refused saves was written: still version 1, two delegates.
		const page = await getRegistrationPage(setup.context, actors.member, 'coree', forumNumber, null);
		expect(page.ok && page.value.registration).toMatchObject({ version: 1, delegates: [{}, {}] });
		// Another organisation's registration is not the member's to see.
		expect(await getRegistrationPage(setup.context, actors.member, 'coree', forumNumber, ids.Dijon)).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
	});

	it('gives the second of two saves from one version a conflict with both versions, and loses no delegate', async () => {
		const jeanne = await setup.context.db.selectFrom('person').select('id').where('email', '=', 'jeanne.martin@nantes.test').executeTakeFirstOrThrow();
		const guest: LinkGuest = { kind: 'link-guest', personId: jeanne.id, organisationId: ids['Nantes Métropole'], groupId: (await setup.context.db.selectFrom('forum').select('group_id').where('id', '=', ids.forum).executeTakeFirstOrThrow()).group_id, forumId: ids.forum };
		// Both read version 1. Louise adds a new person; Jeanne, meanwhile, changes the interest.
		const louise = { version: '1', interest: 'yes', [`delegate-${ids.COULON}`]: 'on', [`delegate-${jeanne.id}`]: 'on', head: ids.COULON, 'new-0-givenName': 'Paul', 'new-0-familyName': 'NOËL' };
		const jeanneTyped = { version: '1', interest: 'maybe', [`delegate-${ids.COULON}`]: 'on', [`delegate-${jeanne.id}`]: 'on', head: jeanne.id, [`pref-${jeanne.id}-1`]: `visit:${ids.visit}` };
		expect(await saveRegistration(setup.context, actors.member, 'coree', forumNumber, null, form(louise), mail)).toMatchObject({ ok: true, value: { version: 2 } });
		const conflict = await saveRegistration(setup.context, guest, 'coree', forumNumber, null, form(jeanneTyped), mail);
		if (conflict.ok || conflict.reason !== 'CONFLICT') throw new Error(`expected a conflict, got ${JSON.stringify(conflict)}`);
		expect(conflict.stored?.version).toBe(2);
		expect(conflict.stored?.delegates.map((delegate) => delegate.name)).toEqual(['Louise COULON', 'Jeanne MARTIN', 'Paul NOËL']);
		// The form shown again keeps what Jeanne typed, at the stored version, with Paul ticked.
		const merged = mergeConflictValues(jeanneTyped, conflict.stored);
		expect(merged).toMatchObject({ version: '2', interest: 'maybe', head: jeanne.id, [`pref-${jeanne.id}-1`]: `visit:${ids.visit}` });
		const paul = conflict.stored!.delegates[2].personId;
		expect(merged[`delegate-${paul}`]).toBe('on');
		expect(await saveRegistration(setup.context, guest, 'coree', forumNumber, null, form(merged), mail)).toMatchObject({ ok: true, value: { version: 3 } });
		const page = await getRegistrationPage(setup.context, actors.member, 'coree', forumNumber, null);
		expect(page.ok && page.value.registration?.delegates.map((delegate) => delegate.name)).toEqual(['Louise COULON', 'Jeanne MARTIN', 'Paul NOËL']);
		expect(page.ok && page.value.registration).toMatchObject({ interest: 'maybe', headPersonId: jeanne.id });
	});

	it('lets exactly one of two simultaneous saves from one version through', async () => {
		const page = await getRegistrationPage(setup.context, actors.member, 'coree', forumNumber, null);
		if (!page.ok) throw new Error(page.reason);
		const version = String(page.value.registration!.version);
		const fields = (interest: string) => form({ version, interest, [`delegate-${ids.COULON}`]: 'on', head: ids.COULON });
		const results = await Promise.all([
			saveRegistration(setup.context, actors.member, 'coree', forumNumber, null, fields('yes'), mail),
			saveRegistration(setup.context, actors.member, 'coree', forumNumber, null, fields('no'), mail)
		]);
		expect(results.filter((result) => result.ok)).toHaveLength(1);
		expect(results.filter((result) => !result.ok && result.reason === 'CONFLICT')).toHaveLength(1);
	});

	it('refuses members at and after the deadline, with the deadline to show; coordinators still edit, and it is recorded', async () => {
		const page = await getRegistrationPage(setup.context, actors.member, 'coree', forumNumber, null);
		if (!page.ok) throw new Error(page.reason);
		const version = String(page.value.registration!.version);
		const fields = form({ version, interest: 'yes', [`delegate-${ids.COULON}`]: 'on', head: ids.COULON });
		setup.context.clock.set('2027-03-15T14:58:59.000Z'); // 23:58:59 in Seoul
		const lastMinute = await saveRegistration(setup.context, actors.member, 'coree', forumNumber, null, fields, mail);
		expect(lastMinute).toMatchObject({ ok: true });
		setup.context.clock.set('2027-03-15T14:59:00.000Z'); // 23:59 in Seoul, 15:59 in Paris: closed
		const next = form({ version: String(Number(version) + 1), interest: 'no' });
		expect(await saveRegistration(setup.context, actors.member, 'coree', forumNumber, null, next, mail)).toEqual({ ok: false, reason: 'DEADLINE_PASSED' });
		const closed = await getRegistrationPage(setup.context, actors.member, 'coree', forumNumber, null);
		expect(closed.ok && closed.value).toMatchObject({ canEdit: false, deadlinePassed: true, round: { deadlineAt: '2027-03-15T14:59:00.000Z', deadlineTimezone: 'Asia/Seoul' } });
		setup.context.clock.advance(3 * DAY);
		const byCoordinator = await saveRegistration(setup.context, actors.coordinator, 'coree', forumNumber, ids['Nantes Métropole'], next, mail);
		expect(byCoordinator).toMatchObject({ ok: true });
		const log = await setup.context.db.selectFrom('change_log').selectAll().where('entity_type', '=', 'registration').orderBy('at', 'desc').executeTakeFirstOrThrow();
		expect(log.user_id).toBe(actors.coordinator.kind === 'user' ? actors.coordinator.userId : '');
		expect(JSON.parse(log.changes)).toMatchObject({ afterDeadline: true, interest: ['yes', 'no'], organisationId: ids['Nantes Métropole'] });
	});

	it('shows coordinators every member organisation and exports one row per delegate', async () => {
		expect(await getRegistrationDashboard(setup.context, actors.member, 'coree', forumNumber)).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
		const dashboard = await getRegistrationDashboard(setup.context, actors.coordinator, 'coree', forumNumber);
		if (!dashboard.ok) throw new Error(dashboard.reason);
		expect(dashboard.value.rows.map((row) => row.organisation.name.fr)).toEqual(['Dijon', 'Issy-les-Moulineaux', 'Nantes Métropole', 'Région Auvergne-Rhône-Alpes', 'Suippes']);
		expect(dashboard.value.totals).toMatchObject({ organisations: 5, answered: 1, no: 1 });
		// Nantes saved "not interested" with no delegate after the deadline: one row of its own.
		const csv = await exportRegistrations(setup.context, actors.coordinator, 'coree', forumNumber, 'csv', 'fr');
		if (!csv.ok) throw new Error(csv.reason);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.value.body);
		expect(text.split('\r\n')[0]).toBe('\ufefforganisation,interest,delegate,email,head_of_delegation,preference_1,preference_2,preference_3,preference_4,needs_interpretation,needs_diet,needs_access,expectations,updated_at_utc');
		expect(text).toContain('Nantes Métropole,Pas intéressé,');
		const xlsx = await exportRegistrations(setup.context, actors.coordinator, 'coree', forumNumber, 'xlsx', 'ko');
		expect(xlsx.ok && xlsx.value.fileName).toBe('coree-forum-90-registrations.xlsx');
	});
});
