/** All SQL of the group map: the group's organisations, its partnerships and their parties, placing organisations. */
import type { Executor } from '../db/database';

/** The columns the map needs of an organisation. */
const ORGANISATION_COLUMNS = [
	'organisation.id',
	'organisation.kind',
	'organisation.country_code',
	'organisation.name_fr',
	'organisation.name_ko',
	'organisation.name_en',
	'organisation.official_code_scheme',
	'organisation.official_code',
	'organisation.departement_code',
	'organisation.region_code',
	'organisation.region_name',
	'organisation.latitude',
	'organisation.longitude'
] as const;

export async function findGroupBySlug(db: Executor, slug: string) {
	return db.selectFrom('country_group').select(['id', 'slug', 'name_fr', 'name_ko', 'name_en']).where('slug', '=', slug).executeTakeFirst();
}

/** Organisations with an active membership of the group, with the capacity they have in it. */
export async function listGroupOrganisations(db: Executor, groupId: string) {
	return db
		.selectFrom('group_membership')
		.innerJoin('organisation', 'organisation.id', 'group_membership.organisation_id')
		.select([...ORGANISATION_COLUMNS, 'group_membership.capacity'])
		.where('group_membership.group_id', '=', groupId)
		.where('group_membership.status', '=', 'active')
		.orderBy('organisation.name_fr')
		.execute();
}

/** The group's partnerships: both sides, the status, where the partner still to be identified is. */
export async function listGroupPartnerships(db: Executor, groupId: string) {
	return db
		.selectFrom('partnership')
		.select(['id', 'french_organisation_id', 'foreign_organisation_id', 'foreign_country_code', 'foreign_region', 'kind', 'status', 'verified'])
		.where('group_id', '=', groupId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

/** Organisations by id (the parties of partnerships that are not members of the group). */
export async function listOrganisationsByIds(db: Executor, ids: string[]) {
	if (ids.length === 0) return [];
	return db.selectFrom('organisation').select(ORGANISATION_COLUMNS).where('id', 'in', ids).execute();
}

/** Organisations with an official code or a name but no point yet: the ones to place. */
export async function listUnplacedOrganisations(db: Executor) {
	return db
		.selectFrom('organisation')
		.select(ORGANISATION_COLUMNS)
		.where((eb) => eb.or([eb('latitude', 'is', null), eb('longitude', 'is', null)]))
		.orderBy('id')
		.execute();
}

export async function setOrganisationPlace(db: Executor, organisationId: string, place: { latitude: number; longitude: number }): Promise<void> {
	await db.updateTable('organisation').set({ latitude: place.latitude, longitude: place.longitude }).where('id', '=', organisationId).execute();
}
