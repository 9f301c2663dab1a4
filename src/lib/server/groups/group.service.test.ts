import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import { anonymous, type Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { getGroupOverview } from '../directory/directory.service';
import { addCoordinator, createGroup, getGroupToAdminister, listGroupsToAdminister, removeCoordinator, updateGroup } from './group.service';
import { groupInputSchema, type GroupInput } from './group.schema';

const VIETNAM = {
	slug: 'vietnam',
	countryCode: 'vn',
	nameFr: 'Groupe-pays Vietnam',
	nameKo: '베트남 국가별 그룹',
	nameEn: 'Vietnam country group',
	descriptionFr: 'Les collectivités françaises en partenariat avec des collectivités vietnamiennes.'
};

function groupInput(fields: Record<string, string>): GroupInput {
	const parsed = groupInputSchema.safeParse(fields);
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

describe('group input', () => {
	const errorsOf = (fields: Record<string, string>) => {
		const parsed = groupInputSchema.safeParse(fields);
		return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
	};
	it('names each bad field', () => {
		expect(errorsOf({ ...VIETNAM, slug: 'viet nam', countryCode: 'VNM', nameKo: ' ' })).toEqual({ slug: 'invalid_slug', countryCode: 'invalid_country', nameKo: 'required' });
		expect(errorsOf({ ...VIETNAM, slug: '-vietnam' })).toEqual({ slug: 'invalid_slug' });
		expect(errorsOf({ ...VIETNAM, slug: 'x'.repeat(41) })).toEqual({ slug: 'too_long' });
		expect(errorsOf({ ...VIETNAM, defaultTimezone: 'Mars/Olympus' })).toEqual({ defaultTimezone: 'invalid_choice' });
	});
	it('writes the slug in lowercase and the country code in capitals', () => {
		expect(groupInput({ ...VIETNAM, slug: 'Vietnam' })).toMatchObject({ slug: 'vietnam', countryCode: 'VN', descriptionKo: '', presidentPersonId: null });
	});
});

describeEachDatabase('administering country groups', (setup) => {
	const actors: Record<string, Actor> = {};
	const accountIds: Record<string, string> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	let vietnamId = '';

	beforeAll(async () => {
		await loadDemoData(setup.context);
		for (const role of ['admin', 'coordinator', 'member', 'partner']) {
			actors[role] = await actorFor(`${role}@demo.dari.test`);
			const actor = actors[role];
			if (actor.kind === 'user') accountIds[role] = actor.userId;
		}
	});

	it('lets only an administrator create a group', async () => {
		for (const role of ['coordinator', 'member', 'partner']) {
			expect(await createGroup(setup.context, actors[role], groupInput(VIETNAM))).toEqual({ ok: false, reason: 'FORBIDDEN' });
			expect(await listGroupsToAdminister(setup.context, actors[role])).toEqual({ ok: false, reason: 'FORBIDDEN' });
		}
		expect(await createGroup(setup.context, anonymous, groupInput(VIETNAM))).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });

		const created = await createGroup(setup.context, actors.admin, groupInput(VIETNAM));
		if (!created.ok) throw new Error(created.reason);
		vietnamId = created.value.id;
		expect(created.value.slug).toBe('vietnam');
		const list = await listGroupsToAdminister(setup.context, actors.admin);
		expect(list.ok && list.value.map((group) => [group.slug, group.countryCode, group.membershipCount, group.coordinatorCount])).toEqual([
			['coree', 'KR', 8, 1],
			['japon', 'JP', 0, 0],
			['vietnam', 'VN', 0, 0]
		]);
		const page = await getGroupToAdminister(setup.context, actors.admin, vietnamId);
		expect(page.ok && page.value.history).toMatchObject([{ action: 'create', by: 'Virginie ROUQUETTE', changes: { slug: 'vietnam', countryCode: 'VN' } }]);
	});

	it('refuses a slug already taken and an unknown country, by field', async () => {
		expect(await createGroup(setup.context, actors.admin, groupInput({ ...VIETNAM, slug: 'coree' }))).toEqual({ ok: false, reason: 'SLUG_TAKEN', field: 'slug' });
		expect(await createGroup(setup.context, actors.admin, groupInput({ ...VIETNAM, slug: 'atlantide', countryCode: 'XA' }))).toEqual({ ok: false, reason: 'UNKNOWN_COUNTRY', field: 'countryCode' });
		expect(await updateGroup(setup.context, actors.admin, vietnamId, groupInput({ ...VIETNAM, slug: 'japon' }))).toEqual({ ok: false, reason: 'SLUG_TAKEN', field: 'slug' });
		expect(await updateGroup(setup.context, actors.admin, '00000000-0000-4000-8000-999999999999', groupInput(VIETNAM))).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('keeps the country of a group that holds partnerships (their partners are in it)', async () => {
		const coree = await setup.context.db.selectFrom('country_group').selectAll().where('slug', '=', 'coree').executeTakeFirstOrThrow();
		const same = { slug: 'coree', countryCode: 'KR', nameFr: coree.name_fr, nameKo: coree.name_ko, nameEn: coree.name_en, descriptionFr: coree.description_fr, descriptionKo: coree.description_ko, descriptionEn: coree.description_en };
		expect(await updateGroup(setup.context, actors.admin, coree.id, groupInput({ ...same, countryCode: 'JP' }))).toEqual({ ok: false, reason: 'COUNTRY_IN_USE', field: 'countryCode' });
		const unchanged = await setup.context.db.selectFrom('country_group').select('country_code').where('id', '=', coree.id).executeTakeFirstOrThrow();
		expect(unchanged.country_code).toBe('KR');
		// A group without partnerships may still correct its country.
		expect(await updateGroup(setup.context, actors.admin, vietnamId, groupInput({ ...VIETNAM, countryCode: 'LA' }))).toMatchObject({ ok: true, value: { changed: ['countryCode'] } });
		await updateGroup(setup.context, actors.admin, vietnamId, groupInput(VIETNAM));
	});

	it('changes only what differs, and records each field before and after', async () => {
		setup.context.clock.advance(1000);
		const result = await updateGroup(setup.context, actors.admin, vietnamId, groupInput({ ...VIETNAM, descriptionKo: '베트남 지방정부와 협력하는 프랑스 지방정부들의 모임입니다.' }));
		expect(result).toEqual({ ok: true, value: { changed: ['descriptionKo'], slug: 'vietnam' } });
		expect(await updateGroup(setup.context, actors.admin, vietnamId, groupInput({ ...VIETNAM, descriptionKo: '베트남 지방정부와 협력하는 프랑스 지방정부들의 모임입니다.' }))).toEqual({
			ok: true,
			value: { changed: [], slug: 'vietnam' }
		});
		const page = await getGroupToAdminister(setup.context, actors.admin, vietnamId);
		expect(page.ok && page.value.history[0]).toMatchObject({ action: 'update', changes: { descriptionKo: ['', '베트남 지방정부와 협력하는 프랑스 지방정부들의 모임입니다.'] } });
		expect(await updateGroup(setup.context, actors.coordinator, vietnamId, groupInput(VIETNAM))).toEqual({ ok: false, reason: 'FORBIDDEN' });
	});

	it('keeps the zone the group’s meetings are scheduled in: Paris unless the administrator chooses another', async () => {
		await updateGroup(setup.context, actors.admin, vietnamId, groupInput(VIETNAM));
		let page = await getGroupToAdminister(setup.context, actors.admin, vietnamId);
		expect(page.ok && page.value.formValues.defaultTimezone).toBe('Europe/Paris');
		setup.context.clock.advance(1000);
		expect(await updateGroup(setup.context, actors.admin, vietnamId, groupInput({ ...VIETNAM, defaultTimezone: 'Asia/Ho_Chi_Minh' }))).toEqual({ ok: true, value: { changed: ['defaultTimezone'], slug: 'vietnam' } });
		page = await getGroupToAdminister(setup.context, actors.admin, vietnamId);
		expect(page.ok && page.value.formValues.defaultTimezone).toBe('Asia/Ho_Chi_Minh');
		expect(page.ok && page.value.history[0]).toMatchObject({ changes: { defaultTimezone: ['Europe/Paris', 'Asia/Ho_Chi_Minh'] } });
		await updateGroup(setup.context, actors.admin, vietnamId, groupInput(VIETNAM));
	});

	it('names the president among the people of the member organisations, and the group page shows them', async () => {
		const groups = await listGroupsToAdminister(setup.context, actors.admin);
		const coreeId = groups.ok ? groups.value.find((group) => group.slug === 'coree')!.id : '';
		const page = await getGroupToAdminister(setup.context, actors.admin, coreeId);
		if (!page.ok) throw new Error(page.reason);
		const millan = page.value.presidentCandidates.find((person) => person.displayName === 'Caroline MILLAN')!;
		const partnerPerson = page.value.presidentCandidates.find((person) => person.displayName === 'Morgane MILLON');
		expect(partnerPerson).toBeUndefined(); // the ministry is a partner, not a member
		expect(page.value.formValues.presidentPersonId).toBe(millan.id); // the demo's president

		// A person of a partner organisation cannot preside.
		const persons = await setup.context.db.selectFrom('person').select(['id', 'family_name']).execute();
		const millon = persons.find((person) => person.family_name === 'MILLON')!.id;
		expect(await updateGroup(setup.context, actors.admin, coreeId, { ...groupInput({ ...page.value.formValues, presidentPersonId: millon }) })).toEqual({
			ok: false,
			reason: 'UNKNOWN_PRESIDENT',
			field: 'presidentPersonId'
		});

		const overview = await getGroupOverview(setup.context, actors.member, 'coree');
		expect(overview.ok && overview.value.president).toMatchObject({ displayName: 'Caroline MILLAN', organisationName: { fr: 'Issy-les-Moulineaux' } });
		expect(overview.ok && overview.value.president?.title).toContain('Présidente du groupe-pays Corée');
	});

	it('adds a coordinator by the e-mail of an existing account, and removes them', async () => {
		expect(await addCoordinator(setup.context, actors.admin, vietnamId, 'nobody@example.org')).toEqual({ ok: false, reason: 'UNKNOWN_ACCOUNT', field: 'email' });
		expect(await addCoordinator(setup.context, actors.coordinator, vietnamId, 'partner@demo.dari.test')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		setup.context.clock.advance(1000);
		expect(await addCoordinator(setup.context, actors.admin, vietnamId, 'Partner@Demo.Dari.Test')).toEqual({ ok: true, value: { added: true } });
		expect(await addCoordinator(setup.context, actors.admin, vietnamId, 'partner@demo.dari.test')).toEqual({ ok: true, value: { added: false } });

		// The next request of that account sees the group as its coordinator.
		const partner = await actorFor('partner@demo.dari.test');
		expect(partner.kind === 'user' && partner.groupRoles[vietnamId]).toBe('coordinator');
		const page = await getGroupToAdminister(setup.context, actors.admin, vietnamId);
		expect(page.ok && page.value.coordinators.map((account) => account.email)).toEqual(['partner@demo.dari.test']);

		setup.context.clock.advance(1000);
		expect(await removeCoordinator(setup.context, actors.member, vietnamId, accountIds.partner)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await removeCoordinator(setup.context, actors.admin, vietnamId, accountIds.partner)).toEqual({ ok: true, value: { removed: true } });
		const after = await actorFor('partner@demo.dari.test');
		expect(after.kind === 'user' && after.groupRoles[vietnamId]).toBeUndefined();
		const history = await getGroupToAdminister(setup.context, actors.admin, vietnamId);
		expect(history.ok && history.value.history.slice(0, 2).map((entry) => entry.changes)).toEqual([
			{ coordinator: ['partner@demo.dari.test', null] },
			{ coordinator: [null, 'partner@demo.dari.test'] }
		]);
	});
});
