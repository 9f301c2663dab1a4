/** All SQL of the good practices library (issue 3 §6): practices, their organisations, themes and links. */
import type { Executor } from '../db/database';
import { searchKeys } from '../directory/search-keys';
import type { GoodPracticeLinkTable, GoodPracticeTable } from './good-practice.table';

/** Written by the repository from the titles: callers never set them. */
export type NewGoodPractice = Omit<GoodPracticeTable, 'search_text' | 'search_initials'>;

/** The titles in every language, for the directory search (search-keys.ts). */
export function practiceSearchKeys(row: Pick<GoodPracticeTable, 'title_fr' | 'title_ko' | 'title_en'>) {
	const keys = searchKeys([row.title_fr, row.title_ko, row.title_en]);
	return { search_text: keys.text, search_initials: keys.initials };
}

export async function insertPractice(db: Executor, row: NewGoodPractice): Promise<void> {
	await db.insertInto('good_practice').values({ ...row, ...practiceSearchKeys(row) }).execute();
}

/** Applies the changes; the search keys follow when a title changes (the titles are read back). */
export async function updatePractice(db: Executor, id: string, changes: Partial<Omit<NewGoodPractice, 'id' | 'group_id' | 'created_at'>>): Promise<void> {
	await db.updateTable('good_practice').set(changes).where('id', '=', id).execute();
	if ('title_fr' in changes || 'title_ko' in changes || 'title_en' in changes) {
		const row = await db.selectFrom('good_practice').select(['title_fr', 'title_ko', 'title_en']).where('id', '=', id).executeTakeFirstOrThrow();
		await db.updateTable('good_practice').set(practiceSearchKeys(row)).where('id', '=', id).execute();
	}
}

export async function findPracticeById(db: Executor, id: string): Promise<GoodPracticeTable | undefined> {
	return db.selectFrom('good_practice').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A group's practices, newest first, optionally only those of one theme and of one country. A
 * group holds tens of practices, not thousands: no paging.
 */
export async function listPracticesOfGroup(db: Executor, groupId: string, filters: { themeKey: string | null; countryCode: string | null }) {
	let query = db
		.selectFrom('good_practice')
		.select(['id', 'country_code', 'title_fr', 'title_ko', 'title_en', 'summary_fr', 'summary_ko', 'summary_en', 'updated_at'])
		.where('group_id', '=', groupId);
	if (filters.countryCode) query = query.where('country_code', '=', filters.countryCode);
	if (filters.themeKey) {
		const themeKey = filters.themeKey;
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('good_practice_theme')
					.select('good_practice_theme.theme_key')
					.whereRef('good_practice_theme.good_practice_id', '=', 'good_practice.id')
					.where('good_practice_theme.theme_key', '=', themeKey)
			)
		);
	}
	return query.orderBy('created_at', 'desc').orderBy('id').execute();
}

/** How many of the group's practices each theme has (themes without any are absent). */
export async function countPracticesByTheme(db: Executor, groupId: string) {
	const rows = await db
		.selectFrom('good_practice_theme')
		.innerJoin('good_practice', 'good_practice.id', 'good_practice_theme.good_practice_id')
		.select(['good_practice_theme.theme_key', (eb) => eb.fn.countAll().as('count')])
		.where('good_practice.group_id', '=', groupId)
		.groupBy('good_practice_theme.theme_key')
		.execute();
	return rows.map((row) => ({ themeKey: row.theme_key, count: Number(row.count) }));
}

/** How many of the group's practices each country has. */
export async function countPracticesByCountry(db: Executor, groupId: string) {
	const rows = await db
		.selectFrom('good_practice')
		.select(['country_code', (eb) => eb.fn.countAll().as('count')])
		.where('group_id', '=', groupId)
		.groupBy('country_code')
		.orderBy('country_code')
		.execute();
	return rows.map((row) => ({ countryCode: row.country_code, count: Number(row.count) }));
}

