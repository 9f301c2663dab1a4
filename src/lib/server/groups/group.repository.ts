/** SQL for administering country groups: the list with counts, changes, coordinators, president candidates. */
import type { Executor } from '../db/database';
import type { CountryGroupTable } from '../directory/directory.table';

/** Every group with how many active member organisations and coordinators it has. */
export async function listGroupsWithCounts(db: Executor) {
	const rows = await db
		.selectFrom('country_group')
		.select((eb) => [
			'country_group.id',
			'country_group.slug',
			'country_group.country_code',
			'country_group.name_fr',
			'country_group.name_ko',
			'country_group.name_en',
			eb
				.selectFrom('group_membership')
				.select((inner) => inner.fn.countAll().as('count'))
				.whereRef('group_membership.group_id', '=', 'country_group.id')
				.where('group_membership.status', '=', 'active')
				.as('membership_count'),
			eb
				.selectFrom('group_role')
				.select((inner) => inner.fn.countAll().as('count'))
				.whereRef('group_role.group_id', '=', 'country_group.id')
				.where('group_role.role', '=', 'coordinator')
				.as('coordinator_count')
		])
		.orderBy('country_group.name_fr')
		.execute();
	return rows.map((row) => ({ ...row, membership_count: Number(row.membership_count ?? 0), coordinator_count: Number(row.coordinator_count ?? 0) }));
}

export async function updateGroup(db: Executor, id: string, changes: Partial<Omit<CountryGroupTable, 'id' | 'created_at'>>): Promise<void> {
	await db.updateTable('country_group').set(changes).where('id', '=', id).execute();
}

/** The accounts that coordinate the group, by e-mail. */
export async function listCoordinators(db: Executor, groupId: string) {
	return db
		.selectFrom('group_role')
		.innerJoin('user_account', 'user_account.id', 'group_role.user_id')
		.select(['user_account.id', 'user_account.email', 'user_account.name'])
		.where('group_role.group_id', '=', groupId)
		.where('group_role.role', '=', 'coordinator')
		.orderBy('user_account.email')
		.execute();
}

/**
 * Who may preside the group: people of its active member organisations (not of its partners: a
 * ministry or an embassy accompanies the group, an elected member authority presides it, as
 * Issy-les-Moulineaux does in the reference minutes).
 */
export async function listPresidentCandidates(db: Executor, groupId: string) {
	return db
		.selectFrom('person')
		.innerJoin('group_membership', 'group_membership.organisation_id', 'person.organisation_id')
		.innerJoin('organisation', 'organisation.id', 'person.organisation_id')
		.select([
			'person.id',
			'person.given_name',
			'person.family_name',
			'person.name_order',
			'organisation.name_fr as organisation_name_fr',
			'organisation.name_ko as organisation_name_ko',
			'organisation.name_en as organisation_name_en'
		])
		.where('group_membership.group_id', '=', groupId)
		.where('group_membership.status', '=', 'active')
		.where('group_membership.capacity', '=', 'member')
		.orderBy('organisation.name_fr')
		.orderBy('person.family_name')
		.orderBy('person.given_name')
		.execute();
}

/** How many partnerships the group holds: its country cannot change under them. */
export async function countPartnerships(db: Executor, groupId: string): Promise<number> {
	const row = await db.selectFrom('partnership').select((eb) => eb.fn.countAll<number>().as('count')).where('group_id', '=', groupId).executeTakeFirstOrThrow();
	return Number(row.count);
}
