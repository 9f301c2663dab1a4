/** All SQL of forum editions, their hosts, places and programme (ENGINEERING.md rule 2). */
import type { Executor } from '../db/database';
import type { ForumPlaceTable, ForumTable, ProgrammeItemTable } from './forum.table';

export type ForumRow = ForumTable;
export type ProgrammeItemRow = ProgrammeItemTable;

/** A group's forum by its number ("2nd forum"), or undefined. */
export async function findForumByNumber(db: Executor, groupId: string, number: number): Promise<ForumRow | undefined> {
	return db.selectFrom('forum').selectAll().where('group_id', '=', groupId).where('number', '=', number).executeTakeFirst();
}

/** A forum by id, or undefined. */
export async function findForum(db: Executor, id: string): Promise<ForumRow | undefined> {
	return db.selectFrom('forum').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every forum of a group, newest edition first. */
export async function listForumsOfGroup(db: Executor, groupId: string): Promise<ForumRow[]> {
	return db.selectFrom('forum').selectAll().where('group_id', '=', groupId).orderBy('number', 'desc').execute();
}

export async function insertForum(db: Executor, row: ForumRow): Promise<void> {
	await db.insertInto('forum').values(row).execute();
}

export async function updateForum(db: Executor, id: string, patch: Partial<Omit<ForumRow, 'id' | 'group_id' | 'created_at'>>): Promise<void> {
	await db.updateTable('forum').set(patch).where('id', '=', id).execute();
}

export interface HostOrganisationRow {
	forum_id: string;
	organisation_id: string;
	name_fr: string;
	name_ko: string | null;
	name_en: string | null;
}

/** The host organisations of forums, in their order. */
export async function listHostOrganisations(db: Executor, forumIds: readonly string[]): Promise<HostOrganisationRow[]> {
	if (forumIds.length === 0) return [];
	return db
		.selectFrom('forum_host_organisation as host')
		.innerJoin('organisation', 'organisation.id', 'host.organisation_id')
		.select(['host.forum_id', 'host.organisation_id', 'organisation.name_fr', 'organisation.name_ko', 'organisation.name_en'])
		.where('host.forum_id', 'in', forumIds)
		.orderBy('host.forum_id')
		.orderBy('host.position')
		.execute();
}

export async function replaceHostOrganisations(db: Executor, forumId: string, organisationIds: readonly string[]): Promise<void> {
	await db.deleteFrom('forum_host_organisation').where('forum_id', '=', forumId).execute();
	if (organisationIds.length === 0) return;
	await db
		.insertInto('forum_host_organisation')
		.values(organisationIds.map((organisationId, index) => ({ forum_id: forumId, organisation_id: organisationId, position: index + 1 })))
		.execute();
}

export async function listPlaces(db: Executor, forumId: string): Promise<ForumPlaceTable[]> {
	return db.selectFrom('forum_place').selectAll().where('forum_id', '=', forumId).orderBy('position').execute();
}

export async function replacePlaces(db: Executor, forumId: string, places: readonly Omit<ForumPlaceTable, 'forum_id' | 'position'>[]): Promise<void> {
	await db.deleteFrom('forum_place').where('forum_id', '=', forumId).execute();
	if (places.length === 0) return;
	await db
		.insertInto('forum_place')
		.values(places.map((place, index) => ({ ...place, forum_id: forumId, position: index + 1 })))
		.execute();
}

export interface OrganisationChoiceRow {
	id: string;
	name_fr: string;
	name_ko: string | null;
	name_en: string | null;
	country_code: string;
}

/** Organisations of the given countries (France and the group's), and any of the given ids, by French name. */
export async function listOrganisationChoices(db: Executor, countryCodes: readonly string[], alsoIds: readonly string[]): Promise<OrganisationChoiceRow[]> {
	return db
		.selectFrom('organisation')
		.select(['id', 'name_fr', 'name_ko', 'name_en', 'country_code'])
		.where((where) => {
			// An empty IN list is not SQL: only the non-empty conditions (none: Kysely writes 1 = 0).
			const conditions = [...(countryCodes.length > 0 ? [where('country_code', 'in', countryCodes)] : []), ...(alsoIds.length > 0 ? [where('id', 'in', alsoIds)] : [])];
			return where.or(conditions);
		})
		.orderBy('normalized_name')
		.execute();
}

/** How many of the ids are organisations of the directory. */
export async function countOrganisations(db: Executor, ids: readonly string[]): Promise<number> {
	if (ids.length === 0) return 0;
	const row = await db.selectFrom('organisation').select((select) => select.fn.countAll<string | number>().as('count')).where('id', 'in', ids).executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function listProgrammeItems(db: Executor, forumId: string): Promise<ProgrammeItemRow[]> {
	return db.selectFrom('programme_item').selectAll().where('forum_id', '=', forumId).orderBy('starts_at').orderBy('ends_at').orderBy('id').execute();
}

export async function findProgrammeItem(db: Executor, id: string): Promise<ProgrammeItemRow | undefined> {
	return db.selectFrom('programme_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertProgrammeItem(db: Executor, row: ProgrammeItemRow): Promise<void> {
	await db.insertInto('programme_item').values(row).execute();
}

export async function updateProgrammeItem(db: Executor, id: string, patch: Partial<Omit<ProgrammeItemRow, 'id' | 'forum_id' | 'created_at'>>): Promise<void> {
	await db.updateTable('programme_item').set(patch).where('id', '=', id).execute();
}

export async function deleteProgrammeItem(db: Executor, id: string): Promise<void> {
	await db.deleteFrom('programme_item').where('id', '=', id).execute();
}

/** The themes of programme items, by item. */
export async function listItemThemes(db: Executor, itemIds: readonly string[]): Promise<{ programme_item_id: string; theme_key: string }[]> {
	if (itemIds.length === 0) return [];
	return db.selectFrom('programme_item_theme').selectAll().where('programme_item_id', 'in', itemIds).orderBy('theme_key').execute();
}

export async function replaceItemThemes(db: Executor, itemId: string, themeKeys: readonly string[]): Promise<void> {
	await db.deleteFrom('programme_item_theme').where('programme_item_id', '=', itemId).execute();
	if (themeKeys.length === 0) return;
	await db
		.insertInto('programme_item_theme')
		.values(themeKeys.map((key) => ({ programme_item_id: itemId, theme_key: key })))
		.execute();
}
