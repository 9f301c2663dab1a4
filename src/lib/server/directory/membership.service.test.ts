import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { addOrganisationToGroup, getMembership, listFormerMembers, updateMembership } from './membership.service';
import { getOrganisationRecord } from './organisation-record.service';
import { membershipInputSchema } from './membership.schema';

describe('membership input', () => {
	it('checks the capacity, the status and the date', () => {
		const errorsOf = (fields: Record<string, string>) => {
			const parsed = membershipInputSchema.safeParse(fields);
			return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
		};
		expect(errorsOf({ capacity: 'owner', since: '2016-02-30', status: 'gone' })).toEqual({ capacity: 'invalid_choice', since: 'invalid_date', status: 'invalid_choice' });
		expect(membershipInputSchema.parse({ capacity: 'member', since: ' ', status: 'active' })).toEqual({ capacity: 'member', since: null, status: 'active' });
	});
});

describeEachDatabase('an organisation’s membership of a group', (setup) => {
	const actors: Record<string, Actor> = {};
	let dijon = '';
	beforeAll(async () => {
		await loadDemoData(setup.context);
		for (const role of ['coordinator', 'member', 'partner']) {
			const signedIn = await signInWithPassword(setup.context, { email: `${role}@demo.dari.test`, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
			if (!signedIn.ok) throw new Error(role);
			actors[role] = await loadActor(setup.context, signedIn.value.user);
		}
		dijon = (await setup.context.db.selectFrom('organisation').select('id').where('name_fr', '=', 'Dijon').executeTakeFirstOrThrow()).id;
	});

	it('lets a coordinator record a joining date and a departure, with the change in the history', async () => {
		expect(await getMembership(setup.context, actors.coordinator, 'coree', dijon)).toEqual({
			ok: true,
			value: { membership: { capacity: 'member', since: null, status: 'active' }, canManage: true }
		});
		const result = await updateMembership(setup.context, actors.coordinator, 'coree', dijon, { capacity: 'member', since: '2016-07-05', status: 'former' });
		expect(result).toEqual({ ok: true, value: { changed: ['since', 'status'] } });
		const log = await setup.context.db.selectFrom('change_log').selectAll().where('entity_id', '=', dijon).execute();
		expect(log).toHaveLength(1);
		expect(JSON.parse(log[0].changes)).toEqual({ 'membership.since': [null, '2016-07-05'], 'membership.status': ['active', 'former'] });
		const former = await listFormerMembers(setup.context, actors.partner, 'coree');
		expect(former.ok && former.value.map((organisation) => organisation.name.fr)).toEqual(['Dijon']);
		// A former member keeps its record, reachable from the "former members" list.
		expect((await getOrganisationRecord(setup.context, actors.partner, 'coree', dijon)).ok).toBe(true);
		expect(await updateMembership(setup.context, actors.coordinator, 'coree', dijon, { capacity: 'member', since: '2016-07-05', status: 'former' })).toEqual({ ok: true, value: { changed: [] } });
		await updateMembership(setup.context, actors.coordinator, 'coree', dijon, { capacity: 'member', since: '2016-07-05', status: 'active' });
	});

	it('adds an organisation found as a duplicate (here a partnership’s Korean side) to the group, once', async () => {
		const guro = (await setup.context.db.selectFrom('organisation').select('id').where('name_fr', '=', 'Guro-gu (Séoul)').executeTakeFirstOrThrow()).id;
		expect(await addOrganisationToGroup(setup.context, actors.member, 'coree', guro, 'partner')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getMembership(setup.context, actors.coordinator, 'coree', guro)).toMatchObject({ value: { membership: null } });
		expect(await addOrganisationToGroup(setup.context, actors.coordinator, 'coree', guro, 'partner')).toEqual({ ok: true, value: { added: true } });
		expect(await getMembership(setup.context, actors.coordinator, 'coree', guro)).toMatchObject({ value: { membership: { capacity: 'partner', status: 'active' } } });
		expect(await addOrganisationToGroup(setup.context, actors.coordinator, 'coree', guro, 'partner')).toEqual({ ok: true, value: { added: false } });
		const memberships = await setup.context.db.selectFrom('group_membership').select('id').where('organisation_id', '=', guro).execute();
		expect(memberships).toHaveLength(1);
		expect(await addOrganisationToGroup(setup.context, actors.coordinator, 'coree', '00000000-0000-4000-8000-ffffffffffff', 'member')).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('refuses members and partners, and answers 404 for what is not in the group', async () => {
		const input = { capacity: 'member' as const, since: null, status: 'former' as const };
		expect(await updateMembership(setup.context, actors.member, 'coree', dijon, input)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await updateMembership(setup.context, actors.partner, 'coree', dijon, input)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect((await getMembership(setup.context, actors.member, 'coree', dijon)).ok && (await getMembership(setup.context, actors.member, 'coree', dijon))).toMatchObject({ value: { canManage: false } });
		expect(await updateMembership(setup.context, actors.coordinator, 'coree', '00000000-0000-4000-8000-ffffffffffff', input)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await updateMembership(setup.context, actors.coordinator, 'nowhere', dijon, input)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await listFormerMembers(setup.context, actors.member, 'japon')).toEqual({ ok: false, reason: 'FORBIDDEN' });
	});
});
