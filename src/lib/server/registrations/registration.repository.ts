/** All SQL of registrations of interest, reminders and personal links (issue 5 §5–6). */
import type { Executor } from '../db/database';
import type { ForumStatus } from '../forums/forum.table';
import type { PersonalLinkTable, RegistrationDelegateTable, RegistrationPreferenceTable, RegistrationReminderTable, RegistrationRoundTable, RegistrationTable } from './registration.table';

export async function findRound(db: Executor, forumId: string): Promise<RegistrationRoundTable | undefined> {
	return db.selectFrom('registration_round').selectAll().where('forum_id', '=', forumId).executeTakeFirst();
}

/** Opens a forum's registrations, or changes their deadline and schedule when already open. */
export async function saveRound(db: Executor, row: RegistrationRoundTable): Promise<void> {
	await db
		.insertInto('registration_round')
		.values(row)
		.onConflict((conflict) =>
			conflict.column('forum_id').doUpdateSet({ deadline_at: row.deadline_at, deadline_timezone: row.deadline_timezone, reminder_days: row.reminder_days, updated_at: row.updated_at })
		)
		.execute();
}

export async function setForumStatus(db: Executor, forumId: string, status: ForumStatus, now: string): Promise<void> {
	await db.updateTable('forum').set({ status, updated_at: now }).where('id', '=', forumId).execute();
}

/** Rounds whose deadline is still ahead of `nowIso`, with their forum's group: what reminders look at. */
export async function listRoundsBefore(db: Executor, nowIso: string) {
	return db
		.selectFrom('registration_round')
		.innerJoin('forum', 'forum.id', 'registration_round.forum_id')
		.innerJoin('country_group', 'country_group.id', 'forum.group_id')
		.select([
			'registration_round.forum_id',
			'registration_round.deadline_at',
			'registration_round.deadline_timezone',
			'registration_round.reminder_days',
			'forum.number',
			'forum.title_fr',
			'forum.title_ko',
			'country_group.id as group_id',
			'country_group.slug as group_slug',
			'country_group.name_fr as group_name_fr',
			'country_group.name_ko as group_name_ko',
			'country_group.name_en as group_name_en'
		])
		.where('registration_round.deadline_at', '>', nowIso)
		.execute();
}

export async function findRegistration(db: Executor, forumId: string, organisationId: string): Promise<RegistrationTable | undefined> {
	return db.selectFrom('registration').selectAll().where('forum_id', '=', forumId).where('organisation_id', '=', organisationId).executeTakeFirst();
}

export async function listRegistrationsOfForum(db: Executor, forumId: string): Promise<RegistrationTable[]> {
	return db.selectFrom('registration').selectAll().where('forum_id', '=', forumId).execute();
}

/**
 * Inserts the first registration of an organisation. Another first save of the same organisation
 * at the same time makes the unique (forum, organisation) refuse one: false then.
 */
