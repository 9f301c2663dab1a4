/** SQL of an organisation's membership of a group. */
import type { Executor } from '../db/database';
import type { GroupMembershipTable } from './directory.table';

export async function findMembership(db: Executor, groupId: string, organisationId: string): Promise<GroupMembershipTable | undefined> {
	return db
		.selectFrom('group_membership')
		.selectAll()
		.where('group_id', '=', groupId)
		.where('organisation_id', '=', organisationId)
		.executeTakeFirst();
}

export async function updateMembership(db: Executor, id: string, changes: Partial<Pick<GroupMembershipTable, 'capacity' | 'since' | 'status'>>): Promise<void> {
	await db.updateTable('group_membership').set(changes).where('id', '=', id).execute();
}

/** Former members of a group, for the members page's "former members" view. */
export async function listFormerMembers(db: Executor, groupId: string) {
	return db
		.selectFrom('group_membership')
		.innerJoin('organisation', 'organisation.id', 'group_membership.organisation_id')
		.select([
			'organisation.id',
			'organisation.name_fr',
			'organisation.name_ko',
			'organisation.name_en',
			'organisation.kind',
			'organisation.country_code',
			'group_membership.capacity',
			'group_membership.since'
		])
		.where('group_membership.group_id', '=', groupId)
		.where('group_membership.status', '=', 'former')
		.orderBy('organisation.name_fr')
		.execute();
}