/** The organisations of the given practices, with their names. */
export async function listOrganisationsOfPractices(db: Executor, practiceIds: string[]) {
	if (practiceIds.length === 0) return [];
	return db
		.selectFrom('good_practice_organisation')
		.innerJoin('organisation', 'organisation.id', 'good_practice_organisation.organisation_id')
		.select([
			'good_practice_organisation.good_practice_id',
			'organisation.id',
			'organisation.name_fr',
			'organisation.name_ko',
			'organisation.name_en',
			'organisation.kind',
			'organisation.country_code'
		])
		.where('good_practice_organisation.good_practice_id', 'in', practiceIds)
		.orderBy('organisation.name_fr')
		.execute();
}

export async function listThemesOfPractices(db: Executor, practiceIds: string[]) {
	if (practiceIds.length === 0) return [];
	return db
		.selectFrom('good_practice_theme')
		.innerJoin('theme', 'theme.key', 'good_practice_theme.theme_key')
		.select(['good_practice_theme.good_practice_id', 'theme.key', 'theme.label_fr', 'theme.label_ko', 'theme.label_en'])
		.where('good_practice_theme.good_practice_id', 'in', practiceIds)
		.orderBy('theme.position')
		.execute();
}

/** Sets the practice's organisations to exactly these. */
export async function replacePracticeOrganisations(db: Executor, practiceId: string, organisationIds: string[]): Promise<void> {
	await db.deleteFrom('good_practice_organisation').where('good_practice_id', '=', practiceId).execute();
	if (organisationIds.length === 0) return;
	await db
		.insertInto('good_practice_organisation')
		.values(organisationIds.map((organisationId) => ({ good_practice_id: practiceId, organisation_id: organisationId })))
		.execute();
}

/** Sets the practice's themes to exactly these. */
export async function replacePracticeThemes(db: Executor, practiceId: string, themeKeys: string[]): Promise<void> {
	await db.deleteFrom('good_practice_theme').where('good_practice_id', '=', practiceId).execute();
	if (themeKeys.length === 0) return;
	await db
		.insertInto('good_practice_theme')
		.values(themeKeys.map((themeKey) => ({ good_practice_id: practiceId, theme_key: themeKey })))
		.execute();
}

/**
 * The organisations a group's practices may name: the group's active members and partners, the
 * sides of its partnerships (a Korean city partner of a member), and those already named by one of
 * its practices (Métropole de Lyon, which hosted a visit without being a member).
 */
export async function listOrganisationsForPractices(db: Executor, groupId: string) {
	return db
		.selectFrom('organisation')
		.select(['organisation.id', 'organisation.name_fr', 'organisation.name_ko', 'organisation.name_en', 'organisation.country_code'])
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
						.where('partnership.group_id', '=', groupId)
						.where((inner) =>
							inner.or([inner('partnership.french_organisation_id', '=', inner.ref('organisation.id')), inner('partnership.foreign_organisation_id', '=', inner.ref('organisation.id'))])
						)
				),
				eb.exists(
					eb
						.selectFrom('good_practice_organisation')
						.innerJoin('good_practice', 'good_practice.id', 'good_practice_organisation.good_practice_id')
						.select('good_practice_organisation.organisation_id')
						.whereRef('good_practice_organisation.organisation_id', '=', 'organisation.id')
						.where('good_practice.group_id', '=', groupId)
				)
			])
		)
		.orderBy('organisation.name_fr')
		.execute();
}

export async function listLinksOfPractice(db: Executor, practiceId: string): Promise<GoodPracticeLinkTable[]> {
	return db.selectFrom('good_practice_link').selectAll().where('good_practice_id', '=', practiceId).orderBy('position').orderBy('id').execute();
}

/** The link goes after the practice's last one. */
export async function insertLink(db: Executor, row: Omit<GoodPracticeLinkTable, 'position'>): Promise<void> {
	const last = await db
		.selectFrom('good_practice_link')
		.select((eb) => eb.fn.max('position').as('position'))
		.where('good_practice_id', '=', row.good_practice_id)
		.executeTakeFirst();
	const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
	await db.insertInto('good_practice_link').values({ ...row, position }).execute();
}

/** Deletes the link if it belongs to the practice; says whether it did. */
export async function deleteLink(db: Executor, practiceId: string, linkId: string): Promise<boolean> {
	const result = await db.deleteFrom('good_practice_link').where('id', '=', linkId).where('good_practice_id', '=', practiceId).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}
