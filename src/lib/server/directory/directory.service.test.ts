import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import { anonymous, type Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { getGroupOverview, listVisibleGroups } from './directory.service';
import { formatPersonName, titleOnDay } from './person-name';

describe('person names and titles', () => {
	it('puts the family name first for Korean names, as the minutes do', () => {
		expect(formatPersonName({ givenName: 'Hyoung Jin', familyName: 'KIM', nameOrder: 'family-first' })).toBe('KIM Hyoung Jin');
		expect(formatPersonName({ givenName: 'Caroline', familyName: 'MILLAN', nameOrder: 'given-first' })).toBe('Caroline MILLAN');
	});
	it('gives the title held on a day', () => {
		const titles = [
			{ title: 'Adjointe', validFrom: '2020-07-01', validTo: '2026-03-22' },
			{ title: 'Maire', validFrom: '2026-03-23', validTo: null },
			{ title: 'Ancienne', validFrom: null, validTo: '2019-12-31' }
		];
		expect(titleOnDay(titles, '2024-02-27')?.title).toBe('Adjointe');
		expect(titleOnDay(titles, '2026-11-28')?.title).toBe('Maire');
		expect(titleOnDay(titles, '2019-01-01')?.title).toBe('Ancienne');
		expect(titleOnDay(titles, '2020-03-01')).toBeUndefined();
	});
});

describeEachDatabase('directory: groups and their members', (setup) => {
	const actorFor = async (email: string): Promise<Actor> => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};

	beforeAll(async () => {
		expect(await loadDemoData(setup.context)).toEqual({ loaded: true });
	});

	it('loads the demo data only into an empty database', async () => {
		expect(await loadDemoData(setup.context)).toEqual({ loaded: false });
		const people = await setup.context.db.selectFrom('person').select('id').execute();
		expect(people).toHaveLength(15);
	});

	it('shows a member the whole participants list of the minutes, with titles as written', async () => {
		const result = await getGroupOverview(setup.context, await actorFor('member@demo.dari.test'), 'coree');
		if (!result.ok) throw new Error(result.reason);
		const organisations = result.value.members.map((member) => member.name.fr);
		expect(organisations).toEqual(
			expect.arrayContaining(['Suippes', 'Nantes Métropole', 'Région Auvergne-Rhône-Alpes', 'Dijon', 'Issy-les-Moulineaux', 'Cités Unies France'])
		);
		expect(result.value.members).toHaveLength(8);
		const people = result.value.members.flatMap((member) => member.people);
		expect(people).toHaveLength(15);
		expect(people.map((person) => person.displayName)).toContain('KIM Hyoung Jin');
		expect(people.find((person) => person.displayName === 'Caroline MILLAN')?.title).toMatch(/^Présidente du groupe-pays Corée/);
		expect(result.value.viewerRole).toBe('member');
	});

	it('filters the members by kind and by region, and says what can be chosen', async () => {
		const member = await actorFor('member@demo.dari.test');
		const communes = await getGroupOverview(setup.context, member, 'coree', { kind: 'commune' });
		if (!communes.ok) throw new Error(communes.reason);
		expect(communes.value.members.map((organisation) => organisation.name.fr).sort()).toEqual(['Dijon', 'Issy-les-Moulineaux', 'Suippes']);
		expect(communes.value.filterOptions.kinds).toEqual(['agency', 'association', 'commune', 'epci', 'ministry', 'region']);
		expect(communes.value.filterOptions.regions).toEqual(['Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Grand Est', 'Île-de-France', 'Pays de la Loire']);
		const idf = await getGroupOverview(setup.context, member, 'coree', { region: 'Île-de-France' });
		expect(idf.ok && idf.value.members.map((organisation) => organisation.name.fr)).toEqual(['Issy-les-Moulineaux']);
		const none = await getGroupOverview(setup.context, member, 'coree', { kind: 'commune', region: 'Pays de la Loire' });
		expect(none.ok && none.value.members).toEqual([]);
	});

	it('seals groups: a member of Corée is forbidden in Japon; unknown groups are 404', async () => {
		const member = await actorFor('member@demo.dari.test');
		expect(await getGroupOverview(setup.context, member, 'japon')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getGroupOverview(setup.context, member, 'nowhere')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getGroupOverview(setup.context, anonymous, 'coree')).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect((await listVisibleGroups(setup.context, member)).map((group) => group.slug)).toEqual(['coree']);
	});

	it('lets an administrator see every group', async () => {
		const admin = await actorFor('admin@demo.dari.test');
		expect((await listVisibleGroups(setup.context, admin)).map((group) => group.slug).sort()).toEqual(['coree', 'japon']);
		const japon = await getGroupOverview(setup.context, admin, 'japon');
		expect(japon.ok && japon.value.members).toEqual([]);
	});
});
