/** All SQL of the partnerships register: partnerships, their status timeline and their themes. */
import type { Executor } from '../db/database';
import { searchKeys } from '../directory/search-keys';
import type { PartnershipStatusEventTable, PartnershipTable } from './partnership.table';

/** Written by the repository from both sides' names and the region: callers never set them. */
export type NewPartnership = Omit<PartnershipTable, 'search_text' | 'search_initials'>;

/** Recomputes the search keys from both sides' names (in every language) and the region. */
async function refreshSearchKeys(db: Executor, id: string): Promise<void> {
	const row = await db
		.selectFrom('partnership')
		.innerJoin('organisation as french', 'french.id', 'partnership.french_organisation_id')
		.leftJoin('organisation as foreign', 'foreign.id', 'partnership.foreign_organisation_id')
		.select([
			'french.name_fr as french_fr',
			'french.name_ko as french_ko',
			'french.name_en as french_en',
			'foreign.name_fr as foreign_fr',
			'foreign.name_ko as foreign_ko',
			'foreign.name_en as foreign_en',
			'partnership.foreign_region'
		])
		.where('partnership.id', '=', id)
		.executeTakeFirstOrThrow();
	const keys = searchKeys([row.french_fr, row.french_ko, row.french_en, row.foreign_fr, row.foreign_ko, row.foreign_en, row.foreign_region]);
	await db.updateTable('partnership').set({ search_text: keys.text, search_initials: keys.initials }).where('id', '=', id).execute();
}

/** After an organisation is renamed: its partnerships are found by its new names (issue 3 §8). */
export async function refreshSearchKeysOfOrganisation(db: Executor, organisationId: string): Promise<void> {
	const rows = await db
		.selectFrom('partnership')
		.select('id')
		.where((eb) => eb.or([eb('french_organisation_id', '=', organisationId), eb('foreign_organisation_id', '=', organisationId)]))
		.execute();
	for (const row of rows) await refreshSearchKeys(db, row.id);
}

export async function insertPartnership(db: Executor, row: NewPartnership): Promise<void> {
	await db.insertInto('partnership').values({ ...row, search_text: '', search_initials: '' }).execute();
	await refreshSearchKeys(db, row.id);
}

export async function updatePartnership(db: Executor, id: string, changes: Partial<Omit<NewPartnership, 'id' | 'group_id' | 'created_at'>>): Promise<void> {
	await db.updateTable('partnership').set(changes).where('id', '=', id).execute();
	if ('french_organisation_id' in changes || 'foreign_organisation_id' in changes || 'foreign_region' in changes) await refreshSearchKeys(db, id);
}

export async function findPartnership(db: Executor, groupId: string, id: string): Promise<PartnershipTable | undefined> {
	return db.selectFrom('partnership').selectAll().where('group_id', '=', groupId).where('id', '=', id).executeTakeFirst();
}

export async function insertStatusEvent(db: Executor, row: PartnershipStatusEventTable): Promise<void> {
	await db.insertInto('partnership_status_event').values(row).execute();
}

/** A partnership's timeline, oldest first; events of one date in the order they were recorded. */
export async function listStatusEvents(db: Executor, partnershipId: string) {
	return db
		.selectFrom('partnership_status_event')
		.leftJoin('user_account', 'user_account.id', 'partnership_status_event.recorded_by')
		.select([
			'partnership_status_event.id',
			'partnership_status_event.status',
			'partnership_status_event.on_date',
			'partnership_status_event.note',
			'partnership_status_event.recorded_at',
			'user_account.name as recorded_by_name'
		])
		.where('partnership_status_event.partnership_id', '=', partnershipId)
		.orderBy('partnership_status_event.on_date')
		.orderBy('partnership_status_event.recorded_at')
		.orderBy('partnership_status_event.id')
		.execute();
}

export async function replaceThemes(db: Executor, partnershipId: string, themeKeys: string[]): Promise<void> {
	await db.deleteFrom('partnership_theme').where('partnership_id', '=', partnershipId).execute();
	if (themeKeys.length > 0) {
		await db
			.insertInto('partnership_theme')
			.values(themeKeys.map((theme_key) => ({ partnership_id: partnershipId, theme_key })))
			.execute();
	}
}

export async function listThemeKeys(db: Executor, partnershipId: string): Promise<string[]> {
	const rows = await db.selectFrom('partnership_theme').select('theme_key').where('partnership_id', '=', partnershipId).execute();
	return rows.map((row) => row.theme_key);
}

