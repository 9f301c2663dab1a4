import { sql, type ExpressionBuilder } from 'kysely';
/** All SQL of country groups, organisations, people and memberships. */
import type { Database, Executor } from '../db/database';
import { searchKeys } from './search-keys';
import { newId } from '../shared/identifier';
import { refreshSearchKeysOfOrganisation as refreshPartnershipSearchKeysOfOrganisation } from '../partnerships/partnership.repository';
import type {
	ChangeLogTable,
	CountryGroupTable,
	NewOrganisation,
	NewPerson,
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

export function organisationSearchKeys(row: Pick<OrganisationTable, 'name_fr' | 'name_ko' | 'name_en'>) {
	const keys = searchKeys([row.name_fr, row.name_ko, row.name_en]);
	return { search_text: keys.text, search_initials: keys.initials };
}

export function personSearchKeys(row: Pick<PersonTable, 'given_name' | 'family_name' | 'email'>) {
	// Both orders: "kim hyoung" and "hyoung jin kim" both find KIM Hyoung Jin.
	const keys = searchKeys([`${row.given_name} ${row.family_name}`, `${row.family_name} ${row.given_name}`, row.email]);
	return { search_text: keys.text, search_initials: keys.initials };
}

export async function insertOrganisation(db: Executor, row: NewOrganisation): Promise<void> {
	await db.insertInto('organisation').values({ ...row, ...organisationSearchKeys(row) }).execute();
}

export async function insertPerson(db: Executor, row: NewPerson): Promise<void> {
	await db.insertInto('person').values({ ...row, ...personSearchKeys(row) }).execute();
	// Their organisation from an unknown start (they may have been there for years): the first
	// stay of person_affiliation, which minutes read for the meeting's day (issue 4 §3).
	if (row.organisation_id) {
		await db.insertInto('person_affiliation').values({ id: newId(), person_id: row.id, organisation_id: row.organisation_id, valid_from: null, valid_to: null }).execute();
	}
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

/**
 * Whether an organisation belongs to a group's directory: a membership (active or former), a side
 * of one of the group's partnerships (Guro-gu for Issy's twinning), or one of the organisations of
 * a good practice of the group.
 */
export async function isInGroupDirectory(db: Executor, organisationId: string, groupId: string): Promise<boolean> {
	const row = await db
		.selectNoFrom((eb) => [
			eb
				.or([
					eb.exists(eb.selectFrom('group_membership').select(sql`1`.as('one')).where('organisation_id', '=', organisationId).where('group_id', '=', groupId)),
					eb.exists(
						eb
							.selectFrom('partnership')
							.select(sql`1`.as('one'))
							.where('group_id', '=', groupId)
							.where((inner) => inner.or([inner('french_organisation_id', '=', organisationId), inner('foreign_organisation_id', '=', organisationId)]))
					),
					eb.exists(
						eb
							.selectFrom('good_practice_organisation')
							.innerJoin('good_practice', 'good_practice.id', 'good_practice_organisation.good_practice_id')
							.select(sql`1`.as('one'))
							.where('good_practice_organisation.organisation_id', '=', organisationId)
							.where('good_practice.group_id', '=', groupId)
					)
				])
				.as('visible')
		])
		.executeTakeFirstOrThrow();
	return Boolean(row.visible);
}

/** Applies the changes; the search keys follow when a name changes (the whole row is read back). */
export async function updateOrganisation(db: Executor, id: string, changes: Partial<Omit<NewOrganisation, 'id' | 'created_at'>>): Promise<void> {
	await db.updateTable('organisation').set(changes).where('id', '=', id).execute();
	if ('name_fr' in changes || 'name_ko' in changes || 'name_en' in changes) {
		const row = await db.selectFrom('organisation').select(['name_fr', 'name_ko', 'name_en']).where('id', '=', id).executeTakeFirstOrThrow();
		await db.updateTable('organisation').set(organisationSearchKeys(row)).where('id', '=', id).execute();
		// Partnerships are searched by both sides' names: they follow too.
		await refreshPartnershipSearchKeysOfOrganisation(db, id);
	}
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

/** `%word%` for LIKE, with LIKE's own wildcards in the word taken literally. */
function containsPattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * `column LIKE '%word%'`. A word of one or two characters has no trigram: PostgreSQL would still
 * walk the whole trigram index and recheck every row (22 ms at 50,000 people, against 9 for a
 * plain scan), so the column is wrapped (`|| ''`) to take it out of the index's reach. Same
 * result, on both databases; SQLite has no index there anyway.
 */
export function containsWord(column: string, word: string) {
	const reference = [...word].length < 3 ? sql`(${sql.ref(column)} || '')` : sql.ref(column);
	return sql<boolean>`${reference} like ${containsPattern(word)} escape '\\'`;
}

/**
 * Whether an organisation is in the group's directory, as correlated EXISTS: a membership (active or
 * former), a side of one of its partnerships, an organisation of one of its good practices — the
 * same rule as isInGroupDirectory. Searches filter the rows by their keys first (a sequential scan
 * of one table, ~3 ms for 50,000 rows here) and only then ask whether each is in the group: joining
 * from the group's memberships instead made SQLite look every member's people up by index, ten
 * times slower (bench/directory-search.ts). A member answers on the first EXISTS.
 */
function isInGroup(eb: ExpressionBuilder<Database, any>, organisationColumn: 'organisation.id' | 'person.organisation_id', groupId: string) {
	const organisation = sql.ref(organisationColumn) as never;
	return eb.or([
		eb.exists(
			eb
				.selectFrom('group_membership')
				.select(sql`1`.as('one'))
				.whereRef('group_membership.organisation_id', '=', organisation)
				.where('group_membership.group_id', '=', groupId)
		),
		eb.exists(
			eb
				.selectFrom('partnership')
				.select(sql`1`.as('one'))
				.whereRef('partnership.french_organisation_id', '=', organisation)
				.where('partnership.group_id', '=', groupId)
		),
		eb.exists(
			eb
				.selectFrom('partnership')
				.select(sql`1`.as('one'))
				.whereRef('partnership.foreign_organisation_id', '=', organisation)
				.where('partnership.group_id', '=', groupId)
		),
		eb.exists(
			eb
				.selectFrom('good_practice_organisation')
				.innerJoin('good_practice', 'good_practice.id', 'good_practice_organisation.good_practice_id')
				.select(sql`1`.as('one'))
				.whereRef('good_practice_organisation.organisation_id', '=', organisation)
				.where('good_practice.group_id', '=', groupId)
		)
	]);
}

/**
 * Organisations of a group whose search keys contain every word; names starting with the first first.
 * A scan of the group's memberships joined to organisations: a group holds hundreds of
 * organisations, not millions (see bench/ for the measured cost at 10,000).
 */
export function searchGroupOrganisationsQuery(db: Executor, groupId: string, column: 'search_text' | 'search_initials', words: string[], limit: number) {
	return db
		.selectFrom('organisation')
		.select(['organisation.id', 'organisation.name_fr', 'organisation.name_ko', 'organisation.name_en', 'organisation.kind', 'organisation.country_code'])
		.where((eb) => eb.and(words.map((word) => containsWord(`organisation.${column}`, word))))
		.where((eb) => isInGroup(eb, 'organisation.id', groupId))
		.orderBy(sql`case when ${sql.ref(`organisation.${column}`)} like ${`${words[0].replace(/[\\%_]/g, (character) => `\\${character}`)}%`} escape '\\' then 0 else 1 end`)
		.orderBy('organisation.name_fr')
		.limit(limit);
}

export async function searchGroupOrganisations(db: Executor, groupId: string, column: 'search_text' | 'search_initials', words: string[], limit: number) {
	return searchGroupOrganisationsQuery(db, groupId, column, words, limit).execute();
}

/**
 * People of the group's directory whose search keys contain every word, without their
 * organisation: joining it here let SQLite start from the organisations and look each one's people
 * up by index (73 ms at 50,000 people instead of 5); searchGroupPeople adds the names after.
 */
export function searchGroupPeopleQuery(db: Executor, groupId: string, column: 'search_text' | 'search_initials', words: string[], limit: number) {
	return db
		.selectFrom('person')
		.select(['person.id', 'person.given_name', 'person.family_name', 'person.name_order', 'person.email', 'person.organisation_id'])
		.where((eb) => eb.and(words.map((word) => containsWord(`person.${column}`, word))))
		.where((eb) => isInGroup(eb, 'person.organisation_id', groupId))
		.orderBy('person.family_name')
		.orderBy('person.given_name')
		.orderBy('person.id')
		.limit(limit);
}

export async function searchGroupPeople(db: Executor, groupId: string, column: 'search_text' | 'search_initials', words: string[], limit: number) {
	const people = await searchGroupPeopleQuery(db, groupId, column, words, limit).execute();
	const organisationIds = [...new Set(people.map((person) => person.organisation_id).filter((id): id is string => id !== null))];
	const organisations =
		organisationIds.length === 0
			? []
			: await db.selectFrom('organisation').select(['id', 'name_fr', 'name_ko', 'name_en']).where('id', 'in', organisationIds).execute();
	const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
	return people.flatMap((person) => {
		const organisation = person.organisation_id ? byId.get(person.organisation_id) : undefined;
		if (!organisation) return [];
		return [
			{
				...person,
				organisation_id: organisation.id,
				organisation_name_fr: organisation.name_fr,
				organisation_name_ko: organisation.name_ko,
				organisation_name_en: organisation.name_en
			}
		];
	});
}
