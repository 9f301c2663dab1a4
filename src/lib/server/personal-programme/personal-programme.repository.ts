/** All SQL of personal programmes and waiting lists (issue 6 §5–6). */
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { isPostgres } from '../meetings/meeting.repository';
import type { PersonalProgrammeTable, WaitingListEntryTable, WaitingStatus } from './personal-programme.table';

/**
 * Serialises the forum's place changes (withdrawals, offers, answers) on PostgreSQL: the forum's
 * row is locked until the transaction ends. SQLite runs one write transaction at a time anyway.
 */
export async function lockForum(db: Executor, forumId: string): Promise<void> {
	if (isPostgres(db)) await db.selectFrom('forum').select('id').where('id', '=', forumId).forUpdate().execute();
}

/** A forum with its group's slug and name. */
export async function findForumWithGroup(db: Executor, forumId: string) {
	return db
		.selectFrom('forum')
		.innerJoin('country_group', 'country_group.id', 'forum.group_id')
		.select(['forum.id', 'forum.number', 'forum.title_fr', 'forum.title_ko', 'forum.host_timezone', 'forum.starts_on', 'forum.ends_on', 'forum.group_id', 'country_group.slug'])
		.where('forum.id', '=', forumId)
		.executeTakeFirst();
}

export async function findForumIdByNumber(db: Executor, groupSlug: string, number: number): Promise<string | undefined> {
	const row = await db
		.selectFrom('forum')
		.innerJoin('country_group', 'country_group.id', 'forum.group_id')
		.select('forum.id')
		.where('country_group.slug', '=', groupSlug)
		.where('forum.number', '=', number)
		.executeTakeFirst();
	return row?.id;
}

export async function listProgrammeItems(db: Executor, forumId: string) {
	return db
		.selectFrom('programme_item')
		.select(['id', 'kind', 'title_fr', 'title_ko', 'place', 'starts_at', 'ends_at', 'capacity'])
		.where('forum_id', '=', forumId)
		.orderBy('starts_at')
		.orderBy('id')
		.execute();
}

export async function findRun(db: Executor, forumId: string) {
	return db.selectFrom('visit_assignment_run').select(['forum_id', 'published_at']).where('forum_id', '=', forumId).executeTakeFirst();
}

export async function markRunPublished(db: Executor, forumId: string, now: string): Promise<void> {
	await db.updateTable('visit_assignment_run').set({ published_at: now, updated_at: now }).where('forum_id', '=', forumId).execute();
}

export async function listAssignments(db: Executor, forumId: string) {
	return db.selectFrom('visit_assignment').select(['person_id', 'programme_item_id', 'rank', 'source']).where('forum_id', '=', forumId).execute();
}

