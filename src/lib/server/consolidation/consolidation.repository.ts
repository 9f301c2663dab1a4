/** All SQL of programme consolidation (issue 6): the instance's rows and the stored assignment. */
import type { Executor } from '../db/database';
import type { VisitAssignmentRunTable, VisitAssignmentTable } from './consolidation.table';

/** The forum's field visits with a capacity, in programme order. */
export async function listCappedFieldVisits(db: Executor, forumId: string) {
	return db
		.selectFrom('programme_item')
		.select(['id', 'title_fr', 'title_ko', 'starts_at', 'ends_at', 'capacity'])
		.where('forum_id', '=', forumId)
		.where('kind', '=', 'field-visit')
		.where('capacity', 'is not', null)
		.orderBy('starts_at')
		.orderBy('ends_at')
		.orderBy('id')
		.execute();
}

export async function listThemesOfItems(db: Executor, itemIds: readonly string[]) {
	if (itemIds.length === 0) return [];
	return db.selectFrom('programme_item_theme').select(['programme_item_id', 'theme_key']).where('programme_item_id', 'in', itemIds).execute();
}

/** People of the forum's registrations answering yes or maybe, with their organisation, in delegation order. */
export async function listDelegatesOfForum(db: Executor, forumId: string) {
	return db
		.selectFrom('registration')
		.innerJoin('registration_delegate', 'registration_delegate.registration_id', 'registration.id')
		.innerJoin('person', 'person.id', 'registration_delegate.person_id')
		.innerJoin('organisation', 'organisation.id', 'registration.organisation_id')
		.select([
			'registration_delegate.id as delegate_id',
			'registration_delegate.person_id',
			'registration_delegate.position',
			'registration.organisation_id',
			'registration.head_person_id',
			'organisation.name_fr',
			'organisation.name_ko',
			'organisation.name_en',
			'person.given_name',
			'person.family_name',
			'person.name_order'
		])
		.where('registration.forum_id', '=', forumId)
		.where('registration.interest', 'in', ['yes', 'maybe'])
		.orderBy('organisation.name_fr')
		.orderBy('registration.organisation_id')
		.orderBy('registration_delegate.position')
		.execute();
}

export async function listPreferencesOfForum(db: Executor, forumId: string) {
	return db
		.selectFrom('registration_preference')
		.innerJoin('registration_delegate', 'registration_delegate.id', 'registration_preference.delegate_id')
		.innerJoin('registration', 'registration.id', 'registration_delegate.registration_id')
		.select(['registration_preference.delegate_id', 'registration_preference.rank', 'registration_preference.theme_key', 'registration_preference.programme_item_id'])
		.where('registration.forum_id', '=', forumId)
		.orderBy('registration_preference.delegate_id')
		.orderBy('registration_preference.rank')
		.execute();
}

export async function findRun(db: Executor, forumId: string): Promise<VisitAssignmentRunTable | undefined> {
	return db.selectFrom('visit_assignment_run').selectAll().where('forum_id', '=', forumId).executeTakeFirst();
}

/** Records a computation; a new one keeps the publication time (publishing again is the coordinator's choice). */
export async function saveRun(db: Executor, row: VisitAssignmentRunTable): Promise<void> {
	const { forum_id: _forumId, published_at: _publishedAt, ...rest } = row;
	await db.insertInto('visit_assignment_run').values(row).onConflict((conflict) => conflict.column('forum_id').doUpdateSet(rest)).execute();
}

export async function updateRunTotals(db: Executor, forumId: string, totals: { filled: number; rank_sum: number; updated_at: string }): Promise<void> {
	await db.updateTable('visit_assignment_run').set(totals).where('forum_id', '=', forumId).execute();
}

export async function listAssignments(db: Executor, forumId: string): Promise<VisitAssignmentTable[]> {
	return db.selectFrom('visit_assignment').selectAll().where('forum_id', '=', forumId).orderBy('person_id').orderBy('programme_item_id').execute();
}

/** Removes the computed rows (locked = 0) of a forum, and locks of people no longer delegates. */
export async function deleteComputedAssignments(db: Executor, forumId: string, keepLocksOf: readonly string[]): Promise<void> {
	await db.deleteFrom('visit_assignment').where('forum_id', '=', forumId).where('locked', '=', 0).execute();
	let stale = db.deleteFrom('visit_assignment').where('forum_id', '=', forumId);
	if (keepLocksOf.length > 0) stale = stale.where('person_id', 'not in', keepLocksOf);
	await stale.execute();
}

export async function insertAssignments(db: Executor, rows: readonly VisitAssignmentTable[]): Promise<void> {
	for (let start = 0; start < rows.length; start += 500) await db.insertInto('visit_assignment').values(rows.slice(start, start + 500)).execute();
}

/** Removes a person's rows on the given visits (their visits of one slot). */
export async function deleteAssignmentsOfPerson(db: Executor, forumId: string, personId: string, itemIds: readonly string[]): Promise<void> {
	if (itemIds.length === 0) return;
	await db.deleteFrom('visit_assignment').where('forum_id', '=', forumId).where('person_id', '=', personId).where('programme_item_id', 'in', itemIds).execute();
}
