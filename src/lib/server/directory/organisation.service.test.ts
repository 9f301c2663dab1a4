import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { getGroupOverview } from './directory.service';
import { createOrganisationInGroup, listThemes } from './organisation.service';
import { organisationInputSchema } from './organisation.schema';

function input(fields: Record<string, string>) {
	const parsed = organisationInputSchema.safeParse({ website: '', ...fields });
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

describe('organisation input', () => {
	const errorsOf = (fields: Record<string, string>) => {
		const parsed = organisationInputSchema.safeParse({ website: '', ...fields });
		return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
	};
	it('checks each official code against its scheme', () => {
		expect(errorsOf({ kind: 'commune', countryCode: 'FR', nameFr: 'Suippes', officialCodeScheme: 'insee', officialCode: '5155' })).toEqual({ officialCode: 'invalid_code' });
		expect(errorsOf({ kind: 'commune', countryCode: 'FR', nameFr: 'Ajaccio', officialCodeScheme: 'insee', officialCode: '2a004' })).toEqual({});
		expect(errorsOf({ kind: 'epci', countryCode: 'FR', nameFr: 'X', officialCodeScheme: 'siren', officialCode: '24440040' })).toEqual({ officialCode: 'invalid_code' });
		expect(errorsOf({ kind: 'province', countryCode: 'KR', nameFr: 'Gyeonggi', officialCodeScheme: 'iso-3166-2', officialCode: 'kr-41' })).toEqual({});
		expect(errorsOf({ kind: 'commune', countryCode: 'FR', nameFr: 'X', officialCode: '12345' })).toEqual({ officialCodeScheme: 'required' });
	});
	it('refuses a malformed country, website or population', () => {
		expect(errorsOf({ kind: 'commune', countryCode: 'France', nameFr: 'X', website: 'cites-unies-france', population: '-3' })).toEqual({
			countryCode: 'invalid_country',
			website: 'invalid_url',
			population: 'invalid_number'
		});
	});
});

describeEachDatabase('creating organisations', (setup) => {
	let coordinator: Actor;
	let member: Actor;
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	beforeAll(async () => {
		await loadDemoData(setup.context);
		coordinator = await actorFor('coordinator@demo.dari.test');
		member = await actorFor('member@demo.dari.test');
	});

	it('creates a French authority with its official code, a member of the group at once', async () => {
		const result = await createOrganisationInGroup(
			setup.context,
			coordinator,
			'coree',
			// Not Tours: the demo register holds it already (a partnership's French side, not a member).
			input({ kind: 'commune', countryCode: 'FR', nameFr: 'Angers', officialCodeScheme: 'insee', officialCode: '49007', departementCode: '49', regionCode: '52', population: '155850' })
		);
		expect(result.ok).toBe(true);
		const overview = await getGroupOverview(setup.context, coordinator, 'coree');
		expect(overview.ok && overview.value.members.map((organisation) => organisation.name.fr)).toContain('Angers');
	});

	it('refuses a well-formed code that no official list holds, and writes nothing', async () => {
		const before = await setup.context.db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(await createOrganisationInGroup(setup.context, coordinator, 'coree', input({ kind: 'commune', countryCode: 'FR', nameFr: 'Atlantis', officialCodeScheme: 'insee', officialCode: '99999' }))).toEqual({
			ok: false,
			reason: 'UNKNOWN_OFFICIAL_CODE',
			field: 'officialCode'
		});
		const after = await setup.context.db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('catches the same official code, whatever the name', async () => {
		const result = await createOrganisationInGroup(setup.context, coordinator, 'coree', input({ kind: 'commune', countryCode: 'FR', nameFr: "Ville d'Angers", officialCodeScheme: 'insee', officialCode: '49007' }));
		expect(result).toMatchObject({ ok: false, reason: 'DUPLICATE', field: 'officialCode', existing: [{ nameFr: 'Angers', officialCode: '49007', alreadyInGroup: true }] });
	});

	it('catches the same name written differently, and offers the existing one', async () => {
		const result = await createOrganisationInGroup(setup.context, coordinator, 'coree', input({ kind: 'commune', countryCode: 'FR', nameFr: 'ISSY LES MOULINEAUX' }));
		expect(result).toMatchObject({ ok: false, reason: 'DUPLICATE', field: 'nameFr', existing: [{ nameFr: 'Issy-les-Moulineaux', officialCode: '92040', alreadyInGroup: true }] });
	});

	it('lets homonyms with different official codes exist, and a confirmed homonym without one', async () => {
		const other = await createOrganisationInGroup(setup.context, coordinator, 'coree', input({ kind: 'commune', countryCode: 'FR', nameFr: 'Saint-Martin', officialCodeScheme: 'insee', officialCode: '32398' }));
		expect(other.ok).toBe(true);
		const second = await createOrganisationInGroup(setup.context, coordinator, 'coree', input({ kind: 'commune', countryCode: 'FR', nameFr: 'Saint Martin', officialCodeScheme: 'insee', officialCode: '65392' }));
		expect(second.ok).toBe(true);
		const unconfirmed = await createOrganisationInGroup(setup.context, coordinator, 'coree', input({ kind: 'commune', countryCode: 'FR', nameFr: 'Saint-Martin' }));
		expect(unconfirmed).toMatchObject({ ok: false, reason: 'DUPLICATE', field: 'nameFr' });
		const confirmed = await createOrganisationInGroup(setup.context, coordinator, 'coree', input({ kind: 'commune', countryCode: 'FR', nameFr: 'Saint-Martin', createAnyway: 'on' }));
		expect(confirmed.ok).toBe(true);
	});

	it('is for coordinators: a member may not, an unknown group is 404, an unknown country refused', async () => {
		expect(await createOrganisationInGroup(setup.context, member, 'coree', input({ kind: 'commune', countryCode: 'FR', nameFr: 'Reims' }))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await createOrganisationInGroup(setup.context, coordinator, 'japon', input({ kind: 'commune', countryCode: 'FR', nameFr: 'Reims' }))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await createOrganisationInGroup(setup.context, coordinator, 'nowhere', input({ kind: 'commune', countryCode: 'FR', nameFr: 'Reims' }))).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await createOrganisationInGroup(setup.context, coordinator, 'coree', input({ kind: 'commune', countryCode: 'QQ', nameFr: 'Reims' }))).toEqual({ ok: false, reason: 'UNKNOWN_COUNTRY', field: 'countryCode' });
	});

	it('has the shared themes in three languages, GAROK’s four field-visit themes first', async () => {
		const themes = await listThemes(setup.context);
		expect(themes.length).toBeGreaterThanOrEqual(10);
		expect(themes[0]).toEqual({ key: 'artificial-intelligence', label: { fr: 'Intelligence artificielle', ko: '인공지능', en: 'Artificial intelligence' } });
		expect(themes.map((theme) => theme.key)).toContain('remembrance');
	});
});
