/** All SQL of country groups, organisations, people and memberships. */
import type { Executor } from '../db/database';
import type {
	ChangeLogTable,
	CountryGroupTable,
	GroupMembershipTable,
	OrganisationTable,
	PersonTable,
	PersonTitleTable,
	ThemeTable
} from './directory.table';

export async function listGroups(db: Executor): Promise<CountryGroupTable[]> {
	return db.selectFrom('country_group').selectAll().orderBy('name_fr').execute();
}

export async function listGroupsByIds(db: Executor, ids: string[]): Promise<CountryGroupTable[]> {
	if (ids.length === 0) return [];
	return db.selectFrom('country_group').selectAll().where('id', 'in', ids).orderBy('name_fr').execute();
}

export async function findGroupBySlug(db: Executor, slug: string): Promise<CountryGroupTable | undefined> {
	return db.selectFrom('country_group').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findGroupById(db: Executor, id: string): Promise<CountryGroupTable | undefined> {
	return db.selectFrom('country_group').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGroup(db: Executor, row: CountryGroupTable): Promise<void> {
	await db.insertInto('country_group').values(row).execute();
}

export async function insertOrganisation(db: Executor, row: OrganisationTable): Promise<void> {
	await db.insertInto('organisation').values(row).execute();
}

export async function insertPerson(db: Executor, row: PersonTable): Promise<void> {
	await db.insertInto('person').values(row).execute();
}

export async function insertPersonTitle(db: Executor, row: PersonTitleTable): Promise<void> {
	await db.insertInto('person_title').values(row).execute();
}

export async function insertMembership(db: Executor, row: GroupMembershipTable): Promise<void> {
	await db.insertInto('group_membership').values(row).execute();
}

/** Active memberships of a group with their organisations. */
export async function listGroupMemberships(db: Executor, groupId: string) {
	return db
		.selectFrom('group_membership')
		.innerJoin('organisation', 'organisation.id', 'group_membership.organisation_id')
		.select([
			'group_membership.id as membership_id',
			'group_membership.capacity',
			'group_membership.since',
			'group_membership.status',
			'organisation.id as organisation_id',
			'organisation.kind',
			'organisation.country_code',
			'organisation.name_fr',
			'organisation.name_ko',
			'organisation.name_en',
			'organisation.website',
			'organisation.region_name',
			'organisation.official_code'
		])
		.where('group_membership.group_id', '=', groupId)
		.where('group_membership.status', '=', 'active')
		.orderBy('group_membership.capacity')
		.orderBy('organisation.name_fr')
		.execute();
}

/** People of the given organisations, with every title they held (the service picks the day's). */
export async function listPeopleOfOrganisations(db: Executor, organisationIds: string[]) {
	if (organisationIds.length === 0) return { people: [], titles: [] };
	const people = await db
		.selectFrom('person')
		.selectAll()
		.where('organisation_id', 'in', organisationIds)
		.orderBy('family_name')
		.orderBy('given_name')
		.execute();
	const titles = people.length
		? await db
				.selectFrom('person_title')
				.selectAll()
				.where(
					'person_id',
					'in',
					people.map((person) => person.id)
				)
				.execute()
		: [];
	return { people, titles };
}

export async function countGroups(db: Executor): Promise<number> {
	const row = await db.selectFrom('country_group').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function findOrganisationByOfficialCode(db: Executor, scheme: string, code: string): Promise<OrganisationTable | undefined> {
	return db
		.selectFrom('organisation')
		.selectAll()
		.where('official_code_scheme', '=', scheme)
		.where('official_code', '=', code)
		.executeTakeFirst();
}

export async function listOrganisationsByNormalizedName(db: Executor, countryCode: string, normalizedName: string): Promise<OrganisationTable[]> {
	return db
		.selectFrom('organisation')
		.selectAll()
		.where('country_code', '=', countryCode)
		.where('normalized_name', '=', normalizedName)
		.execute();
}

export async function listThemes(db: Executor): Promise<ThemeTable[]> {
	return db.selectFrom('theme').selectAll().orderBy('position').execute();
}

export async function findOrganisationById(db: Executor, id: string): Promise<OrganisationTable | undefined> {
	return db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The groups an organisation is an active member or partner of. */
export async function listGroupIdsOfOrganisation(db: Executor, organisationId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('group_membership')
		.select('group_id')
		.where('organisation_id', '=', organisationId)
		.where('status', '=', 'active')
		.execute();
	return rows.map((row) => row.group_id);
}

export async function updateOrganisation(db: Executor, id: string, changes: Partial<Omit<OrganisationTable, 'id' | 'created_at'>>): Promise<void> {
	await db.updateTable('organisation').set(changes).where('id', '=', id).execute();
}

export async function insertChangeLog(db: Executor, row: ChangeLogTable): Promise<void> {
	await db.insertInto('change_log').values(row).execute();
}

/** A record's history, newest first, with the name of who made each change. */
export async function listChangeLog(db: Executor, entityType: ChangeLogTable['entity_type'], entityIds: string[]) {
	if (entityIds.length === 0) return [];
	return db
		.selectFrom('change_log')
		.leftJoin('user_account', 'user_account.id', 'change_log.user_id')
		.select([
			'change_log.id',
			'change_log.entity_type',
			'change_log.entity_id',
			'change_log.at',
			'change_log.action',
			'change_log.changes',
			'user_account.name as user_name',
			'user_account.email as user_email'
		])
		.where('change_log.entity_type', '=', entityType)
		.where('change_log.entity_id', 'in', entityIds)
		.orderBy('change_log.at', 'desc')
		.orderBy('change_log.id')
		.execute();
}