export async function deleteAssignment(db: Executor, forumId: string, personId: string, itemId: string): Promise<boolean> {
	const result = await db
		.deleteFrom('visit_assignment')
		.where('forum_id', '=', forumId)
		.where('person_id', '=', personId)
		.where('programme_item_id', '=', itemId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function insertWaitingListAssignment(db: Executor, row: { forum_id: string; person_id: string; programme_item_id: string; rank: number; created_at: string }): Promise<void> {
	await db
		.insertInto('visit_assignment')
		.values({ ...row, locked: 1, lock_reason: null, source: 'waiting-list' })
		.execute();
}

/**
 * The forum's delegates: every person named in a registration that is not a "no", with their
 * organisation, when it registered, and their ranked visits (rank 1 first).
 */
export async function listDelegates(db: Executor, forumId: string) {
	const people = await db
		.selectFrom('registration_delegate')
		.innerJoin('registration', 'registration.id', 'registration_delegate.registration_id')
		.innerJoin('person', 'person.id', 'registration_delegate.person_id')
		.innerJoin('organisation', 'organisation.id', 'registration.organisation_id')
		.select([
			'registration_delegate.id as delegate_id',
			'person.id as person_id',
			'person.given_name',
			'person.family_name',
			'person.name_order',
			'person.email',
			'person.preferred_language',
			'organisation.name_fr as organisation_fr',
			'organisation.name_ko as organisation_ko',
			'registration.created_at as registered_at'
		])
		.where('registration.forum_id', '=', forumId)
		.where('registration.interest', '!=', 'no')
		.orderBy('organisation.name_fr')
		.orderBy('registration_delegate.position')
		.execute();
	const preferences = await db
		.selectFrom('registration_preference')
		.innerJoin('registration_delegate', 'registration_delegate.id', 'registration_preference.delegate_id')
		.innerJoin('registration', 'registration.id', 'registration_delegate.registration_id')
		.select(['registration_delegate.person_id', 'registration_preference.programme_item_id', 'registration_preference.rank'])
		.where('registration.forum_id', '=', forumId)
		.where('registration_preference.programme_item_id', 'is not', null)
		.orderBy('registration_preference.rank')
		.execute();
	return { people, preferences: preferences.map((row) => ({ person_id: row.person_id, programme_item_id: row.programme_item_id as string, rank: Number(row.rank) })) };
}

export async function findPerson(db: Executor, id: string) {
	return db.selectFrom('person').select(['id', 'given_name', 'family_name', 'name_order', 'email', 'preferred_language']).where('id', '=', id).executeTakeFirst();
}

/** The directory person an account speaks for. */
export async function findPersonOfAccount(db: Executor, userId: string): Promise<string | null> {
	const row = await db.selectFrom('user_account').select('person_id').where('id', '=', userId).executeTakeFirst();
	return row?.person_id ?? null;
}

export async function findPersonalProgramme(db: Executor, forumId: string, personId: string): Promise<PersonalProgrammeTable | undefined> {
	return db.selectFrom('personal_programme').selectAll().where('forum_id', '=', forumId).where('person_id', '=', personId).executeTakeFirst();
}

export async function findPersonalProgrammeByDigest(db: Executor, digest: string): Promise<PersonalProgrammeTable | undefined> {
	return db.selectFrom('personal_programme').selectAll().where('token_digest', '=', digest).executeTakeFirst();
}

export async function insertPersonalProgramme(db: Executor, row: PersonalProgrammeTable): Promise<void> {
	await db.insertInto('personal_programme').values(row).execute();
}

export async function raiseCalendarSequence(db: Executor, id: string, now: string): Promise<void> {
	await db
		.updateTable('personal_programme')
		.set((eb) => ({ calendar_sequence: eb('calendar_sequence', '+', 1), published_at: now, updated_at: now }))
		.where('id', '=', id)
		.execute();
}

export async function findOfferHours(db: Executor, forumId: string): Promise<number | undefined> {
	const row = await db.selectFrom('waiting_list_setting').select('offer_hours').where('forum_id', '=', forumId).executeTakeFirst();
	return row ? Number(row.offer_hours) : undefined;
}

export async function saveOfferHours(db: Executor, forumId: string, hours: number, now: string): Promise<void> {
	await db
		.insertInto('waiting_list_setting')
		.values({ forum_id: forumId, offer_hours: hours, updated_at: now })
		.onConflict((conflict) => conflict.column('forum_id').doUpdateSet({ offer_hours: hours, updated_at: now }))
		.execute();
}

/** Adds a delegate to a visit's waiting list; an entry already there is kept as it is. */
export async function insertWaitingEntry(db: Executor, row: WaitingListEntryTable): Promise<void> {
	await db
		.insertInto('waiting_list_entry')
		.values(row)
		.onConflict((conflict) => conflict.columns(['forum_id', 'person_id', 'programme_item_id']).doNothing())
		.execute();
}

/** Takes a delegate off the waiting list of a visit they now have. */
export async function deleteWaitingEntriesOfAssigned(db: Executor, forumId: string): Promise<void> {
	await db
		.deleteFrom('waiting_list_entry')
		.where('forum_id', '=', forumId)
		.where('status', '=', 'waiting')
		.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('visit_assignment')
					.select(sql.lit(1).as('one'))
					.whereRef('visit_assignment.forum_id', '=', 'waiting_list_entry.forum_id')
					.whereRef('visit_assignment.person_id', '=', 'waiting_list_entry.person_id')
					.whereRef('visit_assignment.programme_item_id', '=', 'waiting_list_entry.programme_item_id')
			)
		)
		.execute();
}

/** The forum's waiting lists, each visit's queue in order: preference rank, then registration time, then person. */
export async function listWaitingEntries(db: Executor, forumId: string): Promise<WaitingListEntryTable[]> {
	return db
		.selectFrom('waiting_list_entry')
		.selectAll()
		.where('forum_id', '=', forumId)
		.orderBy('programme_item_id')
		.orderBy('preference_rank')
		.orderBy('registered_at')
		.orderBy('person_id')
		.execute();
}

export async function updateWaitingEntry(
	db: Executor,
	key: { forum_id: string; person_id: string; programme_item_id: string },
	patch: Partial<Pick<WaitingListEntryTable, 'status' | 'offered_at' | 'offer_expires_at' | 'answered_at'>>,
	onlyWhenStatus?: WaitingStatus
): Promise<boolean> {
	let query = db
		.updateTable('waiting_list_entry')
		.set(patch)
		.where('forum_id', '=', key.forum_id)
		.where('person_id', '=', key.person_id)
		.where('programme_item_id', '=', key.programme_item_id);
	if (onlyWhenStatus) query = query.where('status', '=', onlyWhenStatus);
	const result = await query.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Forums with an offer whose time ran out at `now`: the periodic job passes them on. */
export async function listForumsWithExpiredOffers(db: Executor, now: string): Promise<string[]> {
	const rows = await db
		.selectFrom('waiting_list_entry')
		.select('forum_id')
		.distinct()
		.where('status', '=', 'offered')
		.where('offer_expires_at', '<=', now)
		.execute();
	return rows.map((row) => row.forum_id);
}
