import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { DAY } from '../shared/clock';
import { getGroupOverview } from './directory.service';
import { addPerson, getOrganisationRecord, updateOrganisation } from './organisation-record.service';
import { organisationInputSchema } from './organisation.schema';
import { personInputSchema } from './person.schema';
import { searchDirectory } from './search.service';

function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }, fields: Record<string, string>): T {
	const parsed = schema.safeParse(fields);
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

describe('person input', () => {
	const errorsOf = (fields: Record<string, string>) => {
		const parsed = personInputSchema.safeParse(fields);
		return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
	};
	it('checks dates, their order, the phone and the e-mail', () => {
		expect(errorsOf({ givenName: 'Jiae', familyName: 'YANG', title: 'Chargée de mission', titleValidFrom: '2024-02-30' })).toEqual({ titleValidFrom: 'invalid_date' });
		expect(errorsOf({ givenName: 'Jiae', familyName: 'YANG', title: 'X', titleValidFrom: '2024-03-01', titleValidTo: '2024-02-01' })).toEqual({ titleValidTo: 'date_before_start' });
		expect(errorsOf({ givenName: 'Jiae', familyName: 'YANG', titleValidFrom: '2024-03-01' })).toEqual({ title: 'required' });
		expect(errorsOf({ givenName: 'Jiae', familyName: 'YANG', phone: 'call me', email: 'jiae@' })).toEqual({ phone: 'invalid_phone', email: 'invalid_email' });
		expect(errorsOf({ givenName: 'Jiae', familyName: 'YANG', phone: '+82 2-123-4567', email: 'Jiae@Example.kr' })).toEqual({});
	});
});

describeEachDatabase('an organisation’s record', (setup) => {
	const actors: Record<string, Actor> = {};
	const ids: Record<string, string> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	const organisationInput = (fields: Record<string, string>) => parse(organisationInputSchema, { website: '', ...fields });

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test'); // Louise Coulon, Nantes Métropole
		actors.partner = await actorFor('partner@demo.dari.test');
		for (const organisation of await setup.context.db.selectFrom('organisation').select(['id', 'name_fr']).execute()) ids[organisation.name_fr] = organisation.id;
	});

	it('shows the organisation, its people with today’s title, and who may edit', async () => {
		const record = await getOrganisationRecord(setup.context, actors.member, 'coree', ids['Issy-les-Moulineaux']);
		if (!record.ok) throw new Error(record.reason);
		expect(record.value.organisation).toMatchObject({ officialCode: '92040', population: 67669 });
		expect(record.value.people.map((person) => person.displayName)).toEqual(['Eric LEGALE', 'Ulrike MARONNIE', 'Caroline MILLAN', 'Samira SEDDIKI']);
		expect(record.value.canEdit).toBe(false);
		const own = await getOrganisationRecord(setup.context, actors.member, 'coree', ids['Nantes Métropole']);
		expect(own.ok && own.value.canEdit).toBe(true);
		expect(await getOrganisationRecord(setup.context, actors.member, 'japon', ids['Nantes Métropole'])).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getOrganisationRecord(setup.context, actors.member, 'coree', 'not-an-id')).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('lets a member keep their own organisation current, and records who changed what', async () => {
		const current = await getOrganisationRecord(setup.context, actors.member, 'coree', ids['Nantes Métropole']);
		if (!current.ok) throw new Error(current.reason);
		const result = await updateOrganisation(
			setup.context,
			actors.member,
			'coree',
			ids['Nantes Métropole'],
			organisationInput({ ...current.value.formValues, nameKo: '낭트 메트로폴 (Nantes Métropole)', website: 'https://metropole.nantes.fr' })
		);
		expect(result).toEqual({ ok: true, value: { changed: ['nameKo', 'website'] } });
		const after = await getOrganisationRecord(setup.context, actors.coordinator, 'coree', ids['Nantes Métropole']);
		if (!after.ok) throw new Error(after.reason);
		expect(after.value.organisation.website).toBe('https://metropole.nantes.fr');
		expect(after.value.history[0]).toMatchObject({
			entityType: 'organisation',
			action: 'update',
			by: 'Louise COULON',
			changes: { nameKo: ['낭트 메트로폴', '낭트 메트로폴 (Nantes Métropole)'], website: [null, 'https://metropole.nantes.fr'] }
		});
		const unchanged = await updateOrganisation(setup.context, actors.member, 'coree', ids['Nantes Métropole'], organisationInput(after.value.formValues));
		expect(unchanged).toEqual({ ok: true, value: { changed: [] } });
	});

	it('keeps partnerships findable by an organisation’s new name', async () => {
		const guro = await getOrganisationRecord(setup.context, actors.coordinator, 'coree', ids['Guro-gu (Séoul)']);
		if (!guro.ok) throw new Error(guro.reason);
		const renamed = await updateOrganisation(setup.context, actors.coordinator, 'coree', ids['Guro-gu (Séoul)'], organisationInput({ ...guro.value.formValues, nameEn: 'Guro District' }));
		expect(renamed).toEqual({ ok: true, value: { changed: ['nameEn'] } });
		const found = await searchDirectory(setup.context, actors.member, 'coree', 'guro district issy');
		expect(found.ok && found.value.partnerships.map((partnership) => partnership.frenchName.fr)).toEqual(['Issy-les-Moulineaux']);
	});

	it('refuses a member editing another organisation, and a partner editing any', async () => {
		const issy = await getOrganisationRecord(setup.context, actors.coordinator, 'coree', ids['Issy-les-Moulineaux']);
		if (!issy.ok) throw new Error(issy.reason);
		const input = organisationInput({ ...issy.value.formValues, website: 'https://evil.example' });
		expect(await updateOrganisation(setup.context, actors.member, 'coree', ids['Issy-les-Moulineaux'], input)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await updateOrganisation(setup.context, actors.partner, 'coree', ids['Issy-les-Moulineaux'], input)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		const unchanged = await getOrganisationRecord(setup.context, actors.coordinator, 'coree', ids['Issy-les-Moulineaux']);
		expect(unchanged.ok && unchanged.value.organisation.website).toBeNull();
	});

	it('refuses taking another organisation’s official code', async () => {
		const dijon = await getOrganisationRecord(setup.context, actors.coordinator, 'coree', ids['Dijon']);
		if (!dijon.ok) throw new Error(dijon.reason);
		const result = await updateOrganisation(setup.context, actors.coordinator, 'coree', ids['Dijon'], organisationInput({ ...dijon.value.formValues, officialCode: '92040' }));
		expect(result).toMatchObject({ ok: false, reason: 'DUPLICATE', field: 'officialCode', existing: [{ nameFr: 'Issy-les-Moulineaux' }] });
	});

	it('adds a person with a dated title; the title shown is the one held today', async () => {
		setup.context.clock.advance(1000);
		const added = await addPerson(
			setup.context,
			actors.member,
			'coree',
			ids['Nantes Métropole'],
			parse(personInputSchema, {
				givenName: 'Min-jun',
				familyName: 'PARK',
				nameOrder: 'family-first',
				email: 'park@example.kr',
				phone: '+33 2 40 00 00 00',
				preferredLanguage: 'ko',
				publicListingConsent: 'on',
				title: 'Chargé de coopération Asie',
				titleValidFrom: '2026-12-01'
			})
		);
		expect(added.ok).toBe(true);
		let record = await getOrganisationRecord(setup.context, actors.member, 'coree', ids['Nantes Métropole']);
		if (!record.ok) throw new Error(record.reason);
		const park = record.value.people.find((person) => person.displayName === 'PARK Min-jun')!;
		expect(park).toMatchObject({ email: 'park@example.kr', publicListingConsent: true, currentTitle: null });
		expect(record.value.history[0]).toMatchObject({ entityType: 'person', action: 'create', by: 'Louise COULON' });
		setup.context.clock.advance(5 * DAY);
		record = await getOrganisationRecord(setup.context, actors.member, 'coree', ids['Nantes Métropole']);
		expect(record.ok && record.value.people.find((person) => person.id === park.id)?.currentTitle).toBe('Chargé de coopération Asie');
		const overview = await getGroupOverview(setup.context, actors.member, 'coree');
		const listed = overview.ok && overview.value.members.flatMap((organisation) => organisation.people).find((person) => person.id === park.id);
		expect(listed).toMatchObject({ email: 'park@example.kr', phone: '+33 2 40 00 00 00' });
		expect(await addPerson(setup.context, actors.member, 'coree', ids['Dijon'], parse(personInputSchema, { givenName: 'A', familyName: 'B' }))).toEqual({ ok: false, reason: 'FORBIDDEN' });
	});
});
