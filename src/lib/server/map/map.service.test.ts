import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import { anonymous, type Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { createOrganisationInGroup } from '../directory/organisation.service';
import { getOrganisationRecord, updateOrganisation } from '../directory/organisation-record.service';
import { organisationInputSchema } from '../directory/organisation.schema';
import { PANELS } from './map-projection';
import { getGroupMap, type GroupMap } from './map.service';

const inPanel = (point: { x: number; y: number } | null, country: 'FR' | 'KR') => {
	const [[x0, y0], [x1, y1]] = PANELS[country].box;
	return point !== null && point.x >= x0 && point.x <= x1 && point.y >= y0 && point.y <= y1;
};

describeEachDatabase('the group map', (setup) => {
	const actors: Record<string, Actor> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	const mapFor = async (actor: Actor): Promise<GroupMap> => {
		const result = await getGroupMap(setup.context, actor, 'coree');
		if (!result.ok) throw new Error(result.reason);
		return result.value;
	};
	const byName = (map: GroupMap, name: string) => {
		const found = map.organisations.find((organisation) => organisation.name.fr === name);
		if (!found) throw new Error(`${name} is not on the map`);
		return found;
	};

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test');
		actors.partner = await actorFor('partner@demo.dari.test');
	});

	it('places the members of the group in France, from the points the demo gave them', async () => {
		const map = await mapFor(actors.member);
		const issy = byName(map, 'Issy-les-Moulineaux');
		expect(issy).toMatchObject({ relation: 'member', countryCode: 'FR', latitude: 48.824, longitude: 2.273, approximate: false });
		expect(inPanel(issy.point, 'FR')).toBe(true);
		// Nantes Métropole stands at Nantes, its largest commune: approximate.
		expect(byName(map, 'Nantes Métropole')).toMatchObject({ relation: 'member', latitude: 47.218, approximate: true });
		// The partners without an official code are placed by their known address.
		expect(byName(map, 'Cités Unies France')).toMatchObject({ relation: 'partner', approximate: false });
		expect(inPanel(byName(map, 'Cités Unies France').point, 'FR')).toBe(true);
		// GAROK France is a Korean body with a Paris office: drawn in France.
		expect(inPanel(byName(map, 'GAROK France (Centre coréen des collectivités locales)').point, 'FR')).toBe(true);
		expect(map.organisations.filter((organisation) => !organisation.point)).toEqual([]);
		const stored = await setup.context.db.selectFrom('organisation').select(['latitude']).where('name_fr', '=', 'Issy-les-Moulineaux').executeTakeFirstOrThrow();
		expect(Number(stored.latitude)).toBe(48.824);
	});

	it('draws a line for each partnership whose two sides are placed, and lists the others', async () => {
		const map = await mapFor(actors.partner);
		const issy = byName(map, 'Issy-les-Moulineaux');
		const guro = byName(map, 'Guro-gu (Séoul)');
		expect(guro).toMatchObject({ relation: 'party', countryCode: 'KR' });
		expect(inPanel(guro.point, 'KR')).toBe(true);
		const issyGuro = map.partnerships.find((partnership) => partnership.frenchOrganisationId === issy.id && partnership.foreignOrganisationId === guro.id)!;
		expect(issyGuro.status).toBe('active');
		expect(issyGuro.line).toMatch(new RegExp(`^M${issy.point!.x},${issy.point!.y}Q[\\d.]+,[\\d.]+ ${guro.point!.x},${guro.point!.y}$`));
		expect(issy.partnershipIds).toContain(issyGuro.id);
		expect(guro.partnershipIds).toEqual([issyGuro.id]);
		// Every partnership with both sides known is drawn; the region's partner is still to be identified.
		const toIdentify = map.partnerships.filter((partnership) => partnership.foreignOrganisationId === null);
		expect(toIdentify).toHaveLength(1);
		expect(toIdentify[0]).toMatchObject({ status: 'negotiation', line: null });
		expect(map.partnerships.filter((partnership) => partnership.foreignOrganisationId !== null && partnership.line === null)).toEqual([]);
		expect(map.partnerships.length).toBeGreaterThanOrEqual(11);
	});

	it('places an authority created from the official list', async () => {
		const parsed = organisationInputSchema.safeParse({
			kind: 'commune',
			countryCode: 'FR',
			nameFr: 'Lyon',
			website: '',
			officialCodeScheme: 'insee',
			officialCode: '69123',
			departementCode: '69',
			regionCode: '84'
		});
		if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
		const created = await createOrganisationInGroup(setup.context, actors.coordinator, 'coree', parsed.data);
		expect(created.ok).toBe(true);
		const lyon = byName(await mapFor(actors.coordinator), 'Lyon');
		expect(lyon).toMatchObject({ latitude: 45.767, longitude: 4.836, approximate: false, relation: 'member' });
		expect(inPanel(lyon.point, 'FR')).toBe(true);
	});

	it('moves an organisation when its official code changes', async () => {
		const lyon = byName(await mapFor(actors.coordinator), 'Lyon');
		const record = await getOrganisationRecord(setup.context, actors.coordinator, 'coree', lyon.id);
		if (!record.ok) throw new Error(record.reason);
		const parsed = organisationInputSchema.safeParse({ ...record.value.formValues, nameFr: 'Grenoble', officialCode: '38185', departementCode: '38' });
		if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
		expect((await updateOrganisation(setup.context, actors.coordinator, 'coree', lyon.id, parsed.data)).ok).toBe(true);
		expect(byName(await mapFor(actors.coordinator), 'Grenoble')).toMatchObject({ latitude: 45.188, longitude: 5.724 });
	});

	it('shows the map to the group only', async () => {
		const outsider: Actor = { kind: 'user', userId: 'someone-else', isAdministrator: false, groupRoles: {} };
		expect(await getGroupMap(setup.context, outsider, 'coree')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getGroupMap(setup.context, anonymous, 'coree')).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await getGroupMap(setup.context, actors.member, 'japon')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getGroupMap(setup.context, actors.coordinator, 'nowhere')).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});
});
