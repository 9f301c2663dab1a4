import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import { anonymous, type Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { addPerson, getOrganisationRecord } from './organisation-record.service';
import { personInputSchema } from './person.schema';
import { personDetailsSchema, personTitleSchema, type PersonDetailsInput, type PersonTitleInput } from './person-edit.schema';
import { organisationsHeldOn } from './person-affiliations';
import { changeAffiliation, listAffiliationsOfPeople } from './person.repository';
import { addPersonTitle, getPersonRecord, removePersonFromOrganisation, removePersonTitle, updatePerson, updatePersonTitle } from './person.service';

function titleInput(fields: Record<string, string>): PersonTitleInput {
	const parsed = personTitleSchema.safeParse(fields);
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

function detailsInput(fields: Record<string, string>): PersonDetailsInput {
	const parsed = personDetailsSchema.safeParse(fields);
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

describe('title input', () => {
	const errorsOf = (fields: Record<string, string>) => {
		const parsed = personTitleSchema.safeParse(fields);
		return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
	};
	it('needs a text, real dates, and an end on or after the start', () => {
		expect(errorsOf({ title: '', validFrom: '2024-02-30' })).toEqual({ title: 'required', validFrom: 'invalid_date' });
		expect(errorsOf({ title: 'Maire', validFrom: '2024-03-01', validTo: '2024-02-29' })).toEqual({ validTo: 'date_before_start' });
		expect(errorsOf({ title: 'Maire', language: 'de' })).toEqual({ language: 'invalid_choice' });
		expect(errorsOf({ title: 'Maire', validFrom: '2024-03-01', validTo: '2024-03-01' })).toEqual({});
		expect(titleInput({ title: ' Maire ' })).toEqual({ title: 'Maire', language: 'fr', validFrom: null, validTo: null });
	});
});

describeEachDatabase('a person and their titles', (setup) => {
	const actors: Record<string, Actor> = {};
	const organisations: Record<string, string> = {};
	const people: Record<string, string> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};

	beforeAll(async () => {
		await loadDemoData(setup.context);
		for (const role of ['admin', 'coordinator', 'member', 'partner']) actors[role] = await actorFor(`${role}@demo.dari.test`);
		for (const row of await setup.context.db.selectFrom('organisation').select(['id', 'name_fr']).execute()) organisations[row.name_fr] = row.id;
		for (const row of await setup.context.db.selectFrom('person').select(['id', 'family_name']).execute()) people[row.family_name] = row.id;
	});

	const nantes = () => organisations['Nantes Métropole'];
	const dijon = () => organisations['Dijon'];

	it('shows a person with their titles; a member of the organisation may edit, a partner reads', async () => {
		const asMember = await getPersonRecord(setup.context, actors.member, 'coree', nantes(), people.COULON);
		if (!asMember.ok) throw new Error(asMember.reason);
		expect(asMember.value.person.displayName).toBe('Louise COULON');
		expect(asMember.value.canEdit).toBe(true);
		const asPartner = await getPersonRecord(setup.context, actors.partner, 'coree', nantes(), people.COULON);
		expect(asPartner.ok && asPartner.value.canEdit).toBe(false);
		const other = await getPersonRecord(setup.context, actors.member, 'coree', dijon(), people.FORT);
		expect(other.ok && other.value.canEdit).toBe(false);
		// A person looked up through another organisation than their own is not found.
		expect(await getPersonRecord(setup.context, actors.member, 'coree', dijon(), people.COULON)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getPersonRecord(setup.context, actors.member, 'japon', nantes(), people.COULON)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getPersonRecord(setup.context, anonymous, 'coree', nantes(), people.COULON)).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await getPersonRecord(setup.context, actors.member, 'coree', nantes(), 'nobody')).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('adds dated titles; today’s comes first, and the history says who added what', async () => {
		setup.context.clock.set('2026-11-28T09:00:00.000Z');
		const first = await addPersonTitle(setup.context, actors.member, 'coree', nantes(), people.COULON, titleInput({ title: 'Chargée de mission Asie', validFrom: '2022-01-01', validTo: '2025-12-31' }));
		expect(first.ok).toBe(true);
		setup.context.clock.advance(1000);
		await addPersonTitle(setup.context, actors.member, 'coree', nantes(), people.COULON, titleInput({ title: 'Responsable des relations internationales', validFrom: '2026-01-01' }));
		setup.context.clock.advance(1000);
		await addPersonTitle(setup.context, actors.member, 'coree', nantes(), people.COULON, titleInput({ title: '국제협력 담당관', language: 'ko', validFrom: '2026-01-01' }));

		const record = await getPersonRecord(setup.context, actors.member, 'coree', nantes(), people.COULON);
		if (!record.ok) throw new Error(record.reason);
		// Today's title first (of the two held since 2026-01-01, the French one: same dates, base language), the past one last.
		expect(record.value.titles.map((title) => [title.title, title.status])).toEqual([
			['Responsable des relations internationales', 'current'],
			['국제협력 담당관', 'current'],
			['Chargée de mission Asie', 'past']
		]);
		expect(record.value.history[0]).toMatchObject({ action: 'update', by: 'Louise COULON', changes: { title: [null, '국제협력 담당관 [ko] 2026-01-01 – …'] } });

		// The organisation's page shows the same titles, in the same order, and names the person in its history.
		const organisation = await getOrganisationRecord(setup.context, actors.member, 'coree', nantes());
		if (!organisation.ok) throw new Error(organisation.reason);
		const coulon = organisation.value.people.find((person) => person.id === people.COULON)!;
		expect(coulon.currentTitle).toBe('Responsable des relations internationales');
		expect(coulon.titles.map((title) => title.title)).toEqual(record.value.titles.map((title) => title.title));
	});

	it('edits and removes a title, each change recorded', async () => {
		const record = await getPersonRecord(setup.context, actors.coordinator, 'coree', nantes(), people.COULON);
		if (!record.ok) throw new Error(record.reason);
		const past = record.value.titles.find((title) => title.status === 'past')!;
		setup.context.clock.advance(1000);
		expect(
			await updatePersonTitle(setup.context, actors.coordinator, 'coree', nantes(), people.COULON, past.id, titleInput({ title: 'Chargée de mission Asie-Pacifique', validFrom: '2022-01-01', validTo: '2025-12-31' }))
		).toEqual({ ok: true, value: { changed: true } });
		expect(
			await updatePersonTitle(setup.context, actors.coordinator, 'coree', nantes(), people.COULON, past.id, titleInput({ title: 'Chargée de mission Asie-Pacifique', validFrom: '2022-01-01', validTo: '2025-12-31' }))
		).toEqual({ ok: true, value: { changed: false } });
		setup.context.clock.advance(1000);
		expect(await removePersonTitle(setup.context, actors.member, 'coree', nantes(), people.COULON, past.id)).toEqual({ ok: true, value: { removed: true } });
		expect(await removePersonTitle(setup.context, actors.member, 'coree', nantes(), people.COULON, past.id)).toEqual({ ok: false, reason: 'NOT_FOUND' });

		const after = await getPersonRecord(setup.context, actors.member, 'coree', nantes(), people.COULON);
		if (!after.ok) throw new Error(after.reason);
		expect(after.value.titles.map((title) => title.title)).not.toContain('Chargée de mission Asie-Pacifique');
		expect(after.value.history.slice(0, 2).map((entry) => [entry.by, entry.changes])).toEqual([
			['Louise COULON', { title: ['Chargée de mission Asie-Pacifique [fr] 2022-01-01 – 2025-12-31', null] }],
			['KIM Hyoung Jin', { title: ['Chargée de mission Asie [fr] 2022-01-01 – 2025-12-31', 'Chargée de mission Asie-Pacifique [fr] 2022-01-01 – 2025-12-31'] }]
		]);
	});

	it('refuses a member editing another organisation’s person, and a partner editing anyone', async () => {
		const title = titleInput({ title: 'Maire', validFrom: '2020-07-03' });
		expect(await addPersonTitle(setup.context, actors.member, 'coree', dijon(), people.FORT, title)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await addPersonTitle(setup.context, actors.partner, 'coree', nantes(), people.COULON, title)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await updatePerson(setup.context, actors.member, 'coree', dijon(), people.FORT, detailsInput({ givenName: 'Bertrand', familyName: 'FAUX' }))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		const millan = await getPersonRecord(setup.context, actors.admin, 'coree', organisations['Issy-les-Moulineaux'], people.MILLAN);
		if (!millan.ok) throw new Error(millan.reason);
		const titleId = millan.value.titles[0].id;
		expect(await removePersonTitle(setup.context, actors.member, 'coree', organisations['Issy-les-Moulineaux'], people.MILLAN, titleId)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await updatePersonTitle(setup.context, actors.partner, 'coree', organisations['Issy-les-Moulineaux'], people.MILLAN, titleId, title)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		// A title of another person, named through a person one may edit, is not found.
		expect(await removePersonTitle(setup.context, actors.member, 'coree', nantes(), people.COULON, titleId)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		const unchanged = await getPersonRecord(setup.context, actors.admin, 'coree', dijon(), people.FORT);
		expect(unchanged.ok && unchanged.value.person.displayName).toBe('Bertrand FORT');
	});

	it('edits a person; an e-mail another person already has is refused by field', async () => {
		setup.context.clock.advance(1000);
		const input = detailsInput({
			givenName: 'Louise',
			familyName: 'COULON',
			email: 'Louise.Coulon@nantesmetropole.fr',
			phone: '+33 2 40 99 48 48',
			// The box unticked: she no longer agrees to be listed (the demo has her agreement, from the reference's list).
			preferredLanguage: 'fr'
		});
		expect(await updatePerson(setup.context, actors.member, 'coree', nantes(), people.COULON, input)).toEqual({
			ok: true,
			value: { changed: ['email', 'phone', 'publicListingConsent'] }
		});
		const record = await getPersonRecord(setup.context, actors.member, 'coree', nantes(), people.COULON);
		if (!record.ok) throw new Error(record.reason);
		expect(record.value.person).toMatchObject({ email: 'louise.coulon@nantesmetropole.fr', publicListingConsent: false });
		expect(record.value.history[0].changes).toEqual({
			email: [null, 'louise.coulon@nantesmetropole.fr'],
			phone: [null, '+33 2 40 99 48 48'],
			publicListingConsent: [true, false]
		});
		expect(await updatePerson(setup.context, actors.member, 'coree', nantes(), people.COULON, input)).toEqual({ ok: true, value: { changed: [] } });

		// Another person with the same address, whatever its case: refused, nothing written.
		const taken = await updatePerson(
			setup.context,
			actors.coordinator,
			'coree',
			dijon(),
			people.FORT,
			detailsInput({ givenName: 'Bertrand', familyName: 'FORT', email: 'LOUISE.COULON@nantesmetropole.fr' })
		);
		expect(taken).toEqual({ ok: false, reason: 'EMAIL_TAKEN', field: 'email' });
		const fort = await getPersonRecord(setup.context, actors.coordinator, 'coree', dijon(), people.FORT);
		expect(fort.ok && fort.value.person.email).toBeNull();

		// Adding a new person with that address is refused the same way.
		const newcomer = personInputSchema.parse({ givenName: 'Louise', familyName: 'DOUBLE', email: 'louise.coulon@nantesmetropole.fr' });
		expect(await addPerson(setup.context, actors.member, 'coree', nantes(), newcomer)).toEqual({ ok: false, reason: 'EMAIL_TAKEN', field: 'email' });
	});

	it('takes a person who left off the organisation, keeps them, and says so in its history', async () => {
		const added = await addPerson(setup.context, actors.coordinator, 'coree', organisations['Dijon'], personInputSchema.parse({ givenName: 'Anne', familyName: 'PARTIE' }));
		if (!added.ok) throw new Error(added.reason);
		const personId = added.value.personId;
		expect(await removePersonFromOrganisation(setup.context, actors.member, 'coree', organisations['Dijon'], personId)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await removePersonFromOrganisation(setup.context, actors.coordinator, 'coree', organisations['Dijon'], personId)).toEqual({ ok: true, value: { removed: true, name: 'Anne PARTIE' } });
		const record = await getOrganisationRecord(setup.context, actors.coordinator, 'coree', organisations['Dijon']);
		if (!record.ok) throw new Error(record.reason);
		expect(record.value.people.map((person) => person.displayName)).not.toContain('Anne PARTIE');
		expect(record.value.history[0]).toMatchObject({ entityType: 'organisation', changes: { personRemoved: 'Anne PARTIE' } });
		expect(await setup.context.db.selectFrom('person').select('organisation_id').where('id', '=', personId).executeTakeFirst()).toEqual({ organisation_id: null });
		expect(await getPersonRecord(setup.context, actors.coordinator, 'coree', organisations['Dijon'], personId)).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('keeps the organisations a person belonged to, with their days, so minutes show the one of the meeting’s day', async () => {
		const db = setup.context.db;
		const stays = async (personId: string) =>
			// Sorted here: the databases put null (an unknown start) at different ends.
			(await db.selectFrom('person_affiliation').select(['organisation_id', 'valid_from', 'valid_to']).where('person_id', '=', personId).execute())
				.map((row) => [row.organisation_id, row.valid_from, row.valid_to])
				.sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? ''));
		// Added: with the organisation from an unknown start.
		const added = await addPerson(setup.context, actors.coordinator, 'coree', organisations['Dijon'], personInputSchema.parse({ givenName: 'Paul', familyName: 'DÉPART' }));
		if (!added.ok) throw new Error(added.reason);
		const personId = added.value.personId;
		expect(await stays(personId)).toEqual([[organisations['Dijon'], null, null]]);
		// Leaves on 15 March 2026: the stay ends that day.
		setup.context.clock.set('2026-03-15T10:00:00.000Z');
		expect((await removePersonFromOrganisation(setup.context, actors.coordinator, 'coree', organisations['Dijon'], personId)).ok).toBe(true);
		expect(await stays(personId)).toEqual([[organisations['Dijon'], null, '2026-03-15']]);
		// Joins another organisation later (the CSV import or the repository): a new stay opens that day.
		await db.transaction().execute(async (transaction) => {
			await transaction.updateTable('person').set({ organisation_id: organisations['Nantes Métropole'] }).where('id', '=', personId).execute();
			await changeAffiliation(transaction, personId, organisations['Nantes Métropole'], '2026-06-01');
		});
		expect(await stays(personId)).toEqual([
			[organisations['Dijon'], null, '2026-03-15'],
			[organisations['Nantes Métropole'], '2026-06-01', null]
		]);
		// A move undone the same day leaves no one-day stay behind.
		await changeAffiliation(db, personId, organisations['Dijon'], '2026-06-01');
		expect(await stays(personId)).toEqual([
			[organisations['Dijon'], null, '2026-03-15'],
			[organisations['Dijon'], '2026-06-01', null]
		]);
		const rows = await listAffiliationsOfPeople(db, [personId]);
		expect([organisationsHeldOn(rows, '2026-03-14').get(personId)?.id, organisationsHeldOn(rows, '2026-04-01').get(personId), organisationsHeldOn(rows, '2026-07-01').get(personId)?.fr]).toEqual([
			organisations['Dijon'],
			undefined,
			'Dijon'
		]);
	});

	it('opens the people of an organisation that is only a partnership’s side (Guro-gu) to the group’s coordinator', async () => {
		const added = await addPerson(setup.context, actors.coordinator, 'coree', organisations['Guro-gu (Séoul)'], personInputSchema.parse({ givenName: 'Minji', familyName: 'PARK', nameOrder: 'family-first' }));
		if (!added.ok) throw new Error(added.reason);
		const record = await getPersonRecord(setup.context, actors.coordinator, 'coree', organisations['Guro-gu (Séoul)'], added.value.personId);
		expect(record.ok && record.value.canEdit).toBe(true);
	});

	it('holds one person per e-mail address in the database itself, whatever its case', async () => {
		const row = (email: string) => ({
			id: crypto.randomUUID(), given_name: 'X', family_name: 'Y', name_order: 'given-first' as const, email, phone: null, organisation_id: null,
			preferred_language: 'fr' as const, public_listing_consent: 0, created_at: new Date().toISOString(), search_text: '', search_initials: ''
		});
		await setup.context.db.insertInto('person').values(row('same@example.org')).execute();
		await expect(setup.context.db.insertInto('person').values(row('SAME@example.org')).execute()).rejects.toThrow();
	});

	it('keeps the search keys in step with the names', async () => {
		setup.context.clock.advance(1000);
		await updatePerson(setup.context, actors.coordinator, 'coree', dijon(), people.FORT, detailsInput({ givenName: 'Bertrand', familyName: 'FORTIN' }));
		const row = await setup.context.db.selectFrom('person').select(['search_text']).where('id', '=', people.FORT).executeTakeFirstOrThrow();
		expect(row.search_text).toContain('fortin');
	});
});