export async function insertRegistration(db: Executor, row: RegistrationTable): Promise<boolean> {
	const result = await db
		.insertInto('registration')
		.values(row)
		.onConflict((conflict) => conflict.columns(['forum_id', 'organisation_id']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Writes a save made from `version`; false when another save has moved the version on since. */
export async function updateRegistrationAtVersion(
	db: Executor,
	id: string,
	version: number,
	changes: Omit<RegistrationTable, 'id' | 'forum_id' | 'organisation_id' | 'created_at' | 'version'>
): Promise<boolean> {
	const result = await db
		.updateTable('registration')
		.set({ ...changes, version: version + 1 })
		.where('id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export interface DelegateToWrite {
	row: RegistrationDelegateTable;
	preferences: Omit<RegistrationPreferenceTable, 'delegate_id'>[];
}

/** The delegation as saved replaces the previous one (called after the versioned update succeeded). */
export async function replaceDelegates(db: Executor, registrationId: string, delegates: DelegateToWrite[]): Promise<void> {
	await db.deleteFrom('registration_delegate').where('registration_id', '=', registrationId).execute();
	for (const delegate of delegates) {
		await db.insertInto('registration_delegate').values(delegate.row).execute();
		if (delegate.preferences.length > 0) {
			await db
				.insertInto('registration_preference')
				.values(delegate.preferences.map((preference) => ({ ...preference, delegate_id: delegate.row.id })))
				.execute();
		}
	}
}

/** Delegates of registrations, in order, with their person's names and e-mail. */
export async function listDelegates(db: Executor, registrationIds: string[]) {
	if (registrationIds.length === 0) return [];
	return db
		.selectFrom('registration_delegate')
		.innerJoin('person', 'person.id', 'registration_delegate.person_id')
		.select([
			'registration_delegate.id',
			'registration_delegate.registration_id',
			'registration_delegate.person_id',
			'registration_delegate.position',
			'person.given_name',
			'person.family_name',
			'person.name_order',
			'person.email'
		])
		.where('registration_delegate.registration_id', 'in', registrationIds)
		.orderBy('registration_delegate.registration_id')
		.orderBy('registration_delegate.position')
		.execute();
}

export async function listPreferences(db: Executor, delegateIds: string[]): Promise<RegistrationPreferenceTable[]> {
	if (delegateIds.length === 0) return [];
	return db.selectFrom('registration_preference').selectAll().where('delegate_id', 'in', delegateIds).orderBy('delegate_id').orderBy('rank').execute();
}

/** The group's active member and partner organisations, by French name. */
export async function listActiveOrganisationsOfGroup(db: Executor, groupId: string) {
	return db
		.selectFrom('group_membership')
		.innerJoin('organisation', 'organisation.id', 'group_membership.organisation_id')
		.select(['organisation.id', 'organisation.name_fr', 'organisation.name_ko', 'organisation.name_en', 'organisation.country_code', 'group_membership.capacity'])
		.where('group_membership.group_id', '=', groupId)
		.where('group_membership.status', '=', 'active')
		.orderBy('organisation.name_fr')
		.execute();
}

export async function findOrganisation(db: Executor, id: string) {
	return db.selectFrom('organisation').select(['id', 'name_fr', 'name_ko', 'name_en', 'country_code']).where('id', '=', id).executeTakeFirst();
}

/** People of organisations, with whether each has an account (people without one get personal links). */
export async function listPeopleOfOrganisations(db: Executor, organisationIds: string[]) {
	if (organisationIds.length === 0) return [];
	return db
		.selectFrom('person')
		.leftJoin('user_account', 'user_account.person_id', 'person.id')
		.select([
			'person.id',
			'person.organisation_id',
			'person.given_name',
			'person.family_name',
			'person.name_order',
			'person.email',
			'person.preferred_language',
			'user_account.id as user_id',
			'user_account.email as account_email'
		])
		.where('person.organisation_id', 'in', organisationIds)
		.orderBy('person.family_name')
		.orderBy('person.given_name')
		.execute();
}

export async function findPerson(db: Executor, id: string) {
	return db.selectFrom('person').select(['id', 'organisation_id', 'given_name', 'family_name', 'name_order', 'email', 'preferred_language']).where('id', '=', id).executeTakeFirst();
}

/** The account's e-mail and language, for the confirmation sent to whoever saved. */
export async function findAccount(db: Executor, userId: string) {
	return db.selectFrom('user_account').select(['id', 'email', 'preferred_language', 'person_id']).where('id', '=', userId).executeTakeFirst();
}

/** The forum's field visits (programme items of kind 'field-visit'), in programme order. */
export async function listFieldVisits(db: Executor, forumId: string) {
	return db
		.selectFrom('programme_item')
		.select(['id', 'title_fr', 'title_ko', 'starts_at', 'ends_at', 'capacity'])
		.where('forum_id', '=', forumId)
		.where('kind', '=', 'field-visit')
		.orderBy('starts_at')
		.orderBy('title_fr')
		.execute();
}

export async function listThemes(db: Executor) {
	return db.selectFrom('theme').select(['key', 'label_fr', 'label_ko', 'label_en']).orderBy('position').execute();
}

/**
 * Records that a reminder goes out; false when it already has (the primary key settles two
 * processes racing: the second waits for the first's transaction, then inserts nothing).
 */
export async function insertReminderOnce(db: Executor, row: RegistrationReminderTable): Promise<boolean> {
	const result = await db
		.insertInto('registration_reminder')
		.values(row)
		.onConflict((conflict) => conflict.columns(['forum_id', 'organisation_id', 'days_before']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function listRemindersOfForum(db: Executor, forumId: string): Promise<RegistrationReminderTable[]> {
	return db.selectFrom('registration_reminder').selectAll().where('forum_id', '=', forumId).execute();
}

export async function insertPersonalLink(db: Executor, row: PersonalLinkTable): Promise<void> {
	await db.insertInto('personal_link').values(row).execute();
}

export async function findPersonalLinkByDigest(db: Executor, digest: string): Promise<PersonalLinkTable | undefined> {
	return db.selectFrom('personal_link').selectAll().where('token_digest', '=', digest).executeTakeFirst();
}

export async function touchPersonalLink(db: Executor, id: string, now: string): Promise<void> {
	await db.updateTable('personal_link').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** A forum's number and its group, for a personal link's address. */
export async function findForumWithGroup(db: Executor, forumId: string) {
	return db
		.selectFrom('forum')
		.innerJoin('country_group', 'country_group.id', 'forum.group_id')
		.select(['forum.number', 'country_group.slug', 'country_group.id as group_id'])
		.where('forum.id', '=', forumId)
		.executeTakeFirst();
}
