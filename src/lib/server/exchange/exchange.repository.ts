/**
 * The SQL of import and export. Partnerships and good practices are read straight from their
 * tables (their own services are written elsewhere): a read-only view for the export, nothing
 * more. Writes of organisations and people go through the directory repository's functions where
 * they exist, so search keys and normalized names are kept the one way.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { personSearchKeys } from '../directory/directory.repository';
import type { GroupMembershipTable, NewPerson } from '../directory/directory.table';

/** Every membership of a group (active and former) with its organisation's columns. */
export async function listGroupOrganisations(db: Executor, groupId: string) {
	return db
		.selectFrom('group_membership')
		.innerJoin('organisation', 'organisation.id', 'group_membership.organisation_id')
		.selectAll('organisation')
		.select([
			'group_membership.id as membership_id',
			'group_membership.capacity',
			'group_membership.since',
			'group_membership.status as membership_status'
		])
		.where('group_membership.group_id', '=', groupId)
		.orderBy('group_membership.capacity')
		.orderBy('organisation.name_fr')
		.orderBy('organisation.id')
		.execute();
}

/** People whose e-mail is one of these (compared without case), wherever they belong. */
export async function listPeopleByEmails(db: Executor, emails: string[]) {
	const rows = [];
	// Bounded lists: PostgreSQL takes at most 65,535 parameters in one statement.
	for (let start = 0; start < emails.length; start += 1000) {
		const chunk = emails.slice(start, start + 1000);
		rows.push(
			...(await db
				.selectFrom('person')
				.selectAll()
				.where(sql<string>`lower(email)`, 'in', chunk)
				.execute())
		);
	}
	return rows;
}

/** Changes a person; the search keys follow the names and e-mail (the whole row is read back). */
export async function updatePerson(db: Executor, id: string, changes: Partial<Omit<NewPerson, 'id' | 'created_at'>>): Promise<void> {
	await db.updateTable('person').set(changes).where('id', '=', id).execute();
	if ('given_name' in changes || 'family_name' in changes || 'email' in changes) {
		const row = await db.selectFrom('person').select(['given_name', 'family_name', 'email']).where('id', '=', id).executeTakeFirstOrThrow();
		await db.updateTable('person').set(personSearchKeys(row)).where('id', '=', id).execute();
	}
}

export async function updateMembership(db: Executor, id: string, changes: Partial<Pick<GroupMembershipTable, 'capacity' | 'status' | 'since'>>): Promise<void> {
	await db.updateTable('group_membership').set(changes).where('id', '=', id).execute();
}

/** A group's partnerships with both sides' names and codes, newest change first. */
export async function listGroupPartnerships(db: Executor, groupId: string) {
	const partnerships = await db
		.selectFrom('partnership')
		.innerJoin('organisation as french', 'french.id', 'partnership.french_organisation_id')
		.leftJoin('organisation as foreign', 'foreign.id', 'partnership.foreign_organisation_id')
		.select([
			'partnership.id',
			'partnership.kind',
			'partnership.status',
			'partnership.foreign_country_code',
			'partnership.foreign_region',
			'partnership.description_fr',
			'partnership.description_ko',
			'partnership.sources',
			'partnership.verified',
			'partnership.created_at',
			'partnership.updated_at',
			'french.name_fr as french_name_fr',
			'french.name_ko as french_name_ko',
			'french.official_code as french_official_code',
			'foreign.name_fr as foreign_name_fr',
			'foreign.name_ko as foreign_name_ko',
			'foreign.official_code as foreign_official_code'
		])
		.where('partnership.group_id', '=', groupId)
		.orderBy('french.name_fr')
		.orderBy('partnership.id')
		.execute();
	const ids = partnerships.map((partnership) => partnership.id);
	if (ids.length === 0) return { partnerships, events: [], themes: [] };
	const events = await db
		.selectFrom('partnership_status_event')
		.select(['partnership_id', 'status', 'on_date', 'recorded_at'])
		.where('partnership_id', 'in', ids)
		.orderBy('on_date')
		.orderBy('recorded_at')
		.execute();
	const themes = await db
		.selectFrom('partnership_theme')
		.innerJoin('theme', 'theme.key', 'partnership_theme.theme_key')
		.select(['partnership_theme.partnership_id', 'partnership_theme.theme_key'])
		.where('partnership_theme.partnership_id', 'in', ids)
		.orderBy('theme.position')
		.execute();
	return { partnerships, events, themes };
}

/** A group's good practices with their organisations, themes and links. */
export async function listGroupPractices(db: Executor, groupId: string) {
	const practices = await db.selectFrom('good_practice').selectAll().where('group_id', '=', groupId).orderBy('title_fr').orderBy('id').execute();
	const ids = practices.map((practice) => practice.id);
	if (ids.length === 0) return { practices, organisations: [], themes: [], links: [] };
	const organisations = await db
		.selectFrom('good_practice_organisation')
		.innerJoin('organisation', 'organisation.id', 'good_practice_organisation.organisation_id')
		.select(['good_practice_organisation.good_practice_id', 'organisation.name_fr', 'organisation.official_code'])
		.where('good_practice_organisation.good_practice_id', 'in', ids)
		.orderBy('organisation.name_fr')
		.execute();
	const themes = await db
		.selectFrom('good_practice_theme')
		.innerJoin('theme', 'theme.key', 'good_practice_theme.theme_key')
		.select(['good_practice_theme.good_practice_id', 'good_practice_theme.theme_key'])
		.where('good_practice_theme.good_practice_id', 'in', ids)
		.orderBy('theme.position')
		.execute();
	const links = await db
		.selectFrom('good_practice_link')
		.select(['good_practice_id', 'url', 'label', 'position'])
		.where('good_practice_id', 'in', ids)
		.orderBy('position')
		.execute();
	return { practices, organisations, themes, links };
}