const PARTY_COLUMNS = [
	'partnership.id',
	'partnership.group_id',
	'partnership.french_organisation_id',
	'partnership.foreign_organisation_id',
	'partnership.foreign_country_code',
	'partnership.foreign_region',
	'partnership.kind',
	'partnership.status',
	'partnership.verified',
	'french.name_fr as french_name_fr',
	'french.name_ko as french_name_ko',
	'french.name_en as french_name_en',
	'foreign.name_fr as foreign_name_fr',
	'foreign.name_ko as foreign_name_ko',
	'foreign.name_en as foreign_name_en',
	'foreign.region_name as foreign_region_name'
] as const;

/** A group's partnerships with both sides' names, filtered; the service adds themes and dates. */
export async function listGroupPartnerships(db: Executor, groupId: string, filters: { status?: string; kind?: string; theme?: string; organisationId?: string }) {
	let query = db
		.selectFrom('partnership')
		.innerJoin('organisation as french', 'french.id', 'partnership.french_organisation_id')
		.leftJoin('organisation as foreign', 'foreign.id', 'partnership.foreign_organisation_id')
		.select(PARTY_COLUMNS)
		.where('partnership.group_id', '=', groupId);
	if (filters.status) query = query.where('partnership.status', '=', filters.status as PartnershipTable['status']);
	if (filters.kind) query = query.where('partnership.kind', '=', filters.kind as PartnershipTable['kind']);
	if (filters.theme) {
		const theme = filters.theme;
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('partnership_theme')
					.select('partnership_theme.theme_key')
					.whereRef('partnership_theme.partnership_id', '=', 'partnership.id')
					.where('partnership_theme.theme_key', '=', theme)
			)
		);
	}
	if (filters.organisationId) {
		const organisationId = filters.organisationId;
		query = query.where((eb) => eb.or([eb('partnership.french_organisation_id', '=', organisationId), eb('partnership.foreign_organisation_id', '=', organisationId)]));
	}
	return query.orderBy('french.name_fr').orderBy('foreign.name_fr').orderBy('partnership.id').execute();
}

/** The themes of a group's partnerships, for the list (one query, not one per row). */
export async function listGroupPartnershipThemes(db: Executor, groupId: string) {
	return db
		.selectFrom('partnership_theme')
		.innerJoin('partnership', 'partnership.id', 'partnership_theme.partnership_id')
		.select(['partnership_theme.partnership_id', 'partnership_theme.theme_key'])
		.where('partnership.group_id', '=', groupId)
		.execute();
}

/** The latest dated event of each of a group's partnerships: the date of its current status. */
export async function listGroupStatusEvents(db: Executor, groupId: string) {
	return db
		.selectFrom('partnership_status_event')
		.innerJoin('partnership', 'partnership.id', 'partnership_status_event.partnership_id')
		.select(['partnership_status_event.partnership_id', 'partnership_status_event.status', 'partnership_status_event.on_date', 'partnership_status_event.recorded_at', 'partnership_status_event.id'])
		.where('partnership.group_id', '=', groupId)
		.execute();
}

/** Organisations of a country, to pick a partner from the directory. */
export async function listOrganisationsOfCountry(db: Executor, countryCode: string) {
	return db
		.selectFrom('organisation')
		.select(['id', 'name_fr', 'name_ko', 'name_en', 'kind', 'country_code'])
		.where('country_code', '=', countryCode)
		.orderBy('name_fr')
		.execute();
}

/** The organisations that may be a partnership's French side in a group: its French members, and those already party to one of its partnerships. */
export async function listFrenchSideCandidates(db: Executor, groupId: string) {
	return db
		.selectFrom('organisation')
		.select(['organisation.id', 'organisation.name_fr', 'organisation.name_ko', 'organisation.name_en', 'organisation.kind', 'organisation.country_code'])
		.where('organisation.country_code', '=', 'FR')
		.where((eb) =>
			eb.or([
				eb.exists(
					eb
						.selectFrom('group_membership')
						.select('group_membership.id')
						.whereRef('group_membership.organisation_id', '=', 'organisation.id')
						.where('group_membership.group_id', '=', groupId)
						.where('group_membership.status', '=', 'active')
				),
				eb.exists(
					eb
						.selectFrom('partnership')
						.select('partnership.id')
						.whereRef('partnership.french_organisation_id', '=', 'organisation.id')
						.where('partnership.group_id', '=', groupId)
				)
			])
		)
		.orderBy('organisation.name_fr')
		.execute();
}
